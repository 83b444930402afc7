// `npm run bench:invoices`: the invoice targets of issue 3, measured on a throw-away embedded
// PostgreSQL with the same services and queries the app runs. Prints one JSON object per line:
// {"metric", "value", "unit"}. Durability is left on (fsync, synchronous commit), and React runs
// its production build (NODE_ENV=production, set by the npm script), as under `npm start`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createDb, type Db } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { newId, newPublicToken } from "../lib/ids";
import { encodeInvoiceCursor, invoiceListParamsSchema } from "../lib/invoices/list-params";
import { countInvoicesByStatus, listInvoices } from "../lib/invoices/queries";
import { draftInvoiceFormSchema, type DraftInvoiceFormValues } from "../lib/invoices/schemas";
import { saveDraftInvoice } from "../lib/invoices/service/draft";
import { finalizeInvoice } from "../lib/invoices/service/finalize";
import type { InvoiceActor } from "../lib/invoices/service/shared";
import { benchmarkPdfs } from "./lib/bench-pdf";
import { emit, percentile, time } from "./lib/bench-stats";

const LIST_ROWS = 100_000;
const PAGE_SIZE = 50;
const DEEP_PAGE = 2_000;

const setUpOrganization = async (db: Db): Promise<{ actor: InvoiceActor; customerId: string }> => {
  const organizationId = newId("organization");
  await db.organization.create({ data: { id: organizationId, name: "Bench Analytics Ltd", timeZone: "UTC" } });
  const userId = newId("user");
  await db.user.create({
    data: {
      id: userId,
      organizationId,
      email: "bench@billfold.local",
      name: "Bench",
      passwordHash: "x",
      role: "finance",
    },
  });
  const customerId = newId("customer");
  await db.customer.create({
    data: {
      id: customerId,
      organizationId,
      externalId: "bench-customer",
      name: "Bench Customer",
      email: "ap@bench.test",
    },
  });
  await db.numberSeries.create({
    data: {
      id: newId("numberSeries"),
      organizationId,
      kind: "invoice",
      name: "Default",
      format: "INV-{YYYY}{MM}-{NNNN}",
      isDefault: true,
    },
  });
  return { actor: { id: userId, organizationId, name: "Bench", email: "bench@billfold.local" }, customerId };
};

const draftValues = (customerId: string): DraftInvoiceFormValues => ({
  customerId,
  currency: "USD",
  issueDate: new Date().toISOString().slice(0, 10),
  dueMode: "terms",
  paymentTerms: "net_30",
  dueDate: "",
  numbering: "series",
  seriesId: "",
  customNumber: "",
  memo: "",
  footer: "",
  lines: [
    { description: "Implementation", quantity: "1", unitPrice: "12500.00", taxRate: "20" },
    { description: "Training, hours", quantity: "7.5", unitPrice: "132.50", taxRate: "20" },
  ],
});

const benchmarkFinalize = async (db: Db, setup: { actor: InvoiceActor; customerId: string }) => {
  const input = draftInvoiceFormSchema.parse(draftValues(setup.customerId));
  const drafts: string[] = [];
  for (let i = 0; i < 200; i++) {
    const saved = await db.$transaction((tx) => saveDraftInvoice(tx, { actor: setup.actor, input }));
    drafts.push(saved.invoiceId);
  }
  const started = performance.now();
  const results = await Promise.all(
    drafts.map((invoiceId) => db.$transaction((tx) => finalizeInvoice(tx, { actor: setup.actor, invoiceId }))),
  );
  const seconds = (performance.now() - started) / 1000;
  const numbers = new Set(results.map((result) => result.number));
  if (numbers.size !== 200) throw new Error(`finalize: expected 200 distinct numbers, got ${numbers.size}`);
  emit("finalize_200_concurrent_s", seconds, "s");
};

// 100,000 invoices in one organisation, inserted in SQL: statuses, dates and totals spread out.
const seedList = async (db: Db, setup: { actor: InvoiceActor; customerId: string }) => {
  const organizationId = setup.actor.organizationId;
  const customers = Array.from({ length: 200 }, (_, i) => ({
    id: newId("customer"),
    organizationId,
    externalId: `list-${i}`,
    name: `List Customer ${String(i).padStart(3, "0")}`,
    email: `ap${i}@list.test`,
  }));
  await db.customer.createMany({ data: customers });
  const customerIds = customers.map((customer) => customer.id);
  await db.$executeRaw`
    INSERT INTO "Invoice" ("id", "organizationId", "type", "status", "paymentStatus", "number", "currency",
      "issueDate", "dueDate", "customerId", "subtotalMinor", "taxMinor", "totalMinor", "paidMinor", "amountDueMinor",
      "publicToken", "finalizedAt", "updatedAt")
    SELECT 'inv_bench' || lpad(g::text, 8, '0'), ${organizationId}, 'one_off',
      (CASE WHEN g % 10 = 0 THEN 'draft' WHEN g % 3 = 0 THEN 'paid' ELSE 'finalized' END)::"InvoiceStatus",
      (CASE WHEN g % 3 = 0 AND g % 10 <> 0 THEN 'paid' ELSE 'unpaid' END)::"PaymentStatus",
      CASE WHEN g % 10 = 0 THEN NULL ELSE 'BENCH-' || lpad(g::text, 8, '0') END,
      'USD',
      DATE '2020-01-01' + (g % 2000),
      DATE '2020-01-31' + (g % 2000),
      (${customerIds}::text[])[1 + g % 200],
      (g % 9973) * 100, (g % 9973) * 20, (g % 9973) * 120,
      CASE WHEN g % 3 = 0 AND g % 10 <> 0 THEN (g % 9973) * 120 ELSE 0 END,
      CASE WHEN g % 3 = 0 AND g % 10 <> 0 THEN 0 ELSE (g % 9973) * 120 END,
      md5(g::text || ${newPublicToken()}),
      CASE WHEN g % 10 = 0 THEN NULL ELSE now() END,
      now()
    FROM generate_series(1, ${LIST_ROWS}) AS g`;
  await db.$executeRawUnsafe(`ANALYZE "Invoice"`);
  await db.$executeRawUnsafe(`ANALYZE "Customer"`);
};

const benchmarkList = async (db: Db, setup: { actor: InvoiceActor; customerId: string }) => {
  await seedList(db, setup);
  const organizationId = setup.actor.organizationId;
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
  // Filters off, as the list opens: the URL parser's defaults (newest issue date first).
  const params = { ...invoiceListParamsSchema.parse({}), organizationId, today };
  const total = await db.invoice.count({ where: { organizationId } });
  if (total < PAGE_SIZE * DEEP_PAGE) throw new Error(`list: only ${total} invoices for a page ${DEEP_PAGE} deep`);
  // The key of the last row before page 2,000, as the list's own "Next" link would carry it.
  const [edge] = await db.$queryRaw<{ id: string; issueDate: Date }[]>`
    SELECT "id", "issueDate" FROM "Invoice" WHERE "organizationId" = ${organizationId}
    ORDER BY "issueDate" DESC, "id" DESC OFFSET ${PAGE_SIZE * (DEEP_PAGE - 1) - 1} LIMIT 1`;
  if (!edge) throw new Error("list: no row at the deep page's edge");
  const after = encodeInvoiceCursor({
    sort: params.sort,
    dir: params.dir,
    value: edge.issueDate.toISOString().slice(0, 10),
    id: edge.id,
  });

  for (let i = 0; i < 20; i++) await listInvoices(params, db); // warm the plan and the cache
  const first = await time(100, () => listInvoices(params, db));
  const deep = await time(100, async () => {
    const page = await listInvoices({ ...params, after }, db);
    if (page.rows.length !== PAGE_SIZE) throw new Error(`list: deep page had ${page.rows.length} rows`);
  });
  const counts = await time(30, () => countInvoicesByStatus(params, db));
  emit("list_page1_p95_ms", percentile(first, 95), "ms");
  emit("list_deep_p95_ms", percentile(deep, 95), "ms");
  emit("list_counts_p95_ms", percentile(counts, 95), "ms");
};

const main = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "billfold-bench-"));
  fs.chmodSync(dir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), database: "bench" });
  const db = createDb(database.url, { poolSize: 10 });
  try {
    await applyMigrations({ connectionString: database.url });
    await benchmarkPdfs();
    const setup = await setUpOrganization(db);
    await benchmarkFinalize(db, setup);
    await benchmarkList(db, setup);
  } finally {
    await db.$disconnect();
    await database.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
