// Staff download of an invoice PDF (drafts included, marked DRAFT), for the signed-in organisation.
import { getCurrentUser } from "@/lib/auth/session";
import { documentNotFound, pdfResponse, signInRequired } from "@/lib/documents/http";
import { loadInvoiceDocument } from "@/lib/documents/invoice-data";
import { renderInvoicePdf } from "@/lib/documents/render";

export const dynamic = "force-dynamic";

export const GET = async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await getCurrentUser();
  if (!user) return signInRequired();
  const { id } = await params;
  const invoice = await loadInvoiceDocument({ organizationId: user.organizationId, invoiceId: id });
  if (!invoice) return documentNotFound();
  return pdfResponse(await renderInvoicePdf(invoice), { filename: invoice.filename });
};
