// An invoice, a credit note and a receipt as their documents show them: plain, serializable data with every amount
// and date already formatted for the organisation's locale. The PDF templates and the customer's web
// page both render exactly this, so the two can never disagree.
import type { CreditNoteStatus, InvoiceStatus } from "@/lib/db/generated/enums";
import type { DisplayStatus } from "@/lib/invoices/status";

/** Seller or customer, as printed: a name, then address lines, then contact and tax details. */
export type DocumentParty = {
  name: string;
  addressLines: string[];
  email: string | null;
  taxId: string | null;
};

/** The large diagonal word across a document whose state a reader must not miss. */
export type DocumentMark = "PAID" | "VOID" | "DRAFT" | "UNCOLLECTIBLE";

export type InvoiceDocumentLine = {
  position: number;
  description: string;
  /** The service period of a usage or subscription line, e.g. "Jun 1 – 30, 2024". */
  period: string | null;
  quantity: string;
  unitPrice: string;
  taxRate: string;
  amount: string;
};

export type TotalsRowKind = "subtotal" | "tax" | "total" | "adjustment" | "due";

export type TotalsRow = {
  kind: TotalsRowKind;
  label: string;
  amount: string;
  /** A smaller line under the label: a credit note's date and reason. */
  detail?: string | null;
};

export type InvoiceDocumentPayment = {
  receiptId: string | null;
  receiptNumber: string | null;
  /** For the customer page's link to /r/<token>; never printed. */
  receiptToken: string | null;
  receivedOn: string;
  method: string;
  reference: string | null;
  amount: string;
};

/** A credit note issued against the invoice, as the invoice lists it. */
export type InvoiceDocumentCreditNote = {
  id: string;
  number: string;
  issuedOn: string;
  reason: string;
  status: CreditNoteStatus;
  /** "Issued" or "Void". */
  statusLabel: string;
  amount: string;
  /** For the customer page's link to /c/<token>; never printed. */
  token: string;
};

export type InvoiceDocument = {
  id: string;
  /** Null for a draft not yet numbered. */
  number: string | null;
  /** "Invoice INV-202406-0052", or "Draft invoice". */
  title: string;
  filename: string;
  status: InvoiceStatus;
  /** The stored status, or "overdue" when it is open and past its due date today. */
  displayStatus: DisplayStatus;
  /** As a person reads it: "Open", "Overdue", "Paid", ... */
  statusLabel: string;
  mark: DocumentMark | null;
  currency: string;
  issueDate: string;
  dueDate: string;
  paymentTerms: string | null;
  period: string | null;
  paidOn: string | null;
  voidedOn: string | null;
  voidReason: string | null;
  /** The organisation's everyday name, for the heading; the seller block prints the legal name. */
  sellerName: string;
  seller: DocumentParty;
  billTo: DocumentParty;
  /** The usage owner's name when someone else pays for their subscription. */
  usageBy: string | null;
  lines: InvoiceDocumentLine[];
  /**
   * True when the lines carry different tax rates. With one rate the column would repeat it on
   * every line; the totals name it once ("Tax (20% on €1,000.00)").
   */
  showTaxRates: boolean;
  /** Subtotal, tax per rate, total, then what came off it, ending with the amount due. */
  totals: TotalsRow[];
  total: string;
  amountDue: string;
  /** True while money is still owed on an open invoice: the page then shows how to pay. */
  payable: boolean;
  paymentInstructions: string | null;
  memo: string | null;
  footer: string | null;
  /** Newest first. */
  payments: InvoiceDocumentPayment[];
  /** In the order they were issued, voided ones included (they changed nothing). */
  creditNotes: InvoiceDocumentCreditNote[];
};

export type ReceiptDocument = {
  id: string;
  number: string;
  /** "Receipt RCP-2024-00017". */
  title: string;
  filename: string;
  invoiceNumber: string;
  currency: string;
  issuedOn: string;
  paidOn: string;
  method: string;
  reference: string | null;
  amount: string;
  invoiceTotal: string;
  amountRemaining: string;
  /** Nothing more is owed on the invoice after this payment. */
  settled: boolean;
  sellerName: string;
  seller: DocumentParty;
  customer: DocumentParty;
  footer: string | null;
};

/** A refund paid out for a credit note. */
export type CreditNoteDocumentRefund = {
  refundedOn: string;
  method: string;
  reference: string | null;
  amount: string;
};

export type CreditNoteDocument = {
  id: string;
  number: string;
  /** "Credit note INV-202406-0052-CN01". */
  title: string;
  filename: string;
  status: CreditNoteStatus;
  /** "Issued" or "Void". */
  statusLabel: string;
  mark: DocumentMark | null;
  currency: string;
  issuedOn: string;
  voidedOn: string | null;
  voidReason: string | null;
  /** As finance chose it: "Service issue", "Duplicate", ... */
  reason: string;
  memo: string | null;
  invoiceNumber: string;
  invoiceIssueDate: string;
  invoiceTotal: string;
  /** For the customer page's link to the invoice at /i/<token>; never printed. */
  invoiceToken: string;
  sellerName: string;
  seller: DocumentParty;
  billTo: DocumentParty;
  lines: InvoiceDocumentLine[];
  showTaxRates: boolean;
  /** Subtotal, tax per rate, the credit note's total, then where that credit went. */
  totals: TotalsRow[];
  total: string;
  refunds: CreditNoteDocumentRefund[];
  footer: string | null;
};
