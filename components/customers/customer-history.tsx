// The customer's audit trail, newest first: who did what, when, and which values changed.
import { Card } from "@/components/ui/card";
import { customerFieldLabel } from "@/lib/customers/labels";
import type { CustomerActivity } from "@/lib/customers/queries";
import { formatDateTime, type Locale } from "@/lib/format/date";

type Entry = CustomerActivity["history"][number];
type Change = { field: string; from: string; to: string };

const shown = (value: unknown): string => {
  if (value === null || value === undefined || value === "") return "empty";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
};

// Audit rows store `{ field: { from, to } }`; anything else is shown as it is rather than hidden.
const changesOf = (entry: Entry): Change[] => {
  const changes = entry.changes;
  if (!changes || typeof changes !== "object" || Array.isArray(changes)) return [];
  return Object.entries(changes).map(([field, value]) => {
    if (value && typeof value === "object" && !Array.isArray(value) && "to" in value) {
      return { field, from: shown((value as { from?: unknown }).from), to: shown(value.to) };
    }
    return { field, from: "", to: shown(value) };
  });
};

const SUMMARY_ONLY = new Set(["customer.created", "customer.archived", "customer.restored"]);

export const CustomerHistory = ({ history, format }: { history: Entry[]; format: Locale }) => (
  <Card title="History">
    {history.length === 0 ? (
      <p className="text-sm text-ink-600">No recorded changes yet.</p>
    ) : (
      <ol className="relative flex flex-col gap-5 border-l border-ink-200 pl-5">
        {history.map((entry) => {
          // Created, archived and restored say it all in their summary; edits list each field.
          const changes = SUMMARY_ONLY.has(entry.action) ? [] : changesOf(entry);
          return (
            <li key={entry.id} className="relative">
              <span
                aria-hidden
                className="absolute top-1.5 -left-[1.59rem] h-2.5 w-2.5 rounded-full border-2 border-white bg-brand-600"
              />
              <p className="text-sm font-medium text-ink-900">{entry.summary}</p>
              <p className="text-xs text-ink-600">
                {entry.actorLabel} ·{" "}
                <time dateTime={entry.createdAt.toISOString()}>
                  {formatDateTime(entry.createdAt, format)} ({format.timeZone})
                </time>
              </p>
              {entry.reason ? <p className="mt-1 text-sm text-ink-700">Reason: {entry.reason}</p> : null}
              {changes.length > 0 ? (
                <ul className="mt-2 flex flex-col gap-0.5 text-sm text-ink-700">
                  {changes.map((change) => (
                    <li key={change.field}>
                      <span className="text-ink-600">{customerFieldLabel(change.field)}:</span>{" "}
                      {change.from ? (
                        <>
                          <del className="text-ink-600">{change.from}</del> →{" "}
                          <ins className="no-underline">{change.to}</ins>
                        </>
                      ) : (
                        change.to
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    )}
  </Card>
);
