import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreditNoteView } from "@/components/documents/credit-note-view";
import { getPublicCreditNoteDocument } from "@/lib/documents/credit-note-data";

// The customer's credit note, by the token in their link: no sign-in, read fresh on every visit (a
// void shows at once), never indexed. next.config.js adds the no-store headers.
export const dynamic = "force-dynamic";

type CustomerCreditNotePageProps = { params: Promise<{ token: string }> };

export const generateMetadata = async ({ params }: CustomerCreditNotePageProps): Promise<Metadata> => {
  const { token } = await params;
  const creditNote = await getPublicCreditNoteDocument(token);
  return {
    title: { absolute: creditNote ? `${creditNote.title} from ${creditNote.sellerName}` : "Document not found" },
    robots: { index: false, follow: false, nocache: true },
    referrer: "no-referrer",
  };
};

const CustomerCreditNotePage = async ({ params }: CustomerCreditNotePageProps) => {
  const { token } = await params;
  const creditNote = await getPublicCreditNoteDocument(token);
  if (!creditNote) notFound();
  return <CreditNoteView creditNote={creditNote} pdfHref={`/c/${token}/pdf`} />;
};

export default CustomerCreditNotePage;
