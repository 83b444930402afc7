import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { NoPermission } from "@/components/customers/no-permission";
import { DraftForm } from "@/components/invoices/draft-form";
import { draftCurrencyOptions, draftCustomerOption } from "@/components/invoices/draft-options";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getCustomer } from "@/lib/customers/queries";
import { checkInvoiceNumber, saveDraftInvoice, searchInvoiceCustomers } from "@/lib/invoices/actions";
import { getDraftFormValues, getInvoiceDetail, getInvoiceFormOptions } from "@/lib/invoices/detail";
import { getOrganization } from "@/lib/organization/queries";

export const metadata: Metadata = { title: "Edit draft invoice" };

type EditInvoicePageProps = { params: Promise<{ id: string }> };

const EditInvoicePage = async ({ params }: EditInvoicePageProps) => {
  const user = await requireUser();
  const { id } = await params;
  if (!hasRole(user.role, "finance")) return <NoPermission what="edit invoices" backHref={`/invoices/${id}`} />;
  const values = await getDraftFormValues(user.organizationId, id);
  if (!values) {
    // Finalized since the link was made: its page says why it can no longer change.
    if (await getInvoiceDetail(user.organizationId, id)) redirect(`/invoices/${id}`);
    notFound();
  }
  const [organization, options, customer] = await Promise.all([
    getOrganization(user.organizationId),
    getInvoiceFormOptions(user.organizationId),
    getCustomer({ organizationId: user.organizationId, customerId: values.customerId }),
  ]);
  return (
    <>
      <PageHeader
        title="Edit draft invoice"
        description="It has no number yet unless you typed one. Save to keep the changes; finalize from the invoice page."
      />
      <Card>
        <DraftForm
          defaultValues={values}
          customer={draftCustomerOption(customer)}
          currencies={draftCurrencyOptions(options.currencies, values.currency)}
          series={options.invoiceSeries}
          locale={organization.locale}
          cancelHref={`/invoices/${id}`}
          actions={{ save: saveDraftInvoice, searchCustomers: searchInvoiceCustomers, checkNumber: checkInvoiceNumber }}
        />
      </Card>
    </>
  );
};

export default EditInvoicePage;
