import { describe, expect, it } from "vitest";
import { contentDisposition, invoicePdfFilename, pdfFilename } from "./filename";

describe("PDF file names", () => {
  it("names a document after its number", () => {
    expect(invoicePdfFilename({ id: "inv_1", number: "INV-202406-0052" })).toBe("INV-202406-0052.pdf");
    expect(contentDisposition("INV-202406-0052.pdf")).toBe('attachment; filename="INV-202406-0052.pdf"');
  });

  it("names a draft after its id, having no number yet", () => {
    expect(invoicePdfFilename({ id: "inv_01J2ABC", number: null })).toBe("draft-inv_01J2ABC.pdf");
  });

  it("keeps custom numbers safe for file systems and for the quoted header", () => {
    expect(pdfFilename("CUSTOM/2024/001")).toBe("CUSTOM-2024-001.pdf");
    expect(pdfFilename('../"evil"\r\nX: y')).toBe("evil-X-y.pdf");
    expect(pdfFilename("...")).toBe("document.pdf");
    expect(pdfFilename("Société Ærø 7")).toBe("Soci-t-r-7.pdf");
  });
});
