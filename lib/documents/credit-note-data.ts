// Loads a credit note from the database as its document's plain data: by id for staff (scoped to
// their organisation) or by public token for the customer. Server only.
import { cache } from "react";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { buildCreditNoteDocument } from "./credit-note-build";
import { CONTACT_SELECT, PUBLIC_TOKEN, type Reader, SELLER_SELECT } from "./selects";
import type { CreditNoteDocument } from "./types";

const CREDIT_NOTE_SELECT = {
  id: true,
  number: true,
  status: true,
  reason: true,
  memo: true,
  currency: true,
  subtotalMinor: true,
  taxMinor: true,
  totalMinor: true,
  creditedToDueMinor: true,
  refundMinor: true,
  walletCreditMinor: true,
  outOfBandMinor: true,
  issuedAt: true,
  voidedAt: true,
  voidReason: true,
  organization: { select: SELLER_SELECT },
  // The lines table has no position column: ids are time-sortable, so they keep the order of entry.
  lines: {
    orderBy: { id: "asc" },
    select: {
      description: true,
      quantity: true,
      unitAmountMinor: true,
      amountMinor: true,
      taxRatePercent: true,
      taxMinor: true,
    },
  },
  payments: {
    where: { kind: "refund" },
    select: { status: true, method: true, amountMinor: true, receivedOn: true, reference: true },
  },
  invoice: {
    select: {
      number: true,
      status: true,
      issueDate: true,
      totalMinor: true,
      billToSnapshot: true,
      footer: true,
      publicToken: true,
      customer: { select: CONTACT_SELECT },
    },
  },
} satisfies Prisma.CreditNoteSelect;

type CreditNoteRow = Prisma.CreditNoteGetPayload<{ select: typeof CREDIT_NOTE_SELECT }>;

// Decimal columns become plain decimal text here (toFixed never uses exponent notation).
const creditNoteDocumentOf = (row: CreditNoteRow): CreditNoteDocument => {
  const { organization, lines, payments, ...creditNote } = row;
  return buildCreditNoteDocument({
    creditNote: {
      ...creditNote,
      lines: lines.map((line) => ({
        ...line,
        quantity: line.quantity.toFixed(),
        taxRatePercent: line.taxRatePercent.toFixed(),
      })),
      refunds: payments,
    },
    seller: organization,
  });
};

/** Staff: a credit note in their organisation, issued or void. */
export const loadCreditNoteDocument = async (
  params: { organizationId: string; creditNoteId: string },
  client: Reader = db,
): Promise<CreditNoteDocument | null> => {
  const row = await client.creditNote.findFirst({
    where: { id: params.creditNoteId, organizationId: params.organizationId },
    select: CREDIT_NOTE_SELECT,
  });
  return row ? creditNoteDocumentOf(row) : null;
};

/**
 * The customer, holding the credit note's link: the same rules as an invoice's link. A credit note
 * only exists against an issued invoice; the draft check is the invoice links' guard kept here too.
 */
export const loadCreditNoteDocumentByToken = async (
  params: { token: string },
  client: Reader = db,
): Promise<CreditNoteDocument | null> => {
  if (!PUBLIC_TOKEN.test(params.token)) return null;
  const row = await client.creditNote.findFirst({
    where: { publicToken: params.token, invoice: { status: { not: "draft" } } },
    select: CREDIT_NOTE_SELECT,
  });
  return row ? creditNoteDocumentOf(row) : null;
};

// The customer page reads the document for its metadata and again for its body: once per request.
export const getPublicCreditNoteDocument = cache((token: string) => loadCreditNoteDocumentByToken({ token }));
