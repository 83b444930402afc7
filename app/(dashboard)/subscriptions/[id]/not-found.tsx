import Link from "next/link";

const SubscriptionNotFound = () => (
  <div role="alert" className="rounded-lg border border-ink-200 bg-white p-6">
    <h1 className="text-base font-semibold text-ink-900">Subscription not found</h1>
    <p className="mt-2 text-sm text-ink-700">It does not exist, or it belongs to another organisation.</p>
    <Link className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline" href="/subscriptions">
      All subscriptions
    </Link>
  </div>
);

export default SubscriptionNotFound;
