// Renders an invoice, credit note or receipt document to PDF bytes on the server. Fonts are
// registered when this module loads and measured once, so every render after the first only plans
// and lays out text.
import { renderToBuffer } from "@react-pdf/renderer";
import { creditNotePdfElement } from "@/components/pdf/credit-note-document";
import { invoiceMetaItems, invoicePdfElement } from "@/components/pdf/invoice-document";
import { planInvoicePages } from "@/components/pdf/pagination";
import { receiptPdfElement } from "@/components/pdf/receipt-document";
import { loadPdfTextMetrics, registerPdfFonts } from "./fonts";
import type { CreditNoteDocument, InvoiceDocument, ReceiptDocument } from "./types";

registerPdfFonts();

export const renderInvoicePdf = async (invoice: InvoiceDocument): Promise<Buffer> => {
  const metrics = await loadPdfTextMetrics();
  const pages = planInvoicePages({ invoice, metaItems: invoiceMetaItems(invoice), metrics });
  return renderToBuffer(invoicePdfElement(invoice, pages));
};

export const renderReceiptPdf = (receipt: ReceiptDocument): Promise<Buffer> =>
  renderToBuffer(receiptPdfElement(receipt));

export const renderCreditNotePdf = (creditNote: CreditNoteDocument): Promise<Buffer> =>
  renderToBuffer(creditNotePdfElement(creditNote));
