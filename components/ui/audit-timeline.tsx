// A record's history from the audit trail, oldest first: what happened, who did it, when (in the
// organisation's time zone, named), and why when a reason was given. Invoices, credit notes and
// subscriptions call it "Timeline"; catalogue records "History".
import { Card } from "@/components/ui/card";
import { formatDateTime, type Locale } from "@/lib/format/date";

export type AuditTimelineEntry = {
  id: string;
  summary: string;
  actorType: string;
  actorLabel: string;
  reason: string | null;
  createdAt: Date;
};

const actorOf = (entry: AuditTimelineEntry): string => {
  if (entry.actorType === "system") return `${entry.actorLabel} (automatic)`;
  if (entry.actorType === "api") return `${entry.actorLabel} (API)`;
  return entry.actorLabel;
};

export const AuditTimeline = ({
  entries,
  format,
  title = "Timeline",
}: {
  entries: AuditTimelineEntry[];
  format: Locale;
  /** The card's heading and the list's accessible name. */
  title?: string;
}) => (
  <Card title={title}>
    {entries.length === 0 ? (
      <p className="text-sm text-ink-600">Nothing recorded yet.</p>
    ) : (
      <ol aria-label={title} className="relative flex flex-col gap-5 border-l border-ink-200 pl-5">
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
