import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { CREDIT_NOTE_REASON_LABELS, listCreditNotes } from "@/lib/credit-notes/queries";
import { formatDateTime } from "@/lib/format/date";
import { formatMoney } from "@/lib/money";
import { getOrganization } from "@/lib/organization/queries";

export const metadata: Metadata = { title: "Credit notes" };

const CreditNotesPage = async () => {
  const user = await requireUser();
  const organization = await getOrganization(user.organizationId);
  const creditNotes = await listCreditNotes(user.organizationId);
  const { locale, timeZone } = organization;
  return (
    <>
      <PageHeader title="Credit notes" description="Corrections issued against finalized invoices." />
      <Table label="Credit notes">
        <thead>
          <tr>
            <Th>Number</Th>
            <Th>Invoice</Th>
            <Th>Customer</Th>
            <Th>Reason</Th>
            <Th>Status</Th>
            <Th>Issued</Th>
            <Th align="right">Amount</Th>
          </tr>
        </thead>
        <tbody>
          {creditNotes.length === 0 ? (
            <EmptyRow colSpan={7}>No credit notes yet. They are issued from a finalized invoice.</EmptyRow>
          ) : (
            creditNotes.map((note) => (
              <tr key={note.id}>
                <Td className="font-medium">{note.number}</Td>
                <Td>{note.invoice.number}</Td>
                <Td>
                  <Link className="text-brand-700 hover:underline" href={`/customers/${note.customer.id}`}>
                    {note.customer.name}
                  </Link>
                </Td>
                <Td>{CREDIT_NOTE_REASON_LABELS[note.reason]}</Td>
                <Td>
                  <Badge tone={note.status === "issued" ? "info" : "neutral"}>
                    {note.status === "issued" ? "Issued" : "Void"}
                  </Badge>
                </Td>
                <Td>{formatDateTime(note.issuedAt, { locale, timeZone })}</Td>
                <Td align="right">{formatMoney(note.totalMinor, note.currency, { locale })}</Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
    </>
  );
};

export default CreditNotesPage;
