// The list's table and its "first page / next" links, awaited under Suspense so the header and the
// filters show at once.
import Link from "next/link";
import type { Locale } from "@/lib/format/date";
import type { listSubscriptions } from "@/lib/subscriptions/queries";
import { subscriptionListHref, type SubscriptionStatusFilter } from "@/lib/subscriptions/schemas";
import { SubscriptionTable } from "./subscription-table";

const linkClass =
  "rounded-md border border-ink-300 bg-white px-3 py-1.5 text-sm font-medium text-ink-900 hover:bg-ink-50";

export const SubscriptionResults = async ({
  page,
  status,
  paged,
  format,
  canCreate,
}: {
  page: ReturnType<typeof listSubscriptions>;
  status: SubscriptionStatusFilter;
  /** True past the first page. */
  paged: boolean;
  format: Locale;
  canCreate: boolean;
}) => {
  const { rows, nextCursor } = await page;
  const empty =
    status === "all" && !paged ? (
      canCreate ? (
        <>
          No subscriptions yet.{" "}
          <Link className="text-brand-700 underline" href="/subscriptions/new">
            Subscribe a customer to a plan
          </Link>
          .
        </>
      ) : (
        "No subscriptions yet."
      )
    ) : (
      "No subscriptions match this filter."
    );
  return (
    <>
      <SubscriptionTable rows={rows} format={format} empty={empty} />
      {paged || nextCursor ? (
        <nav aria-label="Subscription pages" className="mt-4 flex justify-end gap-2">
          {paged ? (
            <Link className={linkClass} href={subscriptionListHref({ status })}>
              First page
            </Link>
          ) : null}
          {nextCursor ? (
            <Link rel="next" className={linkClass} href={subscriptionListHref({ status, after: nextCursor })}>
              Next
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
};
