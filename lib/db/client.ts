// The one Prisma client. Created on first use, so modules can import it during `next build`
// (no database there); reused across hot reloads in development.
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { Prisma, PrismaClient } from "./generated/client";

export type Db = InstanceType<typeof PrismaClient>;
/** A transaction client: services take it so they compose inside one transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForPrisma = globalThis as unknown as { billfoldPrisma?: Db };

// Statements are prepared once per connection under a name made from their text, so PostgreSQL
// parses each once and can reuse its plan: for the ledger's statements, parsing and planning cost
// more than running them (see `npm run bench:wallets`). Bounded, as each named statement stays in
// every connection: texts past the first MAX_NAMED_STATEMENTS (a list of another length is
// another text) run unnamed, as before.
export const MAX_NAMED_STATEMENTS = 1_000;
const statementNames = new Map<string, string>();

/**
 * Marks a statement to be planned for its values every time (never prepared): after five runs of a
 * prepared statement PostgreSQL may settle on a generic plan, which for a scan bounded by a period
 * or a "received since" instant can be many times slower (a usage aggregate 2-3x, a count of late
 * events 30x). Put it at the start of heavy, value-sensitive queries: `${PLAN_EACH_TIME} SELECT ...`.
 */
export const PLAN_EACH_TIME = Prisma.raw("/* plan each time */");

export const statementName = (query: { sql: string }): string | undefined => {
  if (query.sql.trimStart().startsWith(PLAN_EACH_TIME.sql)) return undefined;
  const known = statementNames.get(query.sql);
  if (known !== undefined || statementNames.size >= MAX_NAMED_STATEMENTS) return known;
  const name = `bf_${createHash("sha1").update(query.sql).digest("base64url")}`;
  statementNames.set(query.sql, name);
  return name;
};

// A burst of finalizations queues on one series' counter row: let a transaction wait for a
// connection longer than Prisma's 2 s default rather than fail a finance user's click.
export const createDb = (connectionString: string, options: { poolSize?: number } = {}): Db =>
  new PrismaClient({
    adapter: new PrismaPg(
      { connectionString, max: options.poolSize ?? 10 },
      // The adapter passes the name to pg; undefined is pg's own default (an unnamed statement).
      { statementNameGenerator: statementName as (query: { sql: string }) => string },
    ),
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });

const client = (): Db => {
  globalForPrisma.billfoldPrisma ??= createDb(env().DATABASE_URL);
  return globalForPrisma.billfoldPrisma;
};

export const db: Db = new Proxy({} as Db, {
  get: (_target, property) => {
    const instance = client();
    const value = Reflect.get(instance, property, instance) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(instance) : value;
  },
});
