// Reading documents as a user gets them: the PDF's text through pdftotext, amounts as the page and
// the PDF print them, and the headers that keep a customer's document private.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "@playwright/test";

/** A browser with nobody signed in: the customer opening their link. */
export const SIGNED_OUT = { cookies: [], origins: [] };

// Some currencies print a no-break space after their code ("SGD 4,409.70"); pdftotext and the DOM keep it.
export const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A figure as a pattern that also matches where the PDF's layout put any space. */
export const figure = (text: string) => escapeRegExp(text).replace(/ /g, "\\s");

/** The PDF's text as pdftotext reads it (no-break spaces read as spaces). */
export const pdfText = (pdf: Buffer): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "billfold-e2e-pdf-"));
  try {
    const file = path.join(dir, "document.pdf");
    fs.writeFileSync(file, pdf);
    return spaces(execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"]).toString());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

// A page navigation and an API request both answer with headers().
export const expectPrivate = (response: { headers: () => Record<string, string> } | null) => {
  const headers = response?.headers() ?? {};
  expect(headers["x-robots-tag"]).toContain("noindex");
  expect(headers["cache-control"]).toContain("no-store");
};
