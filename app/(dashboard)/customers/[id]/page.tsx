import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { CustomerActions } from "@/components/customers/customer-actions";
import { CustomerActivitySections, CustomerBalancesSection } from "@/components/customers/customer-activity";
import { CustomerDetails } from "@/components/customers/customer-details";
import { CustomerHeader } from "@/components/customers/customer-header";
import { SkeletonBlock, TableSkeleton } from "@/components/ui/skeleton";
import { topUpOptions } from "@/components/wallets/top-up-options";
import { WalletSection } from "@/components/wallets/wallet-section";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { archiveCustomer, restoreCustomer } from "@/lib/customers/actions";
import { getCustomer, getCustomerActivity } from "@/lib/customers/queries";
import { todayIn } from "@/lib/format/date";
import { getOrganization } from "@/lib/organization/queries";
import { debitWallet, topUpWallet } from "@/lib/wallets/actions";
import { getCustomerWallets } from "@/lib/wallets/queries";

type CustomerPageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export const generateMetadata = async ({ params }: CustomerPageProps): Promise<Metadata> => {
  const user = await requireUser();
  const { id } = await params;
  const customer = await getCustomer({ organizationId: user.organizationId, customerId: id });
  return { title: customer?.name ?? "Customer not found" };
};

const CustomerPage = async ({ params, searchParams }: CustomerPageProps) => {
  const user = await requireUser();
  const { id } = await params;
  const search = await searchParams;
  const scope = { organizationId: user.organizationId, customerId: id };
  const [organization, customer] = await Promise.all([getOrganization(user.organizationId), getCustomer(scope)]);
  // Before any Suspense boundary, so an unknown id (or another organisation's) answers 404.
  if (!customer) notFound();
  const activity = getCustomerActivity(scope);
  const wallets = getCustomerWallets(user.organizationId, customer.id, new Date());
  const format = { locale: organization.locale, timeZone: organization.timeZone };
  const canEdit = hasRole(user.role, "finance");
  const walletControls = {
    topUp: canEdit
      ? {
          action: topUpWallet,
          ...topUpOptions({
            preferredCurrency: customer.currency ?? organization.defaultCurrency,
            timeZone: organization.timeZone,
          }),
        }
      : null,
    debit: hasRole(user.role, "admin") ? { action: debitWallet } : null,
  };
  return (
    <>
      <CustomerHeader
        customer={customer}
        format={format}
        actions={
          canEdit ? (
            <CustomerActions
              customer={{ id: customer.id, name: customer.name, status: customer.status }}
              archiveAction={archiveCustomer}
              restoreAction={restoreCustomer}
            />
          ) : null
        }
      />
      <div className="flex flex-col gap-6">
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="lg:col-span-2">
            <CustomerDetails customer={customer} format={format} />
          </div>
          <Suspense fallback={<SkeletonBlock className="h-48" />}>
            <CustomerBalancesSection activity={activity} locale={format.locale} />
          </Suspense>
        </div>
        <Suspense fallback={<TableSkeleton label="Loading the wallet" rows={4} />}>
          <WalletSection
            wallets={wallets}
            customer={{ id: customer.id, organizationId: user.organizationId, name: customer.name }}
            format={format}
            controls={walletControls}
            ledgerPage={{ walletId: single(search.wallet), cursor: single(search.ledger) }}
          />
        </Suspense>
        <Suspense fallback={<TableSkeleton label="Loading invoices and history" rows={5} />}>
          <CustomerActivitySections
            activity={activity}
            customerId={customer.id}
            format={format}
            today={todayIn(format.timeZone)}
          />
        </Suspense>
      </div>
    </>
  );
};

export default CustomerPage;
