// `npm run db:diff -- <name>`: writes the next migration. Prisma's own schema engine (its WASM
// build, which runs offline through the pg driver adapter) diffs schema.prisma as it stood at the
// last commit that changed prisma/migrations (which the drift test keeps equal to the migrations)
// against the working schema.prisma. Without a name it only prints the SQL. The engine needs a
// live connection, so a throw-away PostgreSQL is started for it.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { projectRoot } from "../lib/db/runtime";

type DiffResult = { stdout: string };
type SchemaEngine = { diff: (params: unknown) => Promise<DiffResult> };
type EngineModule = {
  __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
  SchemaEngine: { new: (config: unknown, log: (line: string) => void, adapter: unknown) => Promise<SchemaEngine> };
};

const enginePath = path.join(projectRoot, "node_modules", "@prisma", "schema-engine-wasm");

const loadEngine = async (): Promise<EngineModule> => {
  // The package exports only its bundler entry; load the Node glue and the WASM by path.
  const runtime = (await import(path.join(enginePath, "schema_engine_bg.js"))) as EngineModule;
  const bytes = fs.readFileSync(path.join(enginePath, "schema_engine_bg.wasm"));
  const imports = { "./schema_engine_bg.js": runtime as unknown as WebAssembly.ModuleImports };
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);
  runtime.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return runtime;
};

const timestamp = () => new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);

const committedSchema = (): { ref: string; content: string } => {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: projectRoot, encoding: "utf8" }).trim();
  const ref = git("log", "-1", "--format=%h", "--", "prisma/migrations");
  if (!ref) throw new Error("No commit has changed prisma/migrations yet: nothing to diff from.");
  return { ref, content: git("show", `${ref}:prisma/schema.prisma`) };
};

const main = async () => {
  const name = process.argv[2];
  if (name && !/^[a-z0-9_]+$/.test(name)) throw new Error("Name the migration in snake_case, e.g. add_invoice_indexes");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "billfold-diff-"));
  fs.chmodSync(dir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), ephemeral: true });
  try {
    const previous = committedSchema();
    const schemaPath = path.join(projectRoot, "prisma", "schema.prisma");
    const content = fs.readFileSync(schemaPath, "utf8");
    const engineModule = await loadEngine();
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: database.url }));
    const engine = await engineModule.SchemaEngine.new(
      { datamodels: [[schemaPath, content]] },
      () => undefined,
      adapter,
    );
    const { stdout } = await engine.diff({
      from: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: previous.content }] },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = stdout.trim();
    if (!sql || sql === "-- This is an empty migration.") {
      process.stdout.write(`schema.prisma has not changed since ${previous.ref}: no migration needed.\n`);
      return;
    }
    if (!name) {
      process.stdout.write(`${sql}\n`);
      return;
    }
    const folder = path.join(projectRoot, "prisma", "migrations", `${timestamp()}_${name}`);
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, "migration.sql"), `${sql}\n`);
    process.stdout.write(`Wrote ${path.relative(projectRoot, folder)}/migration.sql:\n\n${sql}\n`);
  } finally {
    await database.stop();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
