// Loads an invoice or a receipt from the database as its document's plain data: by id for staff
// (scoped to their organisation) or by public token for the customer (never a draft). Server only.
import { cache } from "react";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { todayIn } from "@/lib/format/date";
import { buildInvoiceDocument, buildReceiptDocument, type SellerRecord } from "./build";
import { CONTACT_SELECT, PUBLIC_TOKEN, type Reader, SELLER_SELECT } from "./selects";
import type { InvoiceDocument, ReceiptDocument } from "./types";

const INVOICE_SELECT = {
  id: true,
  number: true,
  status: true,
  currency: true,
  issueDate: true,
  dueDate: true,
  paymentTerms: true,
  periodStart: true,
  periodEnd: true,
  customerId: true,
  usageOwnerId: true,
  subtotalMinor: true,
  taxMinor: true,
  totalMinor: true,
  creditedMinor: true,
  walletAppliedMinor: true,
  paidMinor: true,
  refundedMinor: true,
  amountDueMinor: true,
  memo: true,
  footer: true,
  billToSnapshot: true,
  paidAt: true,
  voidedAt: true,
  voidReason: true,
  organization: { select: SELLER_SELECT },
  customer: { select: CONTACT_SELECT },
  usageOwner: { select: { name: true } },
  lines: {
    orderBy: { position: "asc" },
    select: {
      position: true,
      description: true,
      quantity: true,
      unitAmountMinor: true,
      amountMinor: true,
      taxRatePercent: true,
      taxMinor: true,
      periodStart: true,
      periodEnd: true,
      priceId: true,
    },
  },
  payments: {
    select: {
      kind: true,
      status: true,
      method: true,
      amountMinor: true,
      receivedOn: true,
      reference: true,
      createdAt: true,
      receipt: { select: { id: true, number: true, publicToken: true } },
    },
  },
  creditNotes: {
    orderBy: [{ issuedAt: "asc" }, { sequence: "asc" }],
    select: { id: true, number: true, status: true, reason: true, totalMinor: true, issuedAt: true, publicToken: true },
  },
} satisfies Prisma.InvoiceSelect;

type InvoiceRow = Prisma.InvoiceGetPayload<{ select: typeof INVOICE_SELECT }>;

const RECEIPT_SELECT = {
  id: true,
  number: true,
  currency: true,
  amountMinor: true,
  amountRemainingMinor: true,
  issuedAt: true,
  organization: { select: SELLER_SELECT },
  payment: {
    select: {
      method: true,
      receivedOn: true,
      reference: true,
      invoice: {
        select: {
          number: true,
          status: true,
          totalMinor: true,
          billToSnapshot: true,
          footer: true,
          customer: { select: CONTACT_SELECT },
        },
      },
    },
  },
} satisfies Prisma.ReceiptSelect;

type ReceiptRow = Prisma.ReceiptGetPayload<{ select: typeof RECEIPT_SELECT }>;

// Decimal columns become plain decimal text here (toFixed never uses exponent notation).
const invoiceDocumentOf = (row: InvoiceRow, now: Date): InvoiceDocument => {
  const { organization, lines, ...invoice } = row;
  const seller: SellerRecord = organization;
  return buildInvoiceDocument({
    invoice: {
      ...invoice,
      lines: lines.map((line) => ({
        ...line,
        quantity: line.quantity.toFixed(),
        taxRatePercent: line.taxRatePercent.toFixed(),
      })),
    },
    seller,
    today: todayIn(seller.timeZone, now),
  });
};

const receiptDocumentOf = (row: ReceiptRow): ReceiptDocument => {
  const { organization, ...receipt } = row;
  return buildReceiptDocument({ receipt, seller: organization });
};

/** Staff: the invoice in their organisation, drafts included (their PDF is marked DRAFT). */
export const loadInvoiceDocument = async (
  params: { organizationId: string; invoiceId: string; now?: Date },
  client: Reader = db,
): Promise<InvoiceDocument | null> => {
  const row = await client.invoice.findFirst({
    where: { id: params.invoiceId, organizationId: params.organizationId },
    select: INVOICE_SELECT,
  });
  return row ? invoiceDocumentOf(row, params.now ?? new Date()) : null;
};

/** The customer, holding the link: an issued invoice only; a draft is as unknown as a wrong token. */
export const loadInvoiceDocumentByToken = async (
  params: { token: string; now?: Date },
  client: Reader = db,
): Promise<InvoiceDocument | null> => {
  if (!PUBLIC_TOKEN.test(params.token)) return null;
  const row = await client.invoice.findFirst({
    where: { publicToken: params.token, status: { not: "draft" } },
    select: INVOICE_SELECT,
  });
  return row ? invoiceDocumentOf(row, params.now ?? new Date()) : null;
};

/** Staff: a receipt in their organisation. */
export const loadReceiptDocument = async (
  params: { organizationId: string; receiptId: string },
  client: Reader = db,
): Promise<ReceiptDocument | null> => {
  const row = await client.receipt.findFirst({
    where: { id: params.receiptId, organizationId: params.organizationId },
    select: RECEIPT_SELECT,
  });
  return row ? receiptDocumentOf(row) : null;
};

/** The customer, holding the receipt's link. */
export const loadReceiptDocumentByToken = async (
  params: { token: string },
  client: Reader = db,
): Promise<ReceiptDocument | null> => {
  if (!PUBLIC_TOKEN.test(params.token)) return null;
  const row = await client.receipt.findFirst({
    where: { publicToken: params.token, payment: { invoice: { status: { not: "draft" } } } },
    select: RECEIPT_SELECT,
  });
  return row ? receiptDocumentOf(row) : null;
};

// The customer pages read a document for their metadata and again for their body: once per request.
export const getPublicInvoiceDocument = cache((token: string) => loadInvoiceDocumentByToken({ token }));
export const getPublicReceiptDocument = cache((token: string) => loadReceiptDocumentByToken({ token }));
