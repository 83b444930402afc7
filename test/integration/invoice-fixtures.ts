// Factories for the invoice integration tests: an organisation with a finance user, customers,
// number series, and drafts saved and finalized through the real services. Each test makes its own.
import type { Db } from "@/lib/db/client";
import type { NumberSeriesKind } from "@/lib/db/generated/enums";
import { newId } from "@/lib/ids";
import { draftInvoiceFormSchema, type DraftInvoiceFormValues } from "@/lib/invoices/schemas";
import { saveDraftInvoice } from "@/lib/invoices/service/draft";
import { finalizeInvoice } from "@/lib/invoices/service/finalize";
import type { InvoiceActor } from "@/lib/invoices/service/shared";

export const makeOrganization = async (
  db: Db,
  { name = "Northwind", timeZone = "Europe/London" }: { name?: string; timeZone?: string } = {},
): Promise<InvoiceActor> => {
  const organizationId = newId("organization");
  await db.organization.create({ data: { id: organizationId, name, timeZone, locale: "en-US" } });
  const userId = newId("user");
  const email = `finance-${userId.toLowerCase()}@example.test`;
  const userName = `Finance of ${name}`;
  await db.user.create({
    data: { id: userId, organizationId, email, name: userName, passwordHash: "x", role: "finance" },
  });
  return { id: userId, organizationId, name: userName, email };
};

export const makeCustomer = async (
  db: Db,
  actor: InvoiceActor,
  values: {
    name?: string;
    email?: string;
    archived?: boolean;
    defaultInvoiceSeriesId?: string;
    currency?: string;
  } = {},
) => {
  const id = newId("customer");
  const name = values.name ?? "Acme Corporation";
  return db.customer.create({
    data: {
      id,
      organizationId: actor.organizationId,
      externalId: `ext-${id.toLowerCase()}`,
      name,
      email: values.email ?? "ap@acme.example",
      addressLine1: "500 Howard Street",
      city: "San Francisco",
      postalCode: "94105",
      country: "US",
      taxId: "94-3126710",
      currency: values.currency ?? "USD",
      status: values.archived ? "archived" : "active",
      archivedAt: values.archived ? new Date() : null,
      defaultInvoiceSeriesId: values.defaultInvoiceSeriesId ?? null,
    },
  });
};

export const makeSeries = async (
  db: Db,
  actor: InvoiceActor,
  values: { format: string; name?: string; nextNumber?: number; isDefault?: boolean; kind?: NumberSeriesKind },
) =>
  db.numberSeries.create({
    data: {
      id: newId("numberSeries"),
      organizationId: actor.organizationId,
      kind: values.kind ?? "invoice",
      name: values.name ?? values.format,
      format: values.format,
      nextNumber: values.nextNumber ?? 1,
      isDefault: values.isDefault ?? false,
    },
  });

/** The draft form's values: two lines, 1,234.50 + 20% tax on the first, in USD. */
export const draftValues = (
  customerId: string,
  values: Partial<DraftInvoiceFormValues> = {},
): DraftInvoiceFormValues => ({
  customerId,
  currency: "USD",
  issueDate: "2024-06-28",
  dueMode: "terms",
  paymentTerms: "net_30",
  dueDate: "",
  numbering: "series",
  seriesId: "",
  customNumber: "",
  memo: "",
  footer: "",
  lines: [
    { description: "Implementation workshop", quantity: "1", unitPrice: "1,000.00", taxRate: "20" },
    { description: "Support hours", quantity: "2.5", unitPrice: "13.80", taxRate: "" },
  ],
  ...values,
});

export const saveDraft = (db: Db, actor: InvoiceActor, values: DraftInvoiceFormValues) =>
  db.$transaction((tx) => saveDraftInvoice(tx, { actor, input: draftInvoiceFormSchema.parse(values) }));

export const finalize = (db: Db, actor: InvoiceActor, invoiceId: string) =>
  db.$transaction((tx) => finalizeInvoice(tx, { actor, invoiceId }));

/** A finalized invoice for a new customer; returns its id and number. */
export const issuedInvoice = async (db: Db, actor: InvoiceActor, values: Partial<DraftInvoiceFormValues> = {}) => {
  const customer = await makeCustomer(db, actor);
  const { invoiceId } = await saveDraft(db, actor, draftValues(customer.id, values));
  const { number } = await finalize(db, actor, invoiceId);
  return { invoiceId, number, customerId: customer.id };
};

/** The error a promise rejects with; fails the test when it resolves. */
export const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
};

export const auditActions = async (db: Db, invoiceId: string) =>
  (
    await db.auditEntry.findMany({
      where: { entityType: "invoice", entityId: invoiceId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    })
  ).map((entry) => entry.action);

/** A promise and the function that resolves it: holds one transaction open while another runs. */
export const gate = () => {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
};
