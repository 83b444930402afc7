import { describe, expect, it } from "vitest";
import type { PdfTextMetrics } from "@/lib/documents/fonts";
import type { InvoiceDocument, InvoiceDocumentLine } from "@/lib/documents/types";
import { planInvoicePages } from "./pagination";

// A stand-in font: every character half as wide as the size, lines 1.2 x the size.
const metrics: PdfTextMetrics = {
  width: (text, { size }) => [...text].length * size * 0.5,
  lineHeight: (size) => size * 1.2,
};

const line = (position: number, description = `Line ${position}`): InvoiceDocumentLine => ({
  position,
  description,
  period: null,
  quantity: "1",
  unitPrice: "$10.00",
  taxRate: "20%",
  amount: "$10.00",
});

const invoice = (values: Partial<InvoiceDocument> = {}): InvoiceDocument => ({
  id: "inv_1",
  number: "INV-202406-0052",
  title: "Invoice INV-202406-0052",
  filename: "INV-202406-0052.pdf",
  status: "finalized",
  displayStatus: "finalized",
  statusLabel: "Open",
  mark: null,
  currency: "USD",
  issueDate: "Jun 3, 2024",
  dueDate: "Jul 3, 2024",
  paymentTerms: "Net 30",
  period: null,
  paidOn: null,
  voidedOn: null,
  voidReason: null,
  sellerName: "Northwind Analytics Ltd",
  seller: {
    name: "Northwind Analytics Limited",
    addressLines: ["221 Shoreditch High Street", "London"],
    email: null,
    taxId: null,
  },
  billTo: { name: "Acme Corporation", addressLines: ["Boston"], email: "ap@acme.example", taxId: null },
  usageBy: null,
  lines: [line(1), line(2), line(3)],
  showTaxRates: false,
  totals: [
    { kind: "subtotal", label: "Subtotal", amount: "$30.00" },
    { kind: "tax", label: "Tax", amount: "$6.00" },
    { kind: "total", label: "Total", amount: "$36.00" },
    { kind: "due", label: "Amount due", amount: "$36.00" },
  ],
  total: "$36.00",
  amountDue: "$36.00",
  payable: true,
  paymentInstructions: "Sort code 20-00-00",
  memo: null,
  footer: "Registered in England and Wales",
  payments: [],
  creditNotes: [],
  ...values,
});

const metaItems = [
  { label: "Invoice number", value: "INV-202406-0052" },
  { label: "Issue date", value: "Jun 3, 2024" },
];

const plan = (values: Partial<InvoiceDocument> = {}) =>
  planInvoicePages({ invoice: invoice(values), metaItems, metrics });

describe("planInvoicePages", () => {
  it("keeps a short invoice on one page with its totals and payment instructions", () => {
    expect(plan()).toEqual([
      {
        first: true,
        lines: [line(1), line(2), line(3)],
        closing: ["totals", "paymentInstructions"],
        overflow: false,
      },
    ]);
  });

  it("places 300 lines once each, in order, over several pages, and closes on the last", () => {
    const lines = Array.from({ length: 300 }, (_, index) => line(index + 1));
    const pages = plan({ lines, memo: "Thanks" });
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.flatMap((page) => page.lines.map((entry) => entry.position))).toEqual(
      lines.map((entry) => entry.position),
    );
    expect(pages.map((page) => page.first)).toEqual(pages.map((_, index) => index === 0));
    expect(pages.slice(0, -1).every((page) => page.closing.length === 0)).toBe(true);
    expect(pages.at(-1)?.closing).toEqual(["totals", "paymentInstructions", "memo"]);
    expect(pages.every((page) => !page.overflow)).toBe(true);
    // Later pages hold more lines than the first, which also carries the header blocks.
    expect(pages[1]!.lines.length).toBeGreaterThan(pages[0]!.lines.length);
  });

  it("gives a line that wraps onto several lines its full height", () => {
    const short = plan({ lines: Array.from({ length: 200 }, (_, index) => line(index + 1)) });
    const long = plan({
      lines: Array.from({ length: 200 }, (_, index) => line(index + 1, "A long description that wraps ".repeat(6))),
    });
    expect(long.length).toBeGreaterThan(short.length * 2);
  });

  it("moves notes that do not fit under the last lines and totals onto a page of their own", () => {
    const linesOf = (count: number) => Array.from({ length: count }, (_, index) => line(index + 1));
    // As many lines as leave the totals just room enough on the second page.
    let count = 200;
    while (plan({ lines: linesOf(count), paymentInstructions: null }).length > 2) count -= 1;
    const withoutMemo = plan({ lines: linesOf(count), paymentInstructions: null });
    expect(withoutMemo.at(-1)?.closing).toEqual(["totals"]);

    const memo = Array.from({ length: 40 }, () => "A sentence of the memo that fills a line of its own.").join("\n");
    const pages = plan({ lines: linesOf(count), memo, paymentInstructions: null });
    expect(pages).toHaveLength(3);
    expect(pages[1]).toMatchObject({ lines: withoutMemo[1]!.lines, closing: ["totals"] });
    expect(pages[2]).toEqual({ first: false, lines: [], closing: ["memo"], overflow: false });
  });

  it("counts the date line under each credit note in the totals' height", () => {
    const linesOf = (count: number) => Array.from({ length: count }, (_, index) => line(index + 1));
    const creditRows = (detail: string | null) =>
      Array.from({ length: 6 }, (_, index) => ({
        kind: "adjustment" as const,
        label: `Credit note INV-202406-0052-CN0${index + 1}`,
        amount: "-$1.00",
        detail,
      }));
    const totals = (detail: string | null) => [
      ...invoice().totals.slice(0, 3),
      ...creditRows(detail),
      invoice().totals[3]!,
    ];
    // As many lines as leave the totals without details just room enough on the second page.
    let count = 200;
    while (plan({ lines: linesOf(count), totals: totals(null), paymentInstructions: null }).length > 2) count -= 1;
    const detailed = plan({
      lines: linesOf(count),
      totals: totals("Jun 5, 2024 · Service issue"),
      paymentInstructions: null,
    });
    expect(detailed).toHaveLength(3);
    expect(detailed[2]?.closing).toEqual(["totals"]);
  });

  it("lets the renderer split a page only when one block is taller than a page", () => {
    const memo = Array.from({ length: 200 }, () => "An endless memo line.").join("\n");
    const pages = plan({ memo });
    expect(pages.at(-1)?.closing).toEqual(["memo"]);
    expect(pages.at(-1)?.overflow).toBe(true);
    expect(pages.slice(0, -1).every((page) => !page.overflow)).toBe(true);
  });
});
