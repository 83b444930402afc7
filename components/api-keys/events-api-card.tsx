"use client";
// How a system sends events with a key: the two endpoints and a curl command to start from.
import { Card } from "@/components/ui/card";
import { eventsCurlExample } from "./events-api-example";
import { useOrigin } from "./use-origin";

export const EventsApiCard = ({ appUrl }: { appUrl: string | null }) => {
  const origin = useOrigin(appUrl);
  return (
    <Card title="Sending usage events">
      <div className="flex flex-col gap-3 text-sm text-ink-700">
        <p>
          <code className="font-mono text-xs">POST /api/v1/events</code> takes one event;{" "}
          <code className="font-mono text-xs">POST /api/v1/events/bulk</code> takes{" "}
          <code className="font-mono text-xs">{'{"events": [...]}'}</code> with up to 1,000. Each event names the
          customer by its external id and carries its own <code className="font-mono text-xs">event_id</code>: an event
          sent again with the same id is stored once. Timestamps may be in the past, for late events.
        </p>
        <pre className="overflow-x-auto rounded-md bg-ink-900 p-3 font-mono text-xs leading-relaxed text-ink-50">
          {eventsCurlExample({ origin, key: "<your API key>" })}
        </pre>
      </div>
    </Card>
  );
};
