// `npm run test:e2e`: a throw-away PostgreSQL (or a fresh database on DATABASE_URL's server),
// migrated and seeded with the demo, the production build served by `next start` on a free port,
// then Playwright in Debian's Chromium against it. Everything it started is stopped at the end.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb } from "../lib/db/client";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { projectRoot } from "../lib/db/runtime";
import { seedDemoData } from "../lib/db/seed";
import { launcherEnv } from "../lib/env";
import { ensureBuild, nextBin, stopBuild, waitForHttp } from "./lib/build";

const say = (line: string) => process.stdout.write(`[e2e] ${line}\n`);

const main = async (): Promise<number> => {
  const launcher = launcherEnv();
  let embedded: EmbeddedDatabase | undefined;
  let server: ChildProcess | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  const cleanup = async () => {
    stopBuild();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await dropDatabase?.();
    await embedded?.stop();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void cleanup().then(() => process.exit(130)));
  }
  try {
    let url: string;
    if (launcher.DATABASE_URL) {
      const name = `billfold_e2e_${randomBytes(4).toString("hex")}`;
      const admin = new pg.Client({ connectionString: launcher.DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const parsed = new URL(launcher.DATABASE_URL);
      parsed.pathname = `/${name}`;
      url = parsed.toString();
      dropDatabase = async () => {
        const client = new pg.Client({ connectionString: launcher.DATABASE_URL });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      };
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "billfold-e2e-pg-"));
      // PostgreSQL runs as the postgres user, which must be able to enter the (root-owned) folder.
      fs.chmodSync(dir, 0o755);
      embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), ephemeral: true });
      url = embedded.url;
    }
    await applyMigrations({ connectionString: url });
    const db = createDb(url);
    await seedDemoData(db);
    await db.$disconnect();
    say("Database migrated and seeded.");

    await ensureBuild(say);
    const port = await findFreePort();
    server = spawn(nextBin, ["start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        DATABASE_URL: url,
        AUTH_SECRET: randomBytes(32).toString("hex"),
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    const serverLog = fs.createWriteStream(path.join(projectRoot, "test-results", "e2e-server.log"));
    server.stdout?.pipe(serverLog);
    server.stderr?.pipe(serverLog);
    const baseUrl = `http://127.0.0.1:${port}`;
    if (!(await waitForHttp(`${baseUrl}/login`, () => server?.exitCode === null, 60_000))) {
      throw new Error("next start did not answer within 60 s: see test-results/e2e-server.log");
    }
    say(`Serving the production build at ${baseUrl}`);
    const result = spawnSync(
      path.join(projectRoot, "node_modules", ".bin", "playwright"),
      ["test", ...process.argv.slice(2)],
      { cwd: projectRoot, stdio: "inherit", env: { ...process.env, E2E_BASE_URL: baseUrl } },
    );
    return result.status ?? 1;
  } finally {
    await cleanup();
  }
};

fs.mkdirSync(path.join(projectRoot, "test-results"), { recursive: true });
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
