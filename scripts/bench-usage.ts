// `npm run bench:usage`: usage events accepted per second through the bulk events API of the
// production server (`next start`, batches of 1,000, 4 concurrent clients, 1,000 customers, durable
// commits), then recalculating a draft invoice whose period holds 1,000,000 of the owner's events
// against the bare SQL aggregate of the same rows (scripts/lib/bench-recalc.ts). One throw-away
// embedded PostgreSQL for the whole run; one JSON object per line on stdout, progress on stderr.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createApiKey } from "../lib/api-keys/service";
import { createDb, type Db } from "../lib/db/client";
import { findFreePort, startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { projectRoot } from "../lib/db/runtime";
import { newId } from "../lib/ids";
import { ensureBuild, nextBin, stopBuild, waitForHttp } from "./lib/build";
import { measureRecalc } from "./lib/bench-recalc";
import { emit } from "./lib/bench-stats";

const CUSTOMERS = 1_000;
const CLIENTS = 4;
const BATCH_SIZE = 1_000;
const BATCHES_PER_CLIENT = 10; // 4 x 10 x 1,000 = 40,000 events
const EVENT_NAMES = ["api_call", "storage_snapshot", "compute_job"] as const;

const say = (line: string) => process.stderr.write(`[bench:usage] ${line}\n`);

// `next build` writes its log to stdout; run in a child whose stdout is this process's stderr, it
// leaves stdout to the JSON lines.
const BUILD_ONLY_FLAG = "--build-only";
let building: ChildProcess | undefined;

const buildApp = async () => {
  building = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), BUILD_ONLY_FLAG], {
    cwd: projectRoot,
    stdio: ["ignore", 2, 2],
    env: process.env,
  });
  const code = await new Promise<number | null>((resolve) => building?.once("exit", resolve));
  building = undefined;
  if (code !== 0) throw new Error("Building the app failed: see the output above.");
};

const setUp = async (db: Db): Promise<{ organizationId: string; key: string }> => {
  const organizationId = newId("organization");
  await db.organization.create({ data: { id: organizationId, name: "Bench Usage Ltd" } });
  const userId = newId("user");
  await db.user.create({
    data: {
      id: userId,
      organizationId,
      email: "bench-usage@billfold.local",
      name: "Bench",
      passwordHash: "x",
      role: "admin",
    },
  });
  await db.customer.createMany({
    data: Array.from({ length: CUSTOMERS }, (_, index) => ({
      id: newId("customer"),
      organizationId,
      externalId: `bench-${index}`,
      name: `Bench Customer ${index}`,
      email: `c${index}@bench.test`,
    })),
  });
  const { key } = await db.$transaction((tx) =>
    createApiKey(tx, {
      organizationId,
      actor: { type: "user", userId, label: "Bench <bench-usage@billfold.local>" },
      input: { name: "Bench ingest" },
    }),
  );
  return { organizationId, key };
};

/** Request bodies made before the clock starts, so the clients spend the run sending. */
const makeBodies = (prefix: string): string[][] => {
  let sequence = 0;
  const now = Date.now();
  const event = () => {
    sequence++;
    return {
      event_name: EVENT_NAMES[sequence % EVENT_NAMES.length],
      external_customer_id: `bench-${(sequence * 7919) % CUSTOMERS}`,
      // Spread over the last 30 days: most of it is backfill.
      timestamp: new Date(now - (sequence % (30 * 24 * 60)) * 60_000).toISOString(),
      event_id: `${prefix}-${sequence}`,
      properties: { gb: sequence % 500, region: sequence % 2 ? "eu" : "us", user_id: `u-${sequence % 250}` },
    };
  };
  return Array.from({ length: CLIENTS }, () =>
    Array.from({ length: BATCHES_PER_CLIENT }, () =>
      JSON.stringify({ events: Array.from({ length: BATCH_SIZE }, event) }),
    ),
  );
};

const postBatch = async (baseUrl: string, key: string, body: string): Promise<number> => {
  const response = await fetch(`${baseUrl}/api/v1/events/bulk`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body,
  });
  const answer = (await response.json()) as { accepted?: number; errors?: unknown[] };
  if (response.status !== 200 || answer.errors?.length) {
    throw new Error(`Bulk request answered ${response.status}: ${JSON.stringify(answer).slice(0, 500)}`);
  }
  return answer.accepted ?? 0;
};

/** Events accepted per second with every client sending its batches one after another. */
const measureIngest = async (baseUrl: string, key: string): Promise<number> => {
  await postBatch(baseUrl, key, makeBodies("warm-up")[0]![0]!);
  const bodies = makeBodies("run");
  const started = performance.now();
  const accepted = await Promise.all(
    bodies.map(async (batches) => {
      let sum = 0;
      for (const body of batches) sum += await postBatch(baseUrl, key, body);
      return sum;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const total = accepted.reduce((sum, count) => sum + count, 0);
  if (total !== CLIENTS * BATCHES_PER_CLIENT * BATCH_SIZE) {
    throw new Error(`Expected every event to be accepted once, got ${total}`);
  }
  return total / seconds;
};

const startServer = async (url: string, logFile: string): Promise<{ baseUrl: string; server: ChildProcess }> => {
  const port = await findFreePort();
  const server = spawn(nextBin, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const log = fs.createWriteStream(logFile);
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  if (!(await waitForHttp(`${baseUrl}/login`, () => server.exitCode === null, 60_000))) {
    throw new Error(`next start did not answer within 60 s: see ${logFile}`);
  }
  return { baseUrl, server };
};

const stopServer = async (server: ChildProcess | undefined) => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
};

const main = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "billfold-bench-usage-"));
  // PostgreSQL runs as the postgres user, which must be able to enter the (root-owned) folder.
  fs.chmodSync(dir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), database: "bench" });
  const db = createDb(database.url, { poolSize: 4 });
  let server: ChildProcess | undefined;
  const cleanup = async () => {
    if (building && building.exitCode === null) building.kill("SIGTERM");
    await stopServer(server);
    await db.$disconnect();
    await database.stop();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void cleanup().finally(() => process.exit(130)));
  }
  const serverLog = path.join(dir, "server.log");
  try {
    await applyMigrations({ connectionString: database.url });
    const { key } = await setUp(db);
    await buildApp();
    const started = await startServer(database.url, serverLog);
    server = started.server;
    say(`Serving the production build at ${started.baseUrl}`);
    emit("ingest_events_per_s", await measureIngest(started.baseUrl, key), "events/s");
    // The recalculation runs on the database alone: the server's CPU is given back first.
    await stopServer(server);
    server = undefined;
    say("Recalculation: 1,000,000 events across 3 meters (inserting them takes a while)…");
    const recalc = await measureRecalc({ url: database.url });
    // Recalculating is the Apply: the usage counted again under the invoice's lock, the lines and
    // totals rewritten, the audit entry written. The preview before it (what the dialog shows) is a
    // read of the same aggregate, reported on its own.
    emit("recalc_1m_s", recalc.applySeconds, "s");
    emit("recalc_preview_1m_s", recalc.previewSeconds, "s");
    emit("raw_sum_1m_s", recalc.rawSumSeconds, "s");
  } catch (error) {
    if (fs.existsSync(serverLog)) say(`Server log (last lines):\n${fs.readFileSync(serverLog, "utf8").slice(-4000)}`);
    throw error;
  } finally {
    await cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

const buildOnly = async () => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopBuild();
      process.exit(130);
    });
  }
  await ensureBuild(say);
};

(process.argv.includes(BUILD_ONLY_FLAG) ? buildOnly() : main()).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
