// Reads for the invoice pages: one invoice with everything its page shows (lines, payments and
// receipts, credit notes, the invoice it replaces, its history), a draft as the edit form's values,
// and the choices the draft form offers. Every read is scoped by the organisation.
import { cache } from "react";
import { db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { todayIn } from "@/lib/format/date";
import { formatMinorAsDecimal, SUPPORTED_CURRENCIES } from "@/lib/money";
import { DEFAULT_SERIES } from "@/lib/numbering/assign";
import { seriesPreview } from "@/lib/numbering/format";
import { billedLineText } from "./billed-line";
import { calendarDateText, type DraftInvoiceFormValues } from "./schemas";
import { INVOICE_ENTITY, type BillToSnapshot } from "./service/shared";

type Reader = Tx;

export type { BillToSnapshot };

const detailInclude = {
  customer: {
    select: {
      id: true,
      externalId: true,
      name: true,
      email: true,
      addressLine1: true,
      addressLine2: true,
      city: true,
      postalCode: true,
      country: true,
      taxId: true,
      currency: true,
      status: true,
      defaultInvoiceSeriesId: true,
    },
  },
  usageOwner: { select: { id: true, externalId: true, name: true, email: true } },
  series: { select: { id: true, name: true, format: true } },
  lines: { orderBy: { position: "asc" } },
  payments: {
    orderBy: [{ receivedOn: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    include: { receipt: { select: { id: true, number: true, publicToken: true } } },
  },
  creditNotes: { orderBy: { sequence: "asc" } },
  replacesInvoice: { select: { id: true, number: true } },
  replacedBy: { select: { id: true, number: true } },
} as const satisfies Prisma.InvoiceInclude;

const loadInvoiceDetail = async (organizationId: string, invoiceId: string, client: Reader = db) => {
  const row = await client.invoice.findFirst({ where: { id: invoiceId, organizationId }, include: detailInclude });
  if (!row) return null;
  const timeline = await client.auditEntry.findMany({
    where: { organizationId, entityType: INVOICE_ENTITY, entityId: invoiceId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const { customer, usageOwner, series, lines, payments, creditNotes, replacesInvoice, replacedBy, ...invoice } = row;
  return {
    invoice,
    /** The bill-to block as issued (null while a draft: the page shows the live customer then). */
    billTo: invoice.billToSnapshot as BillToSnapshot | null,
    customer,
    usageOwner,
    series,
    lines,
    payments,
    creditNotes,
    replacesInvoice,
    replacedBy,
    timeline,
  };
};

/** One invoice and everything its page shows, or null when it is not in this organisation. */
export const getInvoiceDetail: typeof loadInvoiceDetail = cache(loadInvoiceDetail);

export type InvoiceDetail = NonNullable<Awaited<ReturnType<typeof loadInvoiceDetail>>>;

/** A draft as the edit form holds it (strings, as typed), or null when it is not a draft of this organisation. */
export const getDraftFormValues = async (
  organizationId: string,
  invoiceId: string,
  client: Reader = db,
): Promise<DraftInvoiceFormValues | null> => {
  const invoice = await client.invoice.findFirst({
    where: { id: invoiceId, organizationId, status: "draft" },
    include: { lines: { orderBy: { position: "asc" } }, organization: { select: { paymentTerms: true } } },
  });
  if (!invoice) return null;
  return {
    invoiceId: invoice.id,
    // The form fixes the payer and currency of a draft that bills a subscription.
    subscriptionId: invoice.type === "subscription" ? (invoice.subscriptionId ?? "") : "",
    customerId: invoice.customerId,
    currency: invoice.currency,
    issueDate: calendarDateText(invoice.issueDate),
    dueMode: invoice.paymentTerms ? "terms" : "date",
    // With an explicit due date the terms field still needs a value for when the user switches back.
    paymentTerms: invoice.paymentTerms ?? invoice.organization.paymentTerms,
    dueDate: calendarDateText(invoice.dueDate),
    numbering: invoice.customNumber ? "custom" : "series",
    seriesId: invoice.seriesId ?? "",
    customNumber: invoice.customNumber ? (invoice.number ?? "") : "",
    memo: invoice.memo ?? "",
    footer: invoice.footer ?? "",
    lines: invoice.lines.map((line) => ({
      description: line.description,
      // Decimal prints canonically ("7.5", not "7.500000").
      quantity: line.quantity.toString(),
      unitPrice: formatMinorAsDecimal(line.unitAmountMinor, invoice.currency),
      taxRate: line.taxRatePercent.toString(),
      // Hidden: the plan price and period a subscription line bills, kept through the edit.
      ...billedLineText(line),
    })),
  };
};

export type InvoiceSeriesChoice = { id: string; name: string; format: string; isDefault: boolean; preview: string };

export type InvoiceFormOptions = {
  currencies: string[];
  invoiceSeries: InvoiceSeriesChoice[];
  defaultCurrency: string;
  defaultPaymentTerms: DraftInvoiceFormValues["paymentTerms"];
  /** Today in the organisation's time zone ("YYYY-MM-DD"): a new draft's issue date. */
  today: string;
  /** What a series-numbered invoice gets when neither the draft nor its customer names a series. */
  defaultSeriesName: string;
};

/** What the draft form offers: currencies, invoice series with the next number each would give, defaults. */
export const getInvoiceFormOptions = async (
  organizationId: string,
  client: Reader = db,
): Promise<InvoiceFormOptions> => {
  const [organization, series] = await Promise.all([
    client.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { defaultCurrency: true, paymentTerms: true, timeZone: true },
    }),
    client.numberSeries.findMany({
      where: { organizationId, kind: "invoice" },
      orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { id: true, name: true, format: true, isDefault: true, nextNumber: true },
    }),
  ]);
  const now = new Date();
  const today = todayIn(organization.timeZone, now);
  const invoiceSeries = series.map((each) => {
    const preview = seriesPreview({ format: each.format, nextNumber: each.nextNumber, timeZone: "UTC", date: today });
    return {
      id: each.id,
      name: each.name,
      format: each.format,
      isDefault: each.isDefault,
      preview: preview.ok ? preview.number : "",
    };
  });
  return {
    currencies: [...SUPPORTED_CURRENCIES],
    invoiceSeries,
    defaultCurrency: organization.defaultCurrency,
    defaultPaymentTerms: organization.paymentTerms,
    today: calendarDateText(today),
    // Finalization uses the series marked default, else the oldest, else creates the standard one.
    defaultSeriesName: invoiceSeries[0]?.name ?? DEFAULT_SERIES.invoice.name,
  };
};
