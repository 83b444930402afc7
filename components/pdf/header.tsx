// The document's top: who sends it on the left, what it is and its number on the right.
import { Text, View } from "@react-pdf/renderer";
import { styles } from "./styles";

export const DocumentHeader = ({
  sellerName,
  kind,
  number,
}: {
  sellerName: string;
  kind: string;
  number: string | null;
}) => (
  <View style={styles.header}>
    <Text style={styles.sellerName}>{sellerName}</Text>
    <View style={styles.headerRight}>
      <Text style={styles.documentTitle}>{kind}</Text>
      {number ? <Text style={styles.documentNumber}>{number}</Text> : null}
    </View>
  </View>
);
