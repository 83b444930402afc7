// Finds the database the launcher scripts use: DATABASE_URL when set, otherwise the embedded
// PostgreSQL in the project's git-ignored `.data` folder, started on a free local port.
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";

export type OpenDatabase = { url: string; embedded?: EmbeddedDatabase; stop: () => Promise<void> };

export const projectRoot = path.resolve(import.meta.dirname, "..", "..");

export const defaultDataDir = (override?: string) => path.resolve(override ?? path.join(projectRoot, ".data"));

export const openDatabase = async (options: {
  databaseUrl?: string;
  dataDir?: string;
  log?: (line: string) => void;
}): Promise<OpenDatabase> => {
  if (options.databaseUrl) return { url: options.databaseUrl, stop: async () => undefined };
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(defaultDataDir(options.dataDir), "postgres"),
    log: options.log,
  });
  return { url: embedded.url, embedded, stop: embedded.stop };
};
