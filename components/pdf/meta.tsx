// The document's key facts in a band: number, dates, status, terms.
import { Text, View } from "@react-pdf/renderer";
import { styles } from "./styles";

/** `wide` takes two columns: a credit note's number ("SG-INV-20240603-001-CN01") outgrows one. */
export type MetaItem = { label: string; value: string; wide?: boolean };

export const Meta = ({ items }: { items: MetaItem[] }) => (
  <View style={styles.meta}>
    {items.map((item) => (
      <View key={item.label} style={item.wide ? [styles.metaItem, styles.metaItemWide] : styles.metaItem}>
        <Text style={styles.sectionLabel}>{item.label}</Text>
        <Text style={styles.strong}>{item.value}</Text>
      </View>
    ))}
  </View>
);
