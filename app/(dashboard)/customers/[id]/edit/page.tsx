import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CustomerForm } from "@/components/customers/customer-form";
import { customerFormOptions } from "@/components/customers/form-options";
import { NoPermission } from "@/components/customers/no-permission";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { updateCustomer } from "@/lib/customers/actions";
import { getCustomer, listInvoiceSeriesOptions } from "@/lib/customers/queries";

export const metadata: Metadata = { title: "Edit customer" };

type EditCustomerPageProps = { params: Promise<{ id: string }> };

const EditCustomerPage = async ({ params }: EditCustomerPageProps) => {
  const user = await requireUser();
  const { id } = await params;
  if (!hasRole(user.role, "finance")) return <NoPermission what="edit customers" backHref={`/customers/${id}`} />;
  const [customer, series] = await Promise.all([
    getCustomer({ organizationId: user.organizationId, customerId: id }),
    listInvoiceSeriesOptions(user.organizationId),
  ]);
  if (!customer) notFound();
  return (
    <>
      <PageHeader
        title={`Edit ${customer.name}`}
        description="Changes apply to new invoices; finalized invoices keep the details they were issued with."
      />
      <Card>
        <CustomerForm
          mode="edit"
          action={updateCustomer}
          customerId={customer.id}
          cancelHref={`/customers/${customer.id}`}
          defaultValues={{
            name: customer.name,
            email: customer.email,
            externalId: customer.externalId,
            addressLine1: customer.addressLine1 ?? "",
            addressLine2: customer.addressLine2 ?? "",
            city: customer.city ?? "",
            postalCode: customer.postalCode ?? "",
            country: customer.country ?? "",
            taxId: customer.taxId ?? "",
            currency: customer.currency ?? "",
            defaultInvoiceSeriesId: customer.defaultInvoiceSeriesId ?? "",
          }}
          {...customerFormOptions(series, { country: customer.country, currency: customer.currency })}
        />
      </Card>
    </>
  );
};

export default EditCustomerPage;
