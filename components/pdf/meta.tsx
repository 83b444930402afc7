// The document's key facts in a band: number, dates, status, terms.
import { Text, View } from "@react-pdf/renderer";
import { styles } from "./styles";

export type MetaItem = { label: string; value: string };

export const Meta = ({ items }: { items: MetaItem[] }) => (
  <View style={styles.meta}>
    {items.map((item) => (
      <View key={item.label} style={styles.metaItem}>
        <Text style={styles.sectionLabel}>{item.label}</Text>
        <Text style={styles.strong}>{item.value}</Text>
      </View>
    ))}
  </View>
);
