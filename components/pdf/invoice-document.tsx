// The invoice PDF: one component per block, fed with the document's plain data only, laid out on
// the pages pagination.ts planned (the lines table's header repeated at the top of each).
import { Document, Page } from "@react-pdf/renderer";
import type { InvoiceDocument as InvoiceDocumentData } from "@/lib/documents/types";
import { DocumentHeader } from "./header";
import { LinesTable } from "./lines-table";
import { Meta, type MetaItem } from "./meta";
import { PageFooter } from "./page-footer";
import type { ClosingBlock, PlannedPage } from "./pagination";
import { Parties } from "./parties";
import { StatusMark } from "./status-mark";
import { styles } from "./styles";
import { TextBlock } from "./text-block";
import { Totals } from "./totals";

export const invoiceMetaItems = (invoice: InvoiceDocumentData): MetaItem[] => {
  const items: MetaItem[] = [
    { label: "Invoice number", value: invoice.number ?? "Not yet numbered" },
    { label: "Issue date", value: invoice.issueDate },
    { label: "Due date", value: invoice.dueDate },
    { label: "Status", value: invoice.statusLabel },
  ];
  if (invoice.period) items.push({ label: "Service period", value: invoice.period });
  if (invoice.paymentTerms) items.push({ label: "Payment terms", value: invoice.paymentTerms });
  if (invoice.paidOn) items.push({ label: "Paid on", value: invoice.paidOn });
  if (invoice.voidedOn) items.push({ label: "Voided on", value: invoice.voidedOn });
  items.push({ label: "Currency", value: invoice.currency });
  return items;
};

const Closing = ({ block, invoice }: { block: ClosingBlock; invoice: InvoiceDocumentData }) => {
  switch (block) {
    case "totals":
      return <Totals rows={invoice.totals} />;
    case "voidReason":
      return <TextBlock title="Reason for void" text={invoice.voidReason} />;
    case "paymentInstructions":
      return <TextBlock title="How to pay" text={invoice.paymentInstructions} />;
    case "memo":
      return <TextBlock title="Notes" text={invoice.memo} />;
    default: {
      const unknown: never = block;
      throw new Error(`Unknown invoice block ${String(unknown)}`);
    }
  }
};

export const InvoicePdf = ({ invoice, pages }: { invoice: InvoiceDocumentData; pages: PlannedPage[] }) => (
  <Document title={invoice.title} author={invoice.sellerName} creator="Billfold" producer="Billfold">
    {pages.map((page, index) => (
      // Planned pages never overflow, so the renderer need not try to split them.
      <Page key={index} size="A4" style={styles.page} wrap={page.overflow}>
        <StatusMark mark={invoice.mark} />
        {page.first ? (
          <>
            <DocumentHeader
              sellerName={invoice.sellerName}
              kind={invoice.number ? "Invoice" : "Draft invoice"}
              number={invoice.number}
            />
            <Parties
              seller={invoice.seller}
              customer={invoice.billTo}
              customerLabel="Bill to"
              usageBy={invoice.usageBy}
            />
            <Meta items={invoiceMetaItems(invoice)} />
          </>
        ) : null}
        {page.lines.length > 0 ? <LinesTable lines={page.lines} showTaxRates={invoice.showTaxRates} /> : null}
        {page.closing.map((block) => (
          <Closing key={block} block={block} invoice={invoice} />
        ))}
        <PageFooter text={invoice.footer} page={{ pageNumber: index + 1, totalPages: pages.length }} />
      </Page>
    ))}
  </Document>
);

/** The element lib/documents/render.ts hands to the renderer. */
export const invoicePdfElement = (invoice: InvoiceDocumentData, pages: PlannedPage[]) => (
  <InvoicePdf invoice={invoice} pages={pages} />
);
