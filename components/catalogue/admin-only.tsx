// What finance and viewers see where only admins may change the catalogue.
import Link from "next/link";

export const AdminOnly = ({ what }: { what: string }) => (
  <div role="alert" className="rounded-lg border border-ink-200 bg-white p-6 text-sm text-ink-700">
    <h2 className="text-base font-semibold text-ink-900">You cannot {what}</h2>
    <p className="mt-2">Only people with the Admin role change the catalogue. Ask an admin if you need a change.</p>
    <Link className="mt-4 inline-block font-medium text-brand-700 hover:underline" href="/settings/catalogue">
      Back to the catalogue
    </Link>
  </div>
);
