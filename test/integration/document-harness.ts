// For tests of the documents (pages' data and PDFs): a migrated database for the file, and the PDF's
// text as a reader sees it, through pdftotext in a scratch folder removed afterwards.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { createMigratedTestDatabase, type TestDatabase } from "./db";

const run = promisify(execFile);

// pdftotext keeps no-break spaces (de-DE puts one before "€"); compare words, not space kinds.
export const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

export const setUpDocumentTests = ({ workDirPrefix }: { workDirPrefix: string }) => {
  let database: TestDatabase | undefined;
  let db: Db | undefined;
  let workDir: string | undefined;

  beforeAll(async () => {
    database = await createMigratedTestDatabase();
    db = createDb(database.url);
    workDir = await fs.mkdtemp(path.join(os.tmpdir(), workDirPrefix));
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
    if (workDir) await fs.rm(workDir, { recursive: true, force: true });
  });

  return {
    /** The test database's client, once the file's database is made. */
    get db(): Db {
      return db!;
    },
    /** The PDF's text as `pdftotext -layout` reads it, and its pages. */
    readPdf: async (pdf: Buffer): Promise<{ text: string; pages: string[] }> => {
      const file = path.join(workDir!, `${randomUUID()}.pdf`);
      await fs.writeFile(file, pdf);
      const { stdout } = await run("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], {
        maxBuffer: 32 * 1024 * 1024,
      });
      const text = spaces(stdout);
      // pdftotext ends every page with a form feed.
      return { text, pages: text.split("\f").slice(0, -1) };
    },
  };
};
