// Replacing an invoice's customer link: a new random token, so a link sent to the wrong person (or
// forwarded too widely) stops working at once. The old token is not kept anywhere.
import type { Tx } from "@/lib/db/client";
import { newPublicToken } from "@/lib/ids";
import { assertInvoiceAction, lockInvoice, recordInvoiceAudit, type InvoiceActor } from "./shared";

export const rotateInvoiceLink = async (
  tx: Tx,
  { actor, invoiceId }: { actor: InvoiceActor; invoiceId: string },
): Promise<{ invoiceId: string; customerId: string; publicToken: string }> => {
  const invoice = await lockInvoice(tx, { actor, invoiceId });
  assertInvoiceAction(invoice, "rotate_link");
  const publicToken = newPublicToken();
  await tx.invoice.update({ where: { id: invoiceId }, data: { publicToken }, select: { id: true } });
  await recordInvoiceAudit(tx, {
    actor,
    invoiceId,
    action: "invoice.link_rotated",
    summary: `Replaced the customer link of ${invoice.number ?? "the invoice"}; the old link no longer works`,
  });
  return { invoiceId, customerId: invoice.customerId, publicToken };
};
