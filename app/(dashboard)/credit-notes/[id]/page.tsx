import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreditNoteCustomerLink } from "@/components/credit-notes/credit-note-customer-link";
import { CreditNoteDetails } from "@/components/credit-notes/credit-note-details";
import { CreditNoteHeader } from "@/components/credit-notes/credit-note-header";
import { CreditNoteLines } from "@/components/credit-notes/credit-note-lines";
import { CreditNoteSettlement } from "@/components/credit-notes/credit-note-settlement";
import { creditNoteVoidRefusal } from "@/components/credit-notes/void-refusal";
import { AuditTimeline } from "@/components/ui/audit-timeline";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { voidCreditNote } from "@/lib/credit-notes/actions";
import { getCreditNoteDetail } from "@/lib/credit-notes/queries";
import { env } from "@/lib/env";
import { getOrganization } from "@/lib/organization/queries";

type CreditNotePageProps = { params: Promise<{ id: string }> };

export const generateMetadata = async ({ params }: CreditNotePageProps): Promise<Metadata> => {
  const user = await requireUser();
  const { id } = await params;
  const detail = await getCreditNoteDetail(user.organizationId, id);
  return { title: detail?.creditNote.number ?? "Credit note not found" };
};

const CreditNotePage = async ({ params }: CreditNotePageProps) => {
  const user = await requireUser();
  const { id } = await params;
  const [organization, detail] = await Promise.all([
    getOrganization(user.organizationId),
    getCreditNoteDetail(user.organizationId, id),
  ]);
  if (!detail) notFound();
  const format = { locale: organization.locale, timeZone: organization.timeZone };
  const canChange = hasRole(user.role, "finance");
  const refusal = creditNoteVoidRefusal(detail, format.locale);
  const issued = detail.creditNote.status === "issued";
  return (
    <>
      <CreditNoteHeader
        detail={detail}
        locale={format.locale}
        voidAction={canChange && refusal === null ? voidCreditNote : null}
        voidRefusal={canChange && issued ? refusal : null}
      />
      <div className="flex flex-col gap-6">
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="flex flex-col gap-6 lg:col-span-2">
            <CreditNoteLines detail={detail} locale={format.locale} />
            <CreditNoteSettlement detail={detail} locale={format.locale} />
          </div>
          <div className="flex flex-col gap-6">
            <CreditNoteDetails detail={detail} format={format} />
            <CreditNoteCustomerLink publicToken={detail.creditNote.publicToken} appUrl={env().APP_URL ?? null} />
          </div>
        </div>
        <AuditTimeline entries={detail.timeline} format={format} />
      </div>
    </>
  );
};

export default CreditNotePage;
