import type { Metadata } from "next";
import { NoPermission } from "@/components/customers/no-permission";
import { DraftForm } from "@/components/invoices/draft-form";
import { draftCurrencyOptions, draftCustomerOption } from "@/components/invoices/draft-options";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getCustomer } from "@/lib/customers/queries";
import { checkInvoiceNumber, saveDraftInvoice, searchInvoiceCustomers } from "@/lib/invoices/actions";
import { getInvoiceFormOptions } from "@/lib/invoices/detail";
import { getOrganization } from "@/lib/organization/queries";

export const metadata: Metadata = { title: "New invoice" };

type NewInvoicePageProps = { searchParams: Promise<{ customer?: string | string[] }> };

const NewInvoicePage = async ({ searchParams }: NewInvoicePageProps) => {
  const user = await requireUser();
  if (!hasRole(user.role, "finance")) return <NoPermission what="draft invoices" backHref="/invoices" />;
  const { customer: customerParam } = await searchParams;
  const customerId = typeof customerParam === "string" ? customerParam : undefined;
  const [organization, options, preset] = await Promise.all([
    getOrganization(user.organizationId),
    getInvoiceFormOptions(user.organizationId),
    customerId ? getCustomer({ organizationId: user.organizationId, customerId }) : null,
  ]);
  // "New invoice" from a customer's page starts with that customer, unless it is archived.
  const customer = preset?.status === "active" ? preset : null;
  const currency = customer?.currency ?? options.defaultCurrency;
  return (
    <>
      <PageHeader
        title="New invoice"
        description="A draft can change freely. Finalizing it gives it its number and fixes its lines and amounts."
      />
      <Card>
        <DraftForm
          defaultValues={{
            customerId: customer?.id ?? "",
            currency,
            issueDate: options.today,
            dueMode: "terms",
            paymentTerms: options.defaultPaymentTerms,
            dueDate: "",
            numbering: "series",
            seriesId: customer?.defaultInvoiceSeriesId ?? "",
            customNumber: "",
            memo: "",
            footer: "",
            lines: [{ description: "", quantity: "1", unitPrice: "", taxRate: "0" }],
          }}
          customer={draftCustomerOption(customer)}
          currencies={draftCurrencyOptions(options.currencies, currency)}
          series={options.invoiceSeries}
          locale={organization.locale}
          cancelHref={customer ? `/customers/${customer.id}` : "/invoices"}
          actions={{ save: saveDraftInvoice, searchCustomers: searchInvoiceCustomers, checkNumber: checkInvoiceNumber }}
        />
      </Card>
    </>
  );
};

export default NewInvoicePage;
