// The PDF half of `npm run bench:invoices`: the app's renderer (@react-pdf/renderer with our own
// page planning) on a 20-line and a 300-line invoice, and, as the floor, the same 20-line layout
// drawn directly with pdfkit in the same process.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import { buildInvoiceDocument } from "../../lib/documents/build";
import type { InvoiceRecord, SellerRecord } from "../../lib/documents/records";
import { renderInvoicePdf } from "../../lib/documents/render";
import type { InvoiceDocument } from "../../lib/documents/types";
import { computeLine } from "../../lib/invoices/totals";
import { emit, percentile, time } from "./bench-stats";

const seller: SellerRecord = {
  name: "Northwind Analytics Ltd",
  legalName: "Northwind Analytics Limited",
  email: "billing@northwind.example",
  addressLine1: "221 Shoreditch High Street",
  addressLine2: "Floor 4",
  city: "London",
  postalCode: "E1 6PJ",
  country: "GB",
  taxId: "GB284193756",
  locale: "en-US",
  timeZone: "Europe/London",
  paymentInstructions: "Pay by bank transfer to Northwind Analytics Ltd.\nSort code 20-00-00, account 43917285.",
  invoiceFooter: "Northwind Analytics Ltd, registered in England and Wales no. 09876543.",
};

// One tax rate and one-line descriptions: the common invoice (a 300-line one fills ten pages).
const invoiceWithLines = (count: number): InvoiceRecord => {
  const lines = Array.from({ length: count }, (_, index) => {
    const quantity = index % 3 === 0 ? "7.5" : "2";
    const unitAmountMinor = 12_345n + BigInt(index) * 100n; // €123.45 and up
    const { amountMinor, taxMinor } = computeLine({ quantity, unitAmountMinor, taxRatePercent: "20" });
    return {
      position: index,
      description: `Consulting services, week ${index + 1}`,
      quantity,
      unitAmountMinor,
      amountMinor,
      taxRatePercent: "20",
      taxMinor,
      periodStart: null,
      periodEnd: null,
    };
  });
  const subtotalMinor = lines.reduce((sum, line) => sum + line.amountMinor, 0n);
  const taxMinor = lines.reduce((sum, line) => sum + line.taxMinor, 0n);
  return {
    id: "inv_bench",
    number: "INV-202406-0052",
    status: "finalized",
    currency: "EUR",
    issueDate: new Date("2024-06-03T00:00:00Z"),
    dueDate: new Date("2024-07-03T00:00:00Z"),
    paymentTerms: "net_30",
    periodStart: null,
    periodEnd: null,
    customerId: "cus_bench",
    usageOwnerId: null,
    subtotalMinor,
    taxMinor,
    totalMinor: subtotalMinor + taxMinor,
    creditedMinor: 0n,
    walletAppliedMinor: 0n,
    paidMinor: 0n,
    refundedMinor: 0n,
    amountDueMinor: subtotalMinor + taxMinor,
    memo: "Thank you for your business.",
    footer: null,
    billToSnapshot: {
      name: "Société Générale Ærø",
      email: "ap@sg.example",
      addressLine1: "29 Boulevard Haussmann",
      city: "Paris",
      postalCode: "75009",
      country: "FR",
    },
    paidAt: null,
    voidedAt: null,
    voidReason: null,
    customer: { name: "Société Générale Ærø" },
    usageOwner: null,
    lines,
    payments: [],
  };
};

const documentWithLines = (count: number): InvoiceDocument =>
  buildInvoiceDocument({ invoice: invoiceWithLines(count), seller, today: new Date("2024-06-10T00:00:00Z") });

const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "inter");
// Parsed once and handed to pdfkit as fontkit fonts (pdfkit 0.20 accepts them), like the app's
// renderer keeps its registered fonts: the floor pays for drawing, not for re-reading the TTF.
// pdfkit's own (CommonJS) fontkit, which has no type declarations.
const fontkit = createRequire(import.meta.url)("fontkit") as { create: (data: Buffer) => unknown };
const parsedFont = (file: string) => fontkit.create(fs.readFileSync(path.join(FONT_DIR, file))) as unknown as string;
const REGULAR = parsedFont("400Regular/Inter_400Regular.ttf");
const BOLD = parsedFont("700Bold/Inter_700Bold.ttf");
// No OpenType shaping (ligatures, kerning), as in the app's renderer (lib/documents/fonts.ts).
const PLAIN = { features: [] as PDFKit.Mixins.OpenTypeFeatures[] };

// The same blocks as the app's template, placed by hand: heading, parties, meta, the lines table,
// totals, payment instructions and "Page 1 of 1".
const drawWithPdfkit = (invoice: InvoiceDocument): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: "A4", margin: 40 });
    const chunks: Buffer[] = [];
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    pdf.registerFont("Inter", REGULAR);
    pdf.registerFont("Inter-Bold", BOLD);
    pdf.font("Inter-Bold").fontSize(16).text(invoice.sellerName, 40, 40, PLAIN);
    pdf.fontSize(12).text(invoice.title, 340, 40, { ...PLAIN, width: 215, align: "right" });
    pdf.font("Inter").fontSize(9);
    let y = 80;
    for (const [x, party] of [
      [40, invoice.seller],
      [300, invoice.billTo],
    ] as const) {
      let lineY = y;
      pdf.font("Inter-Bold").text(party.name, x, lineY, PLAIN);
      pdf.font("Inter");
      for (const line of [...party.addressLines, party.email ?? "", party.taxId ?? ""]) {
        lineY += 12;
        pdf.text(line, x, lineY, PLAIN);
      }
    }
    y += 100;
    pdf.text(`Issued ${invoice.issueDate}   Due ${invoice.dueDate}   ${invoice.statusLabel}`, 40, y, PLAIN);
    y += 24;
    const columns = [
      { x: 40, width: 260, align: "left" as const },
      { x: 300, width: 60, align: "right" as const },
      { x: 360, width: 90, align: "right" as const },
      { x: 450, width: 105, align: "right" as const },
    ];
    const row = (cells: string[], bold = false) => {
      pdf.font(bold ? "Inter-Bold" : "Inter");
      cells.forEach((cell, index) => {
        const column = columns[index]!;
        pdf.text(cell, column.x, y, { ...PLAIN, width: column.width, align: column.align, lineBreak: false });
      });
      y += 16;
    };
    row(["Description", "Qty", "Unit price", "Amount"], true);
    for (const line of invoice.lines) row([line.description, line.quantity, line.unitPrice, line.amount]);
    y += 8;
    for (const total of invoice.totals) {
      pdf.font(total.kind === "due" ? "Inter-Bold" : "Inter");
      pdf.text(total.label, 300, y, { ...PLAIN, width: 150, lineBreak: false });
      pdf.text(total.amount, 450, y, { ...PLAIN, width: 105, align: "right", lineBreak: false });
      y += 14;
    }
    if (invoice.paymentInstructions) {
      pdf.font("Inter").text(invoice.paymentInstructions, 40, y + 16, { ...PLAIN, width: 515 });
    }
    pdf.text("Page 1 of 1", 40, 800, { ...PLAIN, width: 515, align: "right", lineBreak: false });
    pdf.end();
  });

export const benchmarkPdfs = async (): Promise<void> => {
  const short = documentWithLines(20);
  const long = documentWithLines(300);
  for (let i = 0; i < 10; i++) {
    await renderInvoicePdf(short);
    await drawWithPdfkit(short);
  }
  await renderInvoicePdf(long);

  const reactPdf = await time(200, () => renderInvoicePdf(short));
  const pdfkit = await time(200, () => drawWithPdfkit(short));
  const tenPages = await time(30, () => renderInvoicePdf(long));
  emit("pdf_1page_p50_ms", percentile(reactPdf, 50), "ms");
  emit("pdf_1page_p95_ms", percentile(reactPdf, 95), "ms");
  emit("pdfkit_1page_p50_ms", percentile(pdfkit, 50), "ms");
  emit("pdf_10page_p50_ms", percentile(tenPages, 50), "ms");
};
