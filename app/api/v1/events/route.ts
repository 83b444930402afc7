// POST /api/v1/events: one usage event, authenticated by an API key (see lib/usage/ingest-http.ts).
import { handleSingleEvent } from "@/lib/usage/ingest-http";

// Node (the database driver), and never cached: every request is a write.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = (request: Request) => handleSingleEvent(request);
