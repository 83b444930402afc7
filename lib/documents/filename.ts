// Download names for document PDFs: the document's number, made safe for every file system and
// for a quoted Content-Disposition header.

// Custom invoice numbers may hold "/" (a path separator) or "." at the start (a hidden file).
export const pdfFilename = (name: string): string => {
  const safe = name
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[.-]+/, "")
    .slice(0, 120);
  return `${safe || "document"}.pdf`;
};

/** "INV-202406-0052.pdf"; a draft has no number yet: "draft-inv_01J….pdf". */
export const invoicePdfFilename = (invoice: { id: string; number: string | null }): string =>
  invoice.number ? pdfFilename(invoice.number) : pdfFilename(`draft-${invoice.id}`);

export const contentDisposition = (filename: string): string => `attachment; filename="${filename}"`;
