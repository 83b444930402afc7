import Link from "next/link";

const CreditNoteNotFound = () => (
  <div className="rounded-lg border border-ink-200 bg-white p-6">
    <h1 className="text-base font-semibold text-ink-900">Credit note not found</h1>
    <p className="mt-2 text-sm text-ink-700">
      There is no such credit note in your organisation. It may have been mistyped in the address.
    </p>
    <Link className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline" href="/credit-notes">
      Back to credit notes
    </Link>
  </div>
);

export default CreditNoteNotFound;
