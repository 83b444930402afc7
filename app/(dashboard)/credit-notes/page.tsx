import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { CreditNoteListFilters } from "@/components/credit-notes/credit-note-list-filters";
import { CreditNoteTable } from "@/components/credit-notes/credit-note-table";
import { creditNoteListParamsSchema, hasActiveFilters } from "@/components/credit-notes/list-params";
import { PageHeader } from "@/components/ui/card";
import { TableSkeleton } from "@/components/ui/skeleton";
import { requireUser } from "@/lib/auth/session";
import { listCreditNotes } from "@/lib/credit-notes/queries";
import { listInvoiceFilterOptions } from "@/lib/invoices/queries";
import { getOrganization } from "@/lib/organization/queries";

export const metadata: Metadata = { title: "Credit notes" };

type CreditNotesPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const CreditNotesPage = async ({ searchParams }: CreditNotesPageProps) => {
  const user = await requireUser();
  const params = creditNoteListParamsSchema.parse(await searchParams);
  const organization = await getOrganization(user.organizationId);
  const format = { locale: organization.locale, timeZone: organization.timeZone };
  // Not awaited: the table streams in under Suspense while the filters are already usable.
  const page = listCreditNotes({
    organizationId: user.organizationId,
    reason: params.reason,
    customerId: params.customer,
    from: params.from,
    to: params.to,
    status: params.status,
    cursor: params.cursor,
    timeZone: organization.timeZone,
  });
  const { customers } = await listInvoiceFilterOptions({
    organizationId: user.organizationId,
    defaultCurrency: organization.defaultCurrency,
    selected: { customer: params.customer, currency: undefined },
  });
  const filtered = hasActiveFilters(params);
  return (
    <>
      <PageHeader
        title="Credit notes"
        description="Corrections issued against finalized invoices. Issue one from the invoice's page."
      />
      <div className="mb-3 flex flex-col gap-3">
        <CreditNoteListFilters params={params} customers={customers} />
        {filtered ? (
          <p className="text-sm text-ink-600">
            <Link className="text-brand-700 underline" href="/credit-notes">
              Clear filters
            </Link>
          </p>
        ) : null}
      </div>
      <Suspense key={JSON.stringify(params)} fallback={<TableSkeleton label="Loading credit notes" />}>
        <CreditNoteTable page={page} params={params} format={format} filtered={filtered} />
      </Suspense>
    </>
  );
};

export default CreditNotesPage;
