// The stored records a document is built from, as plain shapes: invoice-data.ts and
// credit-note-data.ts map database rows onto them, and tests write them by hand.
import type {
  CreditNoteReason,
  CreditNoteStatus,
  InvoiceStatus,
  PaymentKind,
  PaymentMethod,
  PaymentRecordStatus,
  PaymentTerms,
} from "@/lib/db/generated/enums";

/** A person or company's billing details, as the Customer row and billToSnapshot both hold them. */
export type ContactRecord = {
  name: string;
  email?: string | null;
  addressLine1?: string | null;
  addressLine2?: string | null;
  city?: string | null;
  postalCode?: string | null;
  country?: string | null;
  taxId?: string | null;
};

export type SellerRecord = ContactRecord & {
  legalName: string | null;
  locale: string;
  timeZone: string;
  paymentInstructions: string | null;
  invoiceFooter: string | null;
};

export type InvoiceLineRecord = {
  position: number;
  description: string;
  /** Plain decimal text ("7.5"), never a float. */
  quantity: string;
  unitAmountMinor: bigint;
  amountMinor: bigint;
  /** Plain decimal text in percent ("20", "8.875"). */
  taxRatePercent: string;
  taxMinor: bigint;
  periodStart: Date | null;
  periodEnd: Date | null;
  /** The plan price a subscription line bills (usage or fee); null for a line typed by hand. */
  priceId?: string | null;
};

export type InvoicePaymentRecord = {
  kind: PaymentKind;
  status: PaymentRecordStatus;
  method: PaymentMethod;
  amountMinor: bigint;
  receivedOn: Date;
  reference: string | null;
  createdAt: Date;
  receipt: { id: string; number: string; publicToken: string } | null;
};

/** A credit note as its invoice lists it. */
export type InvoiceCreditNoteRecord = {
  id: string;
  number: string;
  status: CreditNoteStatus;
  reason: CreditNoteReason;
  totalMinor: bigint;
  issuedAt: Date;
  publicToken: string;
};

export type InvoiceRecord = {
  id: string;
  number: string | null;
  status: InvoiceStatus;
  currency: string;
  issueDate: Date;
  dueDate: Date;
  paymentTerms: PaymentTerms | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  customerId: string;
  usageOwnerId: string | null;
  subtotalMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
  creditedMinor: bigint;
  walletAppliedMinor: bigint;
  paidMinor: bigint;
  refundedMinor: bigint;
  amountDueMinor: bigint;
  memo: string | null;
  footer: string | null;
  /** The billed customer as finalized (JSON, checked here); null on a draft. */
  billToSnapshot: unknown;
  paidAt: Date | null;
  voidedAt: Date | null;
  voidReason: string | null;
  customer: ContactRecord;
  usageOwner: { name: string } | null;
  lines: InvoiceLineRecord[];
  payments: InvoicePaymentRecord[];
  /** Issued and voided alike; optional for records made before credit notes existed (tests, benches). */
  creditNotes?: InvoiceCreditNoteRecord[];
};

export type ReceiptRecord = {
  id: string;
  number: string;
  currency: string;
  amountMinor: bigint;
  amountRemainingMinor: bigint;
  issuedAt: Date;
  payment: {
    method: PaymentMethod;
    receivedOn: Date;
    reference: string | null;
    invoice: Pick<InvoiceRecord, "number" | "status" | "totalMinor" | "billToSnapshot" | "customer" | "footer">;
  };
};

export type CreditNoteLineRecord = {
  description: string;
  /** Plain decimal text, as on the invoice line it credits. */
  quantity: string;
  unitAmountMinor: bigint;
  amountMinor: bigint;
  taxRatePercent: string;
  taxMinor: bigint;
};

/** A refund paid out for the credit note (a Payment of kind refund). */
export type CreditNoteRefundRecord = {
  status: PaymentRecordStatus;
  method: PaymentMethod;
  amountMinor: bigint;
  receivedOn: Date;
  reference: string | null;
};

export type CreditNoteRecord = {
  id: string;
  number: string;
  status: CreditNoteStatus;
  reason: CreditNoteReason;
  memo: string | null;
  currency: string;
  subtotalMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
  creditedToDueMinor: bigint;
  refundMinor: bigint;
  walletCreditMinor: bigint;
  outOfBandMinor: bigint;
  issuedAt: Date;
  voidedAt: Date | null;
  voidReason: string | null;
  lines: CreditNoteLineRecord[];
  refunds: CreditNoteRefundRecord[];
  invoice: Pick<
    InvoiceRecord,
    "number" | "status" | "issueDate" | "totalMinor" | "billToSnapshot" | "customer" | "footer"
  > & { publicToken: string };
};
