// Staff download of a receipt PDF, for the signed-in organisation.
import { getCurrentUser } from "@/lib/auth/session";
import { documentNotFound, pdfResponse, signInRequired } from "@/lib/documents/http";
import { loadReceiptDocument } from "@/lib/documents/invoice-data";
import { renderReceiptPdf } from "@/lib/documents/render";

export const dynamic = "force-dynamic";

export const GET = async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await getCurrentUser();
  if (!user) return signInRequired();
  const { id } = await params;
  const receipt = await loadReceiptDocument({ organizationId: user.organizationId, receiptId: id });
  if (!receipt) return documentNotFound();
  return pdfResponse(await renderReceiptPdf(receipt), { filename: receipt.filename });
};
