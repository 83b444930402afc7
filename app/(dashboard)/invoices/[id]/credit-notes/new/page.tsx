import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreditNoteForm } from "@/components/credit-notes/credit-note-form";
import { NoPermission } from "@/components/customers/no-permission";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { issueCreditNote } from "@/lib/credit-notes/actions";
import { getCreditNoteFormData } from "@/lib/credit-notes/queries";
import { getOrganization } from "@/lib/organization/queries";

export const metadata: Metadata = { title: "Issue credit note" };

type NewCreditNotePageProps = { params: Promise<{ id: string }> };

const NewCreditNotePage = async ({ params }: NewCreditNotePageProps) => {
  const user = await requireUser();
  const { id } = await params;
  if (!hasRole(user.role, "finance")) return <NoPermission what="issue credit notes" backHref={`/invoices/${id}`} />;
  const [organization, data] = await Promise.all([
    getOrganization(user.organizationId),
    getCreditNoteFormData(user.organizationId, id),
  ]);
  if (!data) notFound();
  const { invoice } = data;
  const number = invoice.number ?? "this draft";
  const invoiceLink = (
    <Link className="font-medium text-brand-700 hover:underline" href={`/invoices/${invoice.id}`}>
      Back to {number}
    </Link>
  );
  if (data.refusal || !invoice.number) {
    return (
      <>
        <PageHeader title={`Issue a credit note on ${number}`} />
        <div role="alert" className="flex flex-col gap-3 rounded-lg border border-ink-200 bg-white p-6 text-sm">
          <p className="text-ink-900">{data.refusal ?? "Finalize the invoice before issuing a credit note"}</p>
          {invoiceLink}
        </div>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={`Issue a credit note on ${invoice.number}`}
        description={`For ${data.customer.name}. Before payment a credit note lowers what is due; beyond that, what was paid goes back as a refund, as wallet credit or out of band.`}
      />
      <Card>
        <CreditNoteForm
          invoice={{
            id: invoice.id,
            number: invoice.number,
            currency: invoice.currency,
            totalMinor: invoice.totalMinor,
            creditedMinor: invoice.creditedMinor,
            walletAppliedMinor: invoice.walletAppliedMinor,
            paidMinor: invoice.paidMinor,
            refundedMinor: invoice.refundedMinor,
            amountDueMinor: invoice.amountDueMinor,
            lines: invoice.lines,
            creditedQuantities: invoice.creditedQuantities,
          }}
          nextNumber={data.nextNumber}
          locale={organization.locale}
          action={issueCreditNote}
        />
      </Card>
    </>
  );
};

export default NewCreditNotePage;
