import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InvoiceCreditNotes } from "@/components/credit-notes/invoice-credit-notes";
import { InvoiceActions } from "@/components/invoices/invoice-actions";
import { InvoiceCustomerLink } from "@/components/invoices/invoice-customer-link";
import { finalizeConfirmation } from "@/components/invoices/invoice-finalize";
import { InvoiceHeader } from "@/components/invoices/invoice-header";
import { InvoiceLines } from "@/components/invoices/invoice-lines";
import { InvoiceParties } from "@/components/invoices/invoice-parties";
import { InvoiceSummary } from "@/components/invoices/invoice-summary";
import { InvoiceTotals } from "@/components/invoices/invoice-totals";
import { PaymentTable } from "@/components/invoices/payment-table";
import { RecalculateDialog } from "@/components/recalculation/recalculate-dialog";
import { AuditTimeline } from "@/components/ui/audit-timeline";
import { Card } from "@/components/ui/card";
import { walletCreditOffer } from "@/components/wallets/wallet-offer";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getInvoiceSubscription } from "@/lib/billing/invoice-subscription";
import { applyInvoiceRecalculation, previewInvoiceRecalculation } from "@/lib/billing/recalculate-actions";
import { env } from "@/lib/env";
import { todayIn } from "@/lib/format/date";
import {
  deleteDraftInvoice,
  finalizeInvoice,
  markInvoiceUncollectible,
  recordPayment,
  rotateInvoiceLink,
  voidInvoice,
} from "@/lib/invoices/actions";
import { getInvoiceDetail, getInvoiceFormOptions } from "@/lib/invoices/detail";
import { calendarDateText } from "@/lib/invoices/schemas";
import { allowedInvoiceActions } from "@/lib/invoices/transitions";
import { formatMinorAsDecimal, formatMoney } from "@/lib/money";
import { getOrganization } from "@/lib/organization/queries";
import { applyWalletCredit } from "@/lib/wallets/actions";
import { getWalletBalance } from "@/lib/wallets/queries";

type InvoicePageProps = { params: Promise<{ id: string }> };

export const generateMetadata = async ({ params }: InvoicePageProps): Promise<Metadata> => {
  const user = await requireUser();
  const { id } = await params;
  const detail = await getInvoiceDetail(user.organizationId, id);
  if (!detail) return { title: "Invoice not found" };
  return { title: detail.invoice.status === "draft" ? "Draft invoice" : (detail.invoice.number ?? "Invoice") };
};

const InvoicePage = async ({ params }: InvoicePageProps) => {
  const user = await requireUser();
  const { id } = await params;
  const [organization, detail] = await Promise.all([
    getOrganization(user.organizationId),
    getInvoiceDetail(user.organizationId, id),
  ]);
  if (!detail) notFound();
  const { invoice } = detail;
  const subscription = await getInvoiceSubscription(user.organizationId, invoice.subscriptionId);
  const format = { locale: organization.locale, timeZone: organization.timeZone };
  const today = todayIn(organization.timeZone);
  const allowed = allowedInvoiceActions(invoice, user.role);
  // Only a draft about to be finalized needs the series, to name its number.
  const options = allowed.includes("finalize") ? await getInvoiceFormOptions(user.organizationId) : null;
  const label = invoice.number && invoice.status !== "draft" ? invoice.number : "this draft";
  // The balance is read only when the invoice could take wallet credit.
  const walletOffer = allowed.includes("apply_wallet_credit")
    ? walletCreditOffer({
        balanceMinor: await getWalletBalance(invoice.customerId, invoice.currency),
        amountDueMinor: invoice.amountDueMinor,
        currency: invoice.currency,
        locale: format.locale,
      })
    : null;
  // A void invoice is history; its corrected invoice (if any) is the one to recalculate.
  const canRecalculate =
    invoice.type === "subscription" &&
    subscription !== null &&
    invoice.status !== "void" &&
    hasRole(user.role, "finance");
  return (
    <>
      <InvoiceHeader
        detail={detail}
        locale={format.locale}
        today={today}
        actions={
          <InvoiceActions
            invoice={{
              id: invoice.id,
              label,
              currency: invoice.currency,
              amountDue: formatMinorAsDecimal(invoice.amountDueMinor, invoice.currency),
              amountDueLabel: formatMoney(invoice.amountDueMinor, invoice.currency, { locale: format.locale }),
              walletAppliedLabel:
                invoice.walletAppliedMinor > 0n
                  ? formatMoney(invoice.walletAppliedMinor, invoice.currency, { locale: format.locale })
                  : null,
            }}
            allowed={allowed}
            finalizeConfirm={finalizeConfirmation({
              detail,
              series: options?.invoiceSeries ?? [],
              customerSeriesId: detail.customer.defaultInvoiceSeriesId,
              today: options?.today ?? calendarDateText(today),
            })}
            today={calendarDateText(today)}
            walletOffer={walletOffer}
            actions={{
              deleteDraft: deleteDraftInvoice,
              finalize: finalizeInvoice,
              void: voidInvoice,
              markUncollectible: markInvoiceUncollectible,
              recordPayment,
              applyWalletCredit,
            }}
            recalculate={
              canRecalculate ? (
                <RecalculateDialog
                  invoiceId={invoice.id}
                  invoiceLabel={label}
                  locale={format.locale}
                  actions={{ preview: previewInvoiceRecalculation, apply: applyInvoiceRecalculation }}
                />
              ) : null
            }
          />
        }
      />
      <div className="flex flex-col gap-6">
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="flex flex-col gap-6 lg:col-span-2">
            <InvoiceParties detail={detail} organization={organization} />
            <Card title="Lines">
              <div className="flex flex-col gap-4">
                <InvoiceLines detail={detail} locale={format.locale} />
                <InvoiceTotals detail={detail} locale={format.locale} />
              </div>
            </Card>
          </div>
          <div className="flex flex-col gap-6">
            <InvoiceSummary detail={detail} format={format} subscription={subscription} />
            {invoice.status === "draft" ? null : (
              <InvoiceCustomerLink
                invoiceId={invoice.id}
                publicToken={invoice.publicToken}
                appUrl={env().APP_URL ?? null}
                rotate={allowed.includes("rotate_link") ? rotateInvoiceLink : null}
              />
            )}
          </div>
        </div>
        {invoice.status === "draft" ? null : (
          <InvoiceCreditNotes detail={detail} format={format} canIssue={allowed.includes("issue_credit_note")} />
        )}
        <PaymentTable detail={detail} locale={format.locale} />
        <AuditTimeline entries={detail.timeline} format={format} />
      </div>
    </>
  );
};

export default InvoicePage;
