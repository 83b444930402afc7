// The customer's credit note PDF, by the token in their link; no sign-in.
import { loadCreditNoteDocumentByToken } from "@/lib/documents/credit-note-data";
import { documentNotFound, pdfResponse, PUBLIC_DOCUMENT_HEADERS } from "@/lib/documents/http";
import { renderCreditNotePdf } from "@/lib/documents/render";

export const dynamic = "force-dynamic";

export const GET = async (_request: Request, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  const creditNote = await loadCreditNoteDocumentByToken({ token });
  if (!creditNote) return documentNotFound(PUBLIC_DOCUMENT_HEADERS);
  return pdfResponse(await renderCreditNotePdf(creditNote), {
    filename: creditNote.filename,
    headers: PUBLIC_DOCUMENT_HEADERS,
  });
};
