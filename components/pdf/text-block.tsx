// A titled paragraph: payment instructions from the organisation's settings, a memo, a void reason.
import { Text, View } from "@react-pdf/renderer";
import { styles } from "./styles";

export const TextBlock = ({ title, text }: { title: string; text: string | null }) =>
  text ? (
    <View style={styles.block} wrap={false}>
      <Text style={styles.sectionLabel}>{title}</Text>
      <Text style={styles.paragraph}>{text}</Text>
    </View>
  ) : null;
