// A catalogue record's history from the audit trail, oldest first: what changed, who did it, and
// when, in the organisation's time zone.
import { Card } from "@/components/ui/card";
import type { HistoryEntry } from "@/lib/catalogue/queries";
import { formatDateTime, type Locale } from "@/lib/format/date";

const actorOf = (entry: HistoryEntry): string => {
  if (entry.actorType === "system") return `${entry.actorLabel} (automatic)`;
  if (entry.actorType === "api") return `${entry.actorLabel} (API)`;
  return entry.actorLabel;
};

export const CatalogueHistory = ({ entries, format }: { entries: HistoryEntry[]; format: Locale }) => (
  <Card title="History">
    {entries.length === 0 ? (
      <p className="text-sm text-ink-600">Nothing recorded yet.</p>
    ) : (
      <ol aria-label="History" className="relative flex flex-col gap-5 border-l border-ink-200 pl-5">
        {entries.map((entry) => (
          <li key={entry.id} className="relative">
            <span
              aria-hidden
              className="absolute top-1.5 -left-[1.59rem] h-2.5 w-2.5 rounded-full border-2 border-white bg-brand-600"
            />
            <p className="text-sm font-medium text-ink-900">{entry.summary}</p>
            <p className="text-xs text-ink-600">
              {actorOf(entry)} ·{" "}
              <time dateTime={entry.createdAt.toISOString()}>
                {formatDateTime(entry.createdAt, format)} ({format.timeZone})
              </time>
            </p>
            {entry.reason ? <p className="mt-1 text-sm text-ink-700">Reason: {entry.reason}</p> : null}
          </li>
        ))}
      </ol>
    )}
  </Card>
);
