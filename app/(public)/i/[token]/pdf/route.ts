// The customer's invoice PDF, by the token in their link; no sign-in. Drafts are never served.
import { documentNotFound, pdfResponse, PUBLIC_DOCUMENT_HEADERS } from "@/lib/documents/http";
import { loadInvoiceDocumentByToken } from "@/lib/documents/invoice-data";
import { renderInvoicePdf } from "@/lib/documents/render";

export const dynamic = "force-dynamic";

export const GET = async (_request: Request, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  const invoice = await loadInvoiceDocumentByToken({ token });
  if (!invoice) return documentNotFound(PUBLIC_DOCUMENT_HEADERS);
  return pdfResponse(await renderInvoicePdf(invoice), { filename: invoice.filename, headers: PUBLIC_DOCUMENT_HEADERS });
};
