// The customer's receipt PDF, by the token in their link; no sign-in.
import { documentNotFound, pdfResponse, PUBLIC_DOCUMENT_HEADERS } from "@/lib/documents/http";
import { loadReceiptDocumentByToken } from "@/lib/documents/invoice-data";
import { renderReceiptPdf } from "@/lib/documents/render";

export const dynamic = "force-dynamic";

export const GET = async (_request: Request, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  const receipt = await loadReceiptDocumentByToken({ token });
  if (!receipt) return documentNotFound(PUBLIC_DOCUMENT_HEADERS);
  return pdfResponse(await renderReceiptPdf(receipt), { filename: receipt.filename, headers: PUBLIC_DOCUMENT_HEADERS });
};
