// The drift test: the database that prisma/migrations builds must be exactly what schema.prisma
// describes, so Prisma Client never meets a column, type, key or index it does not expect.
import fs from "node:fs/promises";
import path from "node:path";
import internals from "@prisma/internals";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { compareSchemaToDatabase, introspectDatabase, type DatabaseIntrospection } from "@/lib/db/schema-drift";
import { createTestDatabase, type TestDatabase } from "./db";

const SCHEMA_PATH = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

const dmmfOf = (datamodel: string) => internals.getDMMF({ datamodel });

// Edits one model's (or enum's) block of the schema and fails loudly if the edit matched nothing,
// so a mutation that silently stopped applying cannot make its test pass.
const editBlock = (schema: string, header: string, edit: (block: string) => string): string => {
  const start = schema.indexOf(`${header} {`);
  const end = schema.indexOf("\n}", start);
  if (start < 0 || end < 0) throw new Error(`No block "${header}" in the schema`);
  const block = schema.slice(start, end);
  const edited = edit(block);
  if (edited === block) throw new Error(`The edit of "${header}" changed nothing`);
  return schema.slice(0, start) + edited + schema.slice(end);
};

const databases: TestDatabase[] = [];
let schema: string;
let client: pg.Client;
let introspection: DatabaseIntrospection;

beforeAll(async () => {
  schema = await fs.readFile(SCHEMA_PATH, "utf8");
  const db = await createTestDatabase();
  databases.push(db);
  await applyMigrations({ connectionString: db.url });
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  introspection = await introspectDatabase(client);
});

afterAll(async () => {
  await client?.end();
  await Promise.all(databases.map((db) => db.drop()));
});

describe("prisma/migrations against prisma/schema.prisma", () => {
  it("builds exactly the tables, columns, enums, keys, indexes and foreign keys the schema describes", async () => {
    const dmmf = await dmmfOf(schema);

    const differences = compareSchemaToDatabase(dmmf, introspection);

    expect(differences, `The migrations and schema.prisma differ:\n${differences.join("\n")}`).toEqual([]);
    // The comparison saw a real database, not an empty one.
    expect(introspection.tables).toHaveLength(dmmf.datamodel.models.length + 1);
    expect(introspection.indexes.length).toBeGreaterThan(dmmf.datamodel.models.length);
    expect(introspection.foreignKeys.length).toBeGreaterThan(40);
  });
});

describe("the drift test fails when the schema changes without a migration", () => {
  const mutations: { name: string; mutate: (schema: string) => string; expected: string[] }[] = [
    {
      name: "a field is dropped",
      mutate: (s) => editBlock(s, "model Invoice", (b) => b.replace(/\n\s+memo\s+String\?/, "")),
      expected: ["Column Invoice.memo is in the database but not in the schema."],
    },
    {
      name: "a type changes",
      mutate: (s) => editBlock(s, "model Invoice", (b) => b.replace(/(\n\s+totalMinor\s+)BigInt/, "$1Int")),
      expected: ["Invoice.totalMinor: type is bigint in the database, the schema wants integer."],
    },
    {
      name: "a native type is dropped",
      mutate: (s) =>
        editBlock(s, "model Invoice", (b) =>
          b.replace(/(\n\s+createdAt\s+DateTime\s+@default\(now\(\)\)) @db\.Timestamptz\(3\)/, "$1"),
        ),
      expected: [
        "Invoice.createdAt: type is timestamp(3) with time zone in the database, the schema wants timestamp(3) without time zone.",
      ],
    },
    {
      name: "an @@index is added",
      mutate: (s) => editBlock(s, "model Invoice", (b) => `${b}\n  @@index([organizationId, createdAt])`),
      expected: [
        "Invoice: index Invoice_organizationId_createdAt_idx on (organizationId, createdAt) is missing from the database.",
      ],
    },
    {
      name: "a field becomes optional",
      mutate: (s) => editBlock(s, "model Customer", (b) => b.replace(/(\n\s+name\s+)String\n/, "$1String?\n")),
      expected: ["Customer.name: NOT NULL in the database, optional in the schema."],
    },
    {
      name: "a default changes",
      mutate: (s) => editBlock(s, "model Organization", (b) => b.replace("@default(net_30)", "@default(net_15)")),
      expected: ["Organization.paymentTerms: default is 'net_30' in the database, the schema wants 'net_15'."],
    },
    {
      name: "a @unique is dropped",
      mutate: (s) => editBlock(s, "model Invoice", (b) => b.replace(/(\n\s+publicToken\s+String\s+)@unique/, "$1")),
      expected: [
        "Invoice: unique index Invoice_publicToken_key on (publicToken) is in the database but not in the schema.",
      ],
    },
    {
      name: "an enum gains a value",
      mutate: (s) => editBlock(s, "enum InvoiceStatus", (b) => `${b}\n  archived`),
      expected: [
        'Enum "InvoiceStatus" has values (draft, finalized, paid, void, uncollectible) in the database, the schema has (draft, finalized, paid, void, uncollectible, archived).',
      ],
    },
    {
      name: "a relation's onDelete changes",
      mutate: (s) =>
        editBlock(s, "model Payment", (b) =>
          b.replace(
            "@relation(fields: [invoiceId], references: [id])",
            "@relation(fields: [invoiceId], references: [id], onDelete: Cascade)",
          ),
        ),
      expected: [
        "Payment: foreign key Payment_invoiceId_fkey is (invoiceId) -> Invoice(id) ON DELETE RESTRICT ON UPDATE CASCADE in the database, the schema wants (invoiceId) -> Invoice(id) ON DELETE CASCADE ON UPDATE CASCADE.",
      ],
    },
    {
      name: "a model is added",
      mutate: (s) => `${s}\nmodel Refund {\n  id String @id\n}\n`,
      expected: ['Table "Refund" (model Refund) is missing from the database.'],
    },
  ];

  it.each(mutations)("reports it when $name", async ({ mutate, expected }) => {
    const dmmf = await dmmfOf(mutate(schema));

    expect(compareSchemaToDatabase(dmmf, introspection)).toEqual(expected);
  });
});

describe("the drift test fails when a migration changes the database behind the schema's back", () => {
  const changes: { name: string; sql: string; expected: string[] }[] = [
    {
      name: "an extra index",
      sql: `CREATE INDEX "Invoice_memo_idx" ON "Invoice"("memo")`,
      expected: ["Invoice: index Invoice_memo_idx on (memo) is in the database but not in the schema."],
    },
    {
      name: "an extra table",
      sql: `CREATE TABLE "Stray" ("id" TEXT PRIMARY KEY)`,
      expected: ['Table "Stray" is in the database but not in the schema.'],
    },
    {
      name: "a default the schema lacks",
      sql: `ALTER TABLE "Invoice" ALTER COLUMN "currency" SET DEFAULT 'USD'`,
      expected: ["Invoice.currency: default is 'USD' in the database, the schema wants none."],
    },
    {
      name: "a NOT NULL the schema lacks",
      sql: `ALTER TABLE "Invoice" ALTER COLUMN "memo" SET NOT NULL`,
      expected: ["Invoice.memo: NOT NULL in the database, optional in the schema."],
    },
    {
      name: "a missing foreign key",
      sql: `ALTER TABLE "Payment" DROP CONSTRAINT "Payment_invoiceId_fkey"`,
      expected: [
        "Payment: foreign key Payment_invoiceId_fkey (invoiceId) -> Invoice(id) ON DELETE RESTRICT ON UPDATE CASCADE is missing from the database.",
      ],
    },
    {
      name: "a unique index with its columns swapped",
      sql: `DROP INDEX "Customer_organizationId_externalId_key";
            CREATE UNIQUE INDEX "Customer_organizationId_externalId_key" ON "Customer"("externalId", "organizationId")`,
      expected: [
        "Customer: Customer_organizationId_externalId_key is on (externalId, organizationId) in the database, the schema wants (organizationId, externalId).",
      ],
    },
  ];

  it.each(changes)("reports $name", async ({ sql, expected }) => {
    const dmmf = await dmmfOf(schema);
    // Changed inside a transaction that is rolled back, so the other tests keep the true database.
    await client.query("BEGIN");
    try {
      await client.query(sql);
      expect(compareSchemaToDatabase(dmmf, await introspectDatabase(client))).toEqual(expected);
    } finally {
      await client.query("ROLLBACK");
    }
  });
});

// Billfold's schema uses no @map, lists or custom index names yet; this fixture does, with the SQL
// Prisma 7.10's schema engine produced for it (`migrate diff --from-empty --to-schema`, its comment
// lines and CREATE SCHEMA left out), so the comparator is known to read them as Prisma does before
// the day the real schema needs them. The long model name checks Prisma's 63-byte name truncation.
const FEATURES_SCHEMA = `
datasource db {
  provider = "postgresql"
}
enum E {
  a @map("A")
  b
  @@map("e_type")
}
model A {
  id Int @id(map: "a_pk") @default(autoincrement())
  x String @unique(map: "x_uniq") @map("x_col")
  e E @default(a)
  t String[] @default([])
  bs B[]
  entries InvoiceReconciliationAdjustmentEntryWithALongDescriptiveName[]
  d DateTime @default("2020-01-01T00:00:00Z") @db.Timestamp
  n Decimal @default(1.50)
  big BigInt @default(3000000000)
  neg Int @default(-1)
  q String @default("it's")
  g String @default(dbgenerated("gen_random_uuid()")) @db.Uuid
  @@index([x(sort: Desc), e], map: "custom_idx")
  @@index([e], type: Hash)
  @@map("a_table")
}
model B {
  id String @default(uuid())
  aId Int
  a A @relation(fields: [aId], references: [id], onUpdate: Restrict)
  @@id([id, aId], name: "pk2", map: "b_pkey_custom")
}
model InvoiceReconciliationAdjustmentEntryWithALongDescriptiveName {
  id String @id
  organizationIdentifier String
  reconciliationPeriodStart DateTime
  counterpartyAccountIdentifier Int?
  counterparty A? @relation(fields: [counterpartyAccountIdentifier], references: [id])
  @@unique([organizationIdentifier, reconciliationPeriodStart])
  @@index([counterpartyAccountIdentifier])
}
`;

const FEATURES_SQL = `
CREATE TYPE "e_type" AS ENUM ('A', 'b');

CREATE TABLE "a_table" (
    "id" SERIAL NOT NULL,
    "x_col" TEXT NOT NULL,
    "e" "e_type" NOT NULL DEFAULT 'A',
    "t" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "d" TIMESTAMP NOT NULL DEFAULT '2020-01-01 00:00:00 +00:00',
    "n" DECIMAL(65,30) NOT NULL DEFAULT 1.50,
    "big" BIGINT NOT NULL DEFAULT 3000000000,
    "neg" INTEGER NOT NULL DEFAULT -1,
    "q" TEXT NOT NULL DEFAULT 'it''s',
    "g" UUID NOT NULL DEFAULT gen_random_uuid(),

    CONSTRAINT "a_pk" PRIMARY KEY ("id")
);

CREATE TABLE "B" (
    "id" TEXT NOT NULL,
    "aId" INTEGER NOT NULL,

    CONSTRAINT "b_pkey_custom" PRIMARY KEY ("id","aId")
);

CREATE TABLE "InvoiceReconciliationAdjustmentEntryWithALongDescriptiveName" (
    "id" TEXT NOT NULL,
    "organizationIdentifier" TEXT NOT NULL,
    "reconciliationPeriodStart" TIMESTAMP(3) NOT NULL,
    "counterpartyAccountIdentifier" INTEGER,

    CONSTRAINT "InvoiceReconciliationAdjustmentEntryWithALongDescriptiveNa_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "x_uniq" ON "a_table"("x_col");

CREATE INDEX "custom_idx" ON "a_table"("x_col" DESC, "e");

CREATE INDEX "a_table_e_idx" ON "a_table" USING HASH ("e");

CREATE INDEX "InvoiceReconciliationAdjustmentEntryWithALongDescriptiveNam_idx" ON "InvoiceReconciliationAdjustmentEntryWithALongDescriptiveName"("counterpartyAccountIdentifier");

CREATE UNIQUE INDEX "InvoiceReconciliationAdjustmentEntryWithALongDescriptiveNam_key" ON "InvoiceReconciliationAdjustmentEntryWithALongDescriptiveName"("organizationIdentifier", "reconciliationPeriodStart");

ALTER TABLE "B" ADD CONSTRAINT "B_aId_fkey" FOREIGN KEY ("aId") REFERENCES "a_table"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

ALTER TABLE "InvoiceReconciliationAdjustmentEntryWithALongDescriptiveName" ADD CONSTRAINT "InvoiceReconciliationAdjustmentEntryWithALongDescriptiveNa_fkey" FOREIGN KEY ("counterpartyAccountIdentifier") REFERENCES "a_table"("id") ON DELETE SET NULL ON UPDATE CASCADE;
`;

describe("the comparator reads @map, @@map, lists, native types, custom and truncated names as Prisma does", () => {
  it("finds no difference between the fixture schema and Prisma's SQL for it", async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const fixture = new pg.Client({ connectionString: db.url });
    await fixture.connect();
    try {
      await fixture.query(FEATURES_SQL);
      const differences = compareSchemaToDatabase(await dmmfOf(FEATURES_SCHEMA), await introspectDatabase(fixture));
      expect(differences, differences.join("\n")).toEqual([]);

      // And still notices a change there: the mapped enum value's default.
      await fixture.query(`ALTER TABLE "a_table" ALTER COLUMN "e" SET DEFAULT 'b'`);
      expect(compareSchemaToDatabase(await dmmfOf(FEATURES_SCHEMA), await introspectDatabase(fixture))).toEqual([
        "a_table.e: default is 'b' in the database, the schema wants 'A'.",
      ]);
    } finally {
      await fixture.end();
    }
  });
});
