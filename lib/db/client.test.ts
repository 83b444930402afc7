import { describe, expect, it } from "vitest";
import { Prisma } from "./generated/client";
import { MAX_NAMED_STATEMENTS, PLAN_EACH_TIME, statementName } from "./client";

describe("statementName", () => {
  it("never prepares a statement marked to be planned each time", () => {
    const marked = Prisma.sql`${PLAN_EACH_TIME}
    SELECT COUNT(*) FROM "UsageEvent" WHERE "timestamp" >= ${new Date(0)}`;
    expect(statementName({ sql: marked.sql })).toBeUndefined();
  });

  it("names a text the same way each time, and two texts differently", () => {
    const first = statementName({ sql: 'SELECT 1 FROM "Wallet" WHERE "id" = $1' });
    expect(first).toMatch(/^bf_[\w-]{27}$/);
    expect(statementName({ sql: 'SELECT 1 FROM "Wallet" WHERE "id" = $1' })).toBe(first);
    expect(statementName({ sql: 'SELECT 2 FROM "Wallet" WHERE "id" = $1' })).not.toBe(first);
  });

  it("stops naming new texts past the bound, and keeps the names it gave", () => {
    const kept = statementName({ sql: "SELECT 'kept'" });
    for (let index = 0; index < MAX_NAMED_STATEMENTS; index++) statementName({ sql: `SELECT ${index}` });
    expect(statementName({ sql: "SELECT 'one too many'" })).toBeUndefined();
    expect(statementName({ sql: "SELECT 'kept'" })).toBe(kept);
  });
});
