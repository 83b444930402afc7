import Link from "next/link";

const CustomerNotFound = () => (
  <div className="rounded-lg border border-ink-200 bg-white p-6">
    <h1 className="text-base font-semibold text-ink-900">Customer not found</h1>
    <p className="mt-2 text-sm text-ink-700">
      There is no such customer in your organisation. It may have been mistyped in the address.
    </p>
    <Link className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline" href="/customers">
      Back to customers
    </Link>
  </div>
);

export default CustomerNotFound;
