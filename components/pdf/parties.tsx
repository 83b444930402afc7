// Seller and customer side by side; "Usage by" when a delegated payer is billed for someone else.
import { Text, View } from "@react-pdf/renderer";
import type { DocumentParty } from "@/lib/documents/types";
import { styles } from "./styles";

const Party = ({ label, party, usageBy }: { label: string; party: DocumentParty; usageBy?: string | null }) => (
  <View style={styles.party}>
    <Text style={styles.sectionLabel}>{label}</Text>
    <Text style={styles.partyName}>{party.name}</Text>
    {/* One Text for the address: fewer nodes to lay out than one per line. */}
    {party.addressLines.length > 0 ? <Text>{party.addressLines.join("\n")}</Text> : null}
    {party.email ? <Text style={styles.muted}>{party.email}</Text> : null}
    {party.taxId ? <Text style={styles.muted}>Tax id {party.taxId}</Text> : null}
    {usageBy ? <Text style={styles.usageBy}>Usage by {usageBy}</Text> : null}
  </View>
);

export const Parties = ({
  seller,
  customer,
  customerLabel,
  usageBy,
}: {
  seller: DocumentParty;
  customer: DocumentParty;
  customerLabel: string;
  usageBy?: string | null;
}) => (
  <View style={styles.parties}>
    <Party label="From" party={seller} />
    <Party label={customerLabel} party={customer} usageBy={usageBy} />
  </View>
);
