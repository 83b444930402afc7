// The one Prisma client. Created on first use, so modules can import it during `next build`
// (no database there); reused across hot reloads in development.
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "./generated/client";

export type Db = InstanceType<typeof PrismaClient>;
/** A transaction client: services take it so they compose inside one transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForPrisma = globalThis as unknown as { billfoldPrisma?: Db };

// A burst of finalizations queues on one series' counter row: let a transaction wait for a
// connection longer than Prisma's 2 s default rather than fail a finance user's click.
export const createDb = (connectionString: string, options: { poolSize?: number } = {}): Db =>
  new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: options.poolSize ?? 10 }),
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
