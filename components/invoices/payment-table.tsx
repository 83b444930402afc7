// Payments recorded against the invoice, newest first, each with the receipt it produced: the PDF
// for the file, and the customer's receipt page (the address the customer is sent).
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { formatCalendarDate } from "@/lib/format/date";
import { PAYMENT_METHOD_LABELS } from "@/lib/invoices/schemas";
import { formatMoney } from "@/lib/money";
import type { InvoiceDetail } from "@/lib/invoices/detail";

export const PaymentTable = ({ detail, locale }: { detail: InvoiceDetail; locale: string }) => {
  const { invoice, payments } = detail;
  const draft = invoice.status === "draft";
  return (
    <Card title="Payments and receipts">
      <Table label="Payments and receipts">
        <thead>
          <tr>
            <Th>Received</Th>
            <Th>Method</Th>
            <Th>Reference</Th>
            <Th align="right">Amount</Th>
            <Th>Receipt</Th>
          </tr>
        </thead>
        <tbody>
          {payments.length === 0 ? (
            <EmptyRow colSpan={5}>
              {draft
                ? "Payments can be recorded once the invoice is finalized."
                : "No payments yet. Record one when the money arrives."}
            </EmptyRow>
          ) : (
            payments.map((payment) => {
              const refund = payment.kind === "refund";
              return (
                <tr key={payment.id}>
                  <Td className="whitespace-nowrap">{formatCalendarDate(payment.receivedOn, locale)}</Td>
                  <Td>
                    {refund ? "Refund · " : ""}
                    {PAYMENT_METHOD_LABELS[payment.method]}
                    {payment.status === "succeeded" ? null : (
                      <span className="ml-1 text-xs text-ink-600">({payment.status})</span>
                    )}
                  </Td>
                  <Td className="text-ink-700">{payment.reference ?? "—"}</Td>
                  <Td align="right">
                    {formatMoney(refund ? -payment.amountMinor : payment.amountMinor, payment.currency, { locale })}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {payment.receipt ? (
                      <span className="flex flex-wrap gap-x-3">
                        <a
                          className="font-medium text-brand-700 hover:underline"
                          href={`/api/receipts/${payment.receipt.id}/pdf`}
                          download
                        >
                          {payment.receipt.number}
                        </a>
                        <a
                          className="text-brand-700 hover:underline"
                          href={`/r/${payment.receipt.publicToken}`}
                          target="_blank"
                          rel="noreferrer"
                          aria-label={`Customer page for receipt ${payment.receipt.number}`}
                        >
                          Customer page
                        </a>
                      </span>
                    ) : (
                      <span className="text-ink-600">—</span>
                    )}
                  </Td>
                </tr>
              );
            })
          )}
        </tbody>
      </Table>
    </Card>
  );
};
