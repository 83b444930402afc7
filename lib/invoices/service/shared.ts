// What every invoice service needs: who acts, the invoice locked for the change, the invoicing
// customer checked, the organisation's locale for the audit summaries, and the audit entry itself.
// Every read is scoped by the acting user's organisation.
import { recordAudit, userActor } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { NotFoundError, UserError } from "@/lib/errors";
import { formatCalendarDate } from "@/lib/format/date";
import { newId, newPublicToken } from "@/lib/ids";
import { formatMoney } from "@/lib/money";
import { defaultSeries, takeNextNumber } from "@/lib/numbering/assign";
import { invoiceActionRefusal, type InvoiceAction } from "../transitions";

/** Who acts: the signed-in user (tests pass a plain object of the same shape). */
export type InvoiceActor = Pick<CurrentUser, "id" | "organizationId" | "name" | "email">;

export const INVOICE_ENTITY = "invoice";

export const lockedInvoiceSelect = {
  id: true,
  organizationId: true,
  status: true,
  paymentStatus: true,
  number: true,
  customNumber: true,
  seriesId: true,
  currency: true,
  issueDate: true,
  dueDate: true,
  customerId: true,
  subtotalMinor: true,
  taxMinor: true,
  totalMinor: true,
  creditedMinor: true,
  walletAppliedMinor: true,
  paidMinor: true,
  amountDueMinor: true,
  customer: { select: { name: true } },
} as const satisfies Prisma.InvoiceSelect;

export type LockedInvoice = Prisma.InvoiceGetPayload<{ select: typeof lockedInvoiceSelect }>;

/**
 * Locks the invoice row for the rest of the transaction (changes to one invoice queue up, and each
 * sees the state the previous one left) and reads it. Another organisation's invoice is not found.
 */
export const lockInvoice = async (
  tx: Tx,
  { actor, invoiceId }: { actor: Pick<InvoiceActor, "organizationId">; invoiceId: string },
): Promise<LockedInvoice> => {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Invoice" WHERE "id" = ${invoiceId} AND "organizationId" = ${actor.organizationId} FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError("Invoice");
  return tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, select: lockedInvoiceSelect });
};

/** Refuses, in the words transitions.ts uses, an action the invoice's state does not allow. */
export const assertInvoiceAction = (invoice: LockedInvoice, action: InvoiceAction): void => {
  // Only money received (paidMinor) refuses a void: wallet credit the invoice consumed is given
  // back to its credits by the void itself (restoreInvoiceCredit), so it does not stand in the way.
  const refusal = invoiceActionRefusal(
    {
      status: invoice.status,
      amountDueMinor: invoice.amountDueMinor,
      paidMinor: invoice.paidMinor,
      totalMinor: invoice.totalMinor,
      creditedMinor: invoice.creditedMinor,
    },
    action,
  );
  if (refusal) throw new UserError(refusal);
};

const customerSelect = {
  id: true,
  name: true,
  email: true,
  addressLine1: true,
  addressLine2: true,
  city: true,
  postalCode: true,
  country: true,
  taxId: true,
  status: true,
  defaultInvoiceSeriesId: true,
} as const satisfies Prisma.CustomerSelect;

export type InvoicingCustomer = Prisma.CustomerGetPayload<{ select: typeof customerSelect }>;

/**
 * The customer to bill, which must be active. Its row is share-locked until commit, so it cannot be
 * archived between this check and the invoice being written.
 */
export const activeInvoicingCustomer = async (
  tx: Tx,
  { organizationId, customerId, field }: { organizationId: string; customerId: string; field?: string },
): Promise<InvoicingCustomer> => {
  await tx.$queryRaw`
    SELECT 1 FROM "Customer" WHERE "id" = ${customerId} AND "organizationId" = ${organizationId} FOR SHARE`;
  const customer = await tx.customer.findFirst({ where: { id: customerId, organizationId }, select: customerSelect });
  if (!customer) throw new UserError("Choose a customer from the list", { field });
  if (customer.status !== "active") {
    throw new UserError(`${customer.name} is archived: restore the customer before invoicing`, { field });
  }
  return customer;
};

/** The bill-to block as it stood when the invoice was issued; documents print this, not the live customer. */
export type BillToSnapshot = {
  name: string;
  email: string;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  postalCode: string | null;
  country: string | null;
  taxId: string | null;
};

export const billToSnapshot = (customer: InvoicingCustomer): BillToSnapshot => ({
  name: customer.name,
  email: customer.email,
  addressLine1: customer.addressLine1,
  addressLine2: customer.addressLine2,
  city: customer.city,
  postalCode: customer.postalCode,
  country: customer.country,
  taxId: customer.taxId,
});

export type OrganizationClock = { locale: string; timeZone: string };

export const organizationClock = (tx: Tx, organizationId: string): Promise<OrganizationClock> =>
  tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { locale: true, timeZone: true } });

/** Formatters for audit summaries, in the organisation's locale. */
export const summaryFormat = ({ locale }: OrganizationClock) => ({
  money: (minor: bigint, currency: string) => formatMoney(minor, currency, { locale }),
  date: (date: Date) => formatCalendarDate(date, locale),
});

export const recordInvoiceAudit = (
  tx: Tx,
  {
    actor,
    invoiceId,
    action,
    summary,
    reason,
    changes,
  }: {
    actor: InvoiceActor;
    invoiceId: string;
    action: string;
    summary: string;
    reason?: string | null;
    changes?: Prisma.InputJsonValue;
  },
) =>
  recordAudit(tx, {
    organizationId: actor.organizationId,
    actor: userActor(actor),
    action,
    entityType: INVOICE_ENTITY,
    entityId: invoiceId,
    summary,
    reason,
    changes,
  });

/**
 * The one receipt a payment gets, numbered from the organisation's default receipt series. Call it
 * last in the transaction: the series row stays locked from here to commit.
 */
export const issueReceipt = async (
  tx: Tx,
  {
    organizationId,
    paymentId,
    amountMinor,
    currency,
    amountRemainingMinor,
    receivedOn,
    now,
  }: {
    organizationId: string;
    paymentId: string;
    amountMinor: bigint;
    currency: string;
    /** What the invoice still owes right after this payment. */
    amountRemainingMinor: bigint;
    /** A calendar date (UTC midnight) in the organisation's zone: the number prints it as it is. */
    receivedOn: Date;
    now: Date;
  },
): Promise<{ receiptId: string; receiptNumber: string }> => {
  const series = await defaultSeries(tx, organizationId, "receipt");
  const receiptNumber = await takeNextNumber(tx, {
    organizationId,
    seriesId: series.id,
    kind: "receipt",
    date: receivedOn,
    timeZone: "UTC",
  });
  const receiptId = newId("receipt");
  await tx.receipt.create({
    data: {
      id: receiptId,
      organizationId,
      paymentId,
      seriesId: series.id,
      number: receiptNumber,
      amountMinor,
      currency,
      amountRemainingMinor,
      publicToken: newPublicToken(),
      issuedAt: now,
    },
    select: { id: true },
  });
  return { receiptId, receiptNumber };
};
