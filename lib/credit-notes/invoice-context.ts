// The invoice as a credit note sees it: its money, its lines and how much of each line credit notes
// that are not void already took back. The form previews with it; the service checks against it
// under the invoice's lock.
import type { Tx } from "@/lib/db/client";
import type { InvoiceStatus, PaymentStatus } from "@/lib/db/generated/enums";
import type { CreditNoteInvoiceContext } from "./schemas";

export type CreditNoteInvoice = CreditNoteInvoiceContext & {
  id: string;
  number: string | null;
  status: InvoiceStatus;
  paymentStatus: PaymentStatus;
  customerId: string;
  uncollectibleAt: Date | null;
};

/** "1.500000" (a DECIMAL column, or a SUM over one) -> "1.5": trailing zeros say nothing. */
export const trimDecimal = (text: string): string => (text.includes(".") ? text.replace(/\.?0+$/, "") : text);

/** The invoice with what a credit note needs, or null when it is not in this organisation. */
export const loadCreditNoteInvoice = async (
  client: Tx,
  { organizationId, invoiceId }: { organizationId: string; invoiceId: string },
): Promise<CreditNoteInvoice | null> => {
  const invoice = await client.invoice.findFirst({
    where: { id: invoiceId, organizationId },
    select: {
      id: true,
      number: true,
      status: true,
      paymentStatus: true,
      customerId: true,
      currency: true,
      totalMinor: true,
      creditedMinor: true,
      walletAppliedMinor: true,
      paidMinor: true,
      refundedMinor: true,
      amountDueMinor: true,
      uncollectibleAt: true,
      lines: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          description: true,
          quantity: true,
          unitAmountMinor: true,
          amountMinor: true,
          taxRatePercent: true,
          taxMinor: true,
        },
      },
    },
  });
  if (!invoice) return null;
  const credited = await client.$queryRaw<{ invoiceLineId: string; quantity: string }[]>`
    SELECT l."invoiceLineId", SUM(l."quantity")::text AS "quantity"
    FROM "CreditNoteLine" l
    JOIN "CreditNote" c ON c."id" = l."creditNoteId"
    WHERE c."invoiceId" = ${invoiceId} AND c."status" = 'issued' AND l."invoiceLineId" IS NOT NULL
    GROUP BY l."invoiceLineId"`;
  return {
    ...invoice,
    lines: invoice.lines.map((line) => ({
      ...line,
      // toFixed: decimal.js's toString would write a tiny quantity as "1e-7".
      quantity: trimDecimal(line.quantity.toFixed()),
      taxRatePercent: trimDecimal(line.taxRatePercent.toFixed()),
    })),
    creditedQuantities: Object.fromEntries(credited.map((row) => [row.invoiceLineId, trimDecimal(row.quantity)])),
  };
};
