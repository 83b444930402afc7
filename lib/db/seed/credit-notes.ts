// Credit notes on the demo's invoices: part of chosen lines credited back, numbered after their
// invoice; what exceeds the amount still due was already paid, so it is refunded.
import type { CreditNoteReason } from "@/lib/db/generated/enums";
import { newId, newPublicToken } from "@/lib/ids";
import { DEMO_ORG_ID } from "../demo";
import { auditRow, money, words } from "./audit";
import { lineAmounts, totalsOf } from "./invoice-lines";
import { amountDue, lesserMinor, type FinalizedInvoice, type InvoiceLedger } from "./ledger";
import { refundCreditNote } from "./payments";
import type { DemoRows } from "./rows";

export type CreditNoteSeed = {
  at: Date;
  reason: CreditNoteReason;
  memo: string;
  /** Which invoice lines (by index) and how much of each quantity is credited. */
  lines: { line: number; quantity: string }[];
};

/** Issues the invoice's `sequence`-th credit note and books it on the ledger. */
export const issueCreditNote = ({
  invoice,
  ledger,
  seed,
  sequence,
}: {
  invoice: FinalizedInvoice;
  ledger: InvoiceLedger;
  seed: CreditNoteSeed;
  sequence: number;
}): Pick<DemoRows, "creditNotes" | "creditNoteLines" | "payments" | "auditEntries"> => {
  const { currency } = invoice;
  const creditNoteId = newId("creditNote");
  const creditNoteLines = seed.lines.map((credited) => {
    const invoiceLine = invoice.lines[credited.line]!;
    const rate = invoiceLine.taxRatePercent ?? "0";
    const { amountMinor, taxMinor } = lineAmounts({
      unitAmountMinor: invoiceLine.unitAmountMinor,
      quantity: credited.quantity,
      taxRatePercent: rate,
    });
    return {
      id: newId("creditNoteLine"),
      creditNoteId,
      invoiceLineId: invoiceLine.id,
      description: invoiceLine.description,
      quantity: credited.quantity,
      unitAmountMinor: invoiceLine.unitAmountMinor,
      amountMinor,
      taxRatePercent: rate,
      taxMinor,
    };
  });
  const totals = totalsOf(creditNoteLines);
  // Before payment a credit lowers what is due; what exceeds the amount due was paid, so it goes back as a refund.
  const creditedToDueMinor = lesserMinor(amountDue(invoice.totalMinor, ledger), totals.totalMinor);
  const refundMinor = totals.totalMinor - creditedToDueMinor;
  ledger.creditedMinor += totals.totalMinor;
  ledger.refundedMinor += refundMinor;
  const number = `${invoice.number}-CN${String(sequence).padStart(2, "0")}`;
  const out: Pick<DemoRows, "creditNotes" | "creditNoteLines" | "payments" | "auditEntries"> = {
    creditNotes: [
      {
        id: creditNoteId,
        organizationId: DEMO_ORG_ID,
        invoiceId: invoice.id,
        customerId: invoice.customerId,
        number,
        sequence,
        status: "issued",
        reason: seed.reason,
        memo: seed.memo,
        currency,
        subtotalMinor: totals.subtotalMinor,
        taxMinor: totals.taxMinor,
        totalMinor: totals.totalMinor,
        creditedToDueMinor,
        refundMinor,
        publicToken: newPublicToken(),
        issuedAt: seed.at,
        createdAt: seed.at,
      },
    ],
    creditNoteLines,
    payments: [],
    auditEntries: [
      auditRow({
        at: seed.at,
        action: "invoice.credit_note_issued",
        entityType: "invoice",
        entityId: invoice.id,
        summary: `Issued credit note ${number} for ${money(totals.totalMinor, currency)} (${words(seed.reason)})`,
        reason: seed.memo,
        changes: { creditNoteId, creditNoteNumber: number },
      }),
    ],
  };
  if (refundMinor > 0n) {
    const refund = refundCreditNote({
      invoice,
      creditNote: { id: creditNoteId, number, issuedAt: seed.at },
      amountMinor: refundMinor,
    });
    out.payments.push(refund.payment);
    out.auditEntries.push(refund.auditEntry);
  }
  return out;
};
