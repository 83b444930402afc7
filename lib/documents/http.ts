// Responses for the document routes: the PDF as a download, and plain 401/404 answers (a route is
// fetched by scripts and browsers alike, so it never redirects to the sign-in page).
import { contentDisposition } from "./filename";

/** A staff download is private to the signed-in user; a customer's link must never be cached either. */
const PRIVATE_HEADERS = {
  "Cache-Control": "no-store, private, max-age=0",
  "X-Content-Type-Options": "nosniff",
} as const;

/** The customer's documents sit behind a bearer token in the address: never indexed, cached or leaked. */
export const PUBLIC_DOCUMENT_HEADERS = {
  ...PRIVATE_HEADERS,
  "X-Robots-Tag": "noindex, nofollow, noarchive",
  "Referrer-Policy": "no-referrer",
} as const;

export const pdfResponse = (pdf: Buffer, options: { filename: string; headers?: Record<string, string> }): Response =>
  new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      ...PRIVATE_HEADERS,
      ...options.headers,
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.length),
      "Content-Disposition": contentDisposition(options.filename),
    },
  });

const plain = (status: number, message: string, headers: Record<string, string> = {}): Response =>
  new Response(message, {
    status,
    headers: { ...PRIVATE_HEADERS, ...headers, "Content-Type": "text/plain; charset=utf-8" },
  });

export const signInRequired = (): Response => plain(401, "Sign in to download this document.");

/** The same answer for an unknown id, another organisation's document and a draft's public link. */
export const documentNotFound = (headers?: Record<string, string>): Response =>
  plain(404, "Document not found.", headers);
