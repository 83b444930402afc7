// `npm run db:seed`: applies pending migrations to DATABASE_URL (or the embedded database, started
// for the purpose), then adds the demo organisation unless it is already there. Running it again
// changes nothing.
import { pathToFileURL } from "node:url";
import { createDb } from "../lib/db/client";
import { DEMO_ADMIN } from "../lib/db/demo";
import { applyMigrations, MigrationError } from "../lib/db/migrate";
import { seedDemoData } from "../lib/db/seed";
import { openDatabase } from "../lib/db/runtime";
import { launcherEnv } from "../lib/env";

const say = (line: string) => process.stdout.write(`[seed] ${line}\n`);

/** Migrates and seeds the database at `url`; whoever started that database stops it. */
export const runSeed = async (url: string): Promise<{ seeded: boolean }> => {
  await applyMigrations({ connectionString: url, log: say });
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
  const launcher = launcherEnv();
  const database = await openDatabase({ databaseUrl: launcher.DATABASE_URL, dataDir: launcher.BILLFOLD_DATA_DIR });
  try {
    await runSeed(database.url);
  } finally {
    await database.stop();
  }
};

// Only as a command: importing runSeed from elsewhere must not start a seed.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    say(error instanceof MigrationError ? error.message : String(error instanceof Error ? error.stack : error));
    process.exit(1);
  });
}
