import type { Metadata } from "next";
import { CustomerForm } from "@/components/customers/customer-form";
import { customerFormOptions } from "@/components/customers/form-options";
import { NoPermission } from "@/components/customers/no-permission";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { createCustomer } from "@/lib/customers/actions";
import { listInvoiceSeriesOptions } from "@/lib/customers/queries";

export const metadata: Metadata = { title: "New customer" };

const NewCustomerPage = async () => {
  const user = await requireUser();
  if (!hasRole(user.role, "finance")) return <NoPermission what="add customers" backHref="/customers" />;
  const series = await listInvoiceSeriesOptions(user.organizationId);
  return (
    <>
      <PageHeader title="New customer" description="Who you bill, and how their invoices are addressed and numbered." />
      <Card>
        <CustomerForm mode="create" action={createCustomer} cancelHref="/customers" {...customerFormOptions(series)} />
      </Card>
    </>
  );
};

export default NewCustomerPage;
