// Plans the invoice's pages before rendering: which lines go on which page (the table header
// repeated on each), and where the totals and notes land. Letting the renderer paginate measured
// every page twice (once more to learn "of Y") and doubled the time of a long invoice; planned
// pages render in one pass with "Page X of Y" known up front. Heights come from the same font
// files and the same sizes as styles.ts, with all font features off so widths are exact sums of
// glyph advances. Pure: the text metrics are passed in.
import type { PdfFontWeight, PdfTextMetrics } from "@/lib/documents/fonts";
import type { InvoiceDocument, InvoiceDocumentLine, TotalsRow } from "@/lib/documents/types";
import { CONTENT_HEIGHT, CONTENT_WIDTH, GEOMETRY as G } from "./styles";

export type ClosingBlock = "totals" | "voidReason" | "paymentInstructions" | "memo";

export type PlannedPage = {
  /** The first page carries the header, the parties and the key facts. */
  first: boolean;
  lines: InvoiceDocumentLine[];
  closing: ClosingBlock[];
  /**
   * A block taller than a whole page (a very long memo): the renderer wraps this page itself, so
   * nothing is cut off, at the cost of an unplanned page.
   */
  overflow: boolean;
};

// Text wraps a little earlier in the plan than in the renderer, and every page keeps a few points
// spare, so a rounding difference can only leave space unused, never push text off the page.
const WRAP_SAFETY = 0.97;
const PAGE_SLACK = 8;

type TextStyle = { size: number; weight: PdfFontWeight; letterSpacing?: number; uppercase?: boolean };

const BODY: TextStyle = { size: G.bodySize, weight: 400 };
const BODY_STRONG: TextStyle = { size: G.bodySize, weight: 600 };
const LABEL: TextStyle = { size: G.labelSize, weight: 600, letterSpacing: G.labelLetterSpacing, uppercase: true };

/** The planner's view of text: how many lines a text takes in a box, and how tall that is. */
const textBox = (metrics: PdfTextMetrics) => {
  const spaceWidth = (style: TextStyle) => metrics.width(" ", style);

  // Greedy word wrap per paragraph; a word wider than the box takes as many lines as its width.
  const lineCount = (text: string, style: TextStyle, width: number): number => {
    const available = width * WRAP_SAFETY;
    const source = style.uppercase ? text.toUpperCase() : text;
    let lines = 0;
    for (const paragraph of source.split("\n")) {
      let lineWidth = 0;
      lines += 1;
      for (const word of paragraph.split(" ")) {
        if (word === "") continue;
        const wordWidth = metrics.width(word, style);
        if (lineWidth === 0) {
          lines += Math.max(0, Math.ceil(wordWidth / available) - 1);
          lineWidth = wordWidth;
          continue;
        }
        const next = lineWidth + spaceWidth(style) + wordWidth;
        if (next <= available) {
          lineWidth = next;
          continue;
        }
        lines += Math.ceil(wordWidth / available);
        lineWidth = wordWidth;
      }
    }
    return lines;
  };

  return {
    lineHeight: (style: TextStyle) => metrics.lineHeight(style.size),
    height: (text: string, style: TextStyle, width: number) =>
      lineCount(text, style, width) * metrics.lineHeight(style.size),
  };
};

type TextBox = ReturnType<typeof textBox>;

// ---------------------------------------------------------------- block heights

const labelHeight = (box: TextBox) => box.lineHeight(LABEL) + G.labelGap;

const headerHeight = (invoice: InvoiceDocument, box: TextBox): number => {
  const nameWidth = CONTENT_WIDTH - G.headerRightWidth - 16;
  const left = box.height(invoice.sellerName, { size: G.headerTitleSize, weight: 700 }, nameWidth);
  const title = box.lineHeight({ size: G.headerTitleSize, weight: 700 });
  const number = invoice.number
    ? G.headerNumberGap + box.height(invoice.number, { size: G.headerNumberSize, weight: 600 }, G.headerRightWidth)
    : 0;
  return Math.max(left, title + number) + G.headerGap;
};

const partiesHeight = (invoice: InvoiceDocument, box: TextBox): number => {
  const width = CONTENT_WIDTH / 2 - G.partyPaddingRight;
  const party = (value: InvoiceDocument["seller"], usageBy: string | null) =>
    labelHeight(box) +
    box.height(value.name, { size: G.partyNameSize, weight: 600 }, width) +
    G.partyGapAfterName +
    (value.addressLines.length > 0 ? box.height(value.addressLines.join("\n"), BODY, width) : 0) +
    (value.email ? box.height(value.email, BODY, width) : 0) +
    (value.taxId ? box.height(`Tax id ${value.taxId}`, BODY, width) : 0) +
    (usageBy ? G.usageByGap + box.height(`Usage by ${usageBy}`, BODY, width) : 0);
  return Math.max(party(invoice.seller, null), party(invoice.billTo, invoice.usageBy)) + G.partiesGap;
};

export const metaHeight = (items: { label: string; value: string }[], box: TextBox): number => {
  const width = CONTENT_WIDTH / G.metaColumns - G.metaItemPaddingRight;
  let rows = 0;
  for (let start = 0; start < items.length; start += G.metaColumns) {
    const row = items.slice(start, start + G.metaColumns);
    rows += Math.max(
      ...row.map(
        (item) =>
          2 * G.metaItemPaddingY +
          box.height(item.label, LABEL, width) +
          G.labelGap +
          box.height(item.value, BODY_STRONG, width),
      ),
    );
  }
  return 2 * G.metaBorder + 2 * G.metaPaddingY + rows + G.metaGap;
};

const tableHeaderHeight = (box: TextBox): number =>
  box.lineHeight(LABEL) + G.tableHeaderPaddingBottom + G.tableHeaderBorder + G.tableHeaderGap;

const descriptionWidth = (showTaxRates: boolean): number =>
  CONTENT_WIDTH -
  G.columns.quantity -
  G.columns.unitPrice -
  G.columns.amount -
  (showTaxRates ? G.columns.taxRate : 0) -
  G.descriptionPaddingRight;

const rowHeight = (line: InvoiceDocumentLine, showTaxRates: boolean, box: TextBox): number => {
  const description =
    box.height(line.description, BODY, descriptionWidth(showTaxRates)) +
    (line.period ? box.height(line.period, { size: G.periodSize, weight: 400 }, descriptionWidth(showTaxRates)) : 0);
  const cells = [
    description,
    box.height(line.quantity, BODY, G.columns.quantity),
    box.height(line.unitPrice, BODY, G.columns.unitPrice),
    showTaxRates ? box.height(line.taxRate, BODY, G.columns.taxRate) : 0,
    box.height(line.amount, BODY, G.columns.amount),
  ];
  return 2 * G.rowPaddingY + Math.max(...cells) + G.rowBorder;
};

const totalsHeight = (rows: TotalsRow[], box: TextBox, metrics: PdfTextMetrics): number => {
  let height = G.totalsGap;
  for (const row of rows) {
    const style: TextStyle = row.kind === "due" ? { size: G.dueSize, weight: 700 } : BODY_STRONG;
    const labelWidth = G.totalsWidth - metrics.width(row.amount, style) - G.totalsAmountGap;
    const text =
      box.height(row.label, style, labelWidth) +
      (row.detail ? box.height(row.detail, { size: G.totalsDetailSize, weight: 400 }, labelWidth) : 0);
    if (row.kind === "total") {
      height += G.totalsTotalRule.marginTop + G.totalsTotalRule.border + G.totalsTotalRule.paddingTop;
      height += G.totalsRowPaddingY + text;
    } else if (row.kind === "due") {
      height += G.totalsDueRule.marginTop + G.totalsDueRule.border + G.totalsDueRule.paddingTop;
      height += G.totalsRowPaddingY + text;
    } else {
      height += 2 * G.totalsRowPaddingY + text;
    }
  }
  return height;
};

const textBlockHeight = (text: string, box: TextBox): number =>
  G.blockGap + labelHeight(box) + box.height(text, BODY, CONTENT_WIDTH);

const closingBlocks = (
  invoice: InvoiceDocument,
  box: TextBox,
  metrics: PdfTextMetrics,
): { block: ClosingBlock; height: number }[] => {
  const blocks: { block: ClosingBlock; height: number }[] = [
    { block: "totals", height: totalsHeight(invoice.totals, box, metrics) },
  ];
  const texts: [ClosingBlock, string | null][] = [
    ["voidReason", invoice.voidReason],
    ["paymentInstructions", invoice.paymentInstructions],
    ["memo", invoice.memo],
  ];
  for (const [block, text] of texts) {
    if (text) blocks.push({ block, height: textBlockHeight(text, box) });
  }
  return blocks;
};

// ---------------------------------------------------------------- packing

// The footer sits in the bottom padding; a footer text long enough to rise above it takes its
// height from the page's content area.
const footerIntrusion = (footer: string | null, box: TextBox): number => {
  if (!footer) return 0;
  const width = CONTENT_WIDTH - G.pageNumberWidth - G.footerTextPaddingRight;
  const height = G.footerPaddingTop + box.height(footer, { size: G.footerSize, weight: 400 }, width);
  return Math.max(0, G.footerBottom + height - G.paddingBottom);
};

export const planInvoicePages = (options: {
  invoice: InvoiceDocument;
  metaItems: { label: string; value: string }[];
  metrics: PdfTextMetrics;
}): PlannedPage[] => {
  const { invoice, metrics } = options;
  const box = textBox(metrics);
  const available = CONTENT_HEIGHT - PAGE_SLACK - footerIntrusion(invoice.footer, box);
  const tableHeader = tableHeaderHeight(box);

  const pages: PlannedPage[] = [];
  let page: PlannedPage = { first: true, lines: [], closing: [], overflow: false };
  let used = headerHeight(invoice, box) + partiesHeight(invoice, box) + metaHeight(options.metaItems, box);
  const startPage = () => {
    pages.push(page);
    page = { first: false, lines: [], closing: [], overflow: false };
    used = 0;
  };

  if (invoice.lines.length > 0) used += tableHeader;
  for (const line of invoice.lines) {
    const height = rowHeight(line, invoice.showTaxRates, box);
    if (used + height > available && page.lines.length > 0) {
      startPage();
      used = tableHeader;
    }
    page.lines.push(line);
    used += height;
  }

  for (const { block, height } of closingBlocks(invoice, box, metrics)) {
    const empty = page.lines.length === 0 && page.closing.length === 0 && !page.first;
    if (used + height > available && !empty) startPage();
    page.closing.push(block);
    used += height;
    if (used > available) page.overflow = true;
  }
  pages.push(page);
  return pages;
};
