// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database
// (started for the purpose and stopped afterwards).
import { applyMigrations, MigrationError } from "../lib/db/migrate";
import { openDatabase } from "../lib/db/runtime";
import { launcherEnv } from "../lib/env";

const say = (line: string) => process.stdout.write(`[migrate] ${line}\n`);

const main = async () => {
  const launcher = launcherEnv();
  const database = await openDatabase({ databaseUrl: launcher.DATABASE_URL, dataDir: launcher.BILLFOLD_DATA_DIR });
  try {
    const { applied } = await applyMigrations({ connectionString: database.url, log: say });
    say(applied.length ? `Applied ${applied.length}: ${applied.join(", ")}` : "Database is up to date.");
  } finally {
    await database.stop();
  }
};

main().catch((error: unknown) => {
  say(error instanceof MigrationError ? error.message : String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
