// Staff download of a credit note PDF (void ones included, marked VOID), for the signed-in organisation.
import { getCurrentUser } from "@/lib/auth/session";
import { loadCreditNoteDocument } from "@/lib/documents/credit-note-data";
import { documentNotFound, pdfResponse, signInRequired } from "@/lib/documents/http";
import { renderCreditNotePdf } from "@/lib/documents/render";

export const dynamic = "force-dynamic";

export const GET = async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await getCurrentUser();
  if (!user) return signInRequired();
  const { id } = await params;
  const creditNote = await loadCreditNoteDocument({ organizationId: user.organizationId, creditNoteId: id });
  if (!creditNote) return documentNotFound();
  return pdfResponse(await renderCreditNotePdf(creditNote), { filename: creditNote.filename });
};
