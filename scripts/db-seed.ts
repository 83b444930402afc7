// `npm run db:seed`: applies pending migrations to DATABASE_URL, then adds the demo organisation
// unless it is already there. Running it again changes nothing.
import { pathToFileURL } from "node:url";
import { createDb } from "../lib/db/client";
import { DEMO_ADMIN } from "../lib/db/demo";
import { applyMigrations, MigrationError } from "../lib/db/migrate";
import { seedDemoData } from "../lib/db/seed";
import { launcherEnv } from "../lib/env";

const say = (line: string) => process.stdout.write(`[seed] ${line}\n`);

/** Migrates and seeds the database at `url`; whoever started that database stops it. */
export const runSeed = async (url: string): Promise<{ seeded: boolean }> => {
  const { applied } = await applyMigrations({ connectionString: url, log: say });
  if (applied.length) say(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
  const db = createDb(url);
  try {
    const result = await seedDemoData(db, { log: say });
    say(
      result.seeded
        ? `Seeded demo data. Sign in as ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`
        : "Demo data already present; nothing changed.",
    );
    return result;
  } finally {
    await db.$disconnect();
  }
};

const main = async () => {
  const { DATABASE_URL } = launcherEnv();
  if (!DATABASE_URL) {
    say(
      "DATABASE_URL is not set. Run `npm start` once (it starts the embedded database and adds the demo data " +
        "itself), or set DATABASE_URL to a PostgreSQL database and run `npm run db:seed` again.",
    );
    process.exit(1);
  }
  await runSeed(DATABASE_URL);
};

// Only as a command: importing runSeed from elsewhere must not start a seed.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    say(error instanceof MigrationError ? error.message : String(error instanceof Error ? error.stack : error));
    process.exit(1);
  });
}
