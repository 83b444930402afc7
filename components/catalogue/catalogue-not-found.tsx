// What a meter's or a plan's page shows for an id the organisation has no such thing under.
import Link from "next/link";

/** `thing`: "meter" or "plan", as it reads mid-sentence. */
export const CatalogueNotFound = ({ thing }: { thing: "meter" | "plan" }) => (
  <div className="rounded-lg border border-ink-200 bg-white p-6">
    <h2 className="text-base font-semibold text-ink-900">{`${thing === "meter" ? "Meter" : "Plan"} not found`}</h2>
    <p className="mt-2 text-sm text-ink-700">
      There is no such {thing} in your organisation. It may have been mistyped in the address.
    </p>
    <Link className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline" href="/settings/catalogue">
      Back to the catalogue
    </Link>
  </div>
);
