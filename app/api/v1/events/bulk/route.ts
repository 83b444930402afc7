// POST /api/v1/events/bulk: up to 1,000 usage events in one request (see lib/usage/ingest-http.ts).
import { handleBulkEvents } from "@/lib/usage/ingest-http";

// Node (the database driver), and never cached: every request is a write.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = (request: Request) => handleBulkEvents(request);
