import Link from "next/link";

/** Shown instead of a form to someone whose role may not change customers. */
export const NoPermission = ({ what, backHref }: { what: string; backHref: string }) => (
  <div role="alert" className="rounded-lg border border-ink-200 bg-white p-6">
    <h1 className="text-base font-semibold text-ink-900">You cannot {what}</h1>
    <p className="mt-2 text-sm text-ink-700">
      Only people with the Finance or Admin role can. Ask an admin if you need it.
    </p>
    <Link className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline" href={backHref}>
      Back
    </Link>
  </div>
);
