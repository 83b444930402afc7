import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReceiptView } from "@/components/documents/receipt-view";
import { getPublicReceiptDocument } from "@/lib/documents/invoice-data";

// The customer's receipt, by the token in their link: no sign-in, never indexed. next.config.js
// adds the no-store headers.
export const dynamic = "force-dynamic";

type CustomerReceiptPageProps = { params: Promise<{ token: string }> };

export const generateMetadata = async ({ params }: CustomerReceiptPageProps): Promise<Metadata> => {
  const { token } = await params;
  const receipt = await getPublicReceiptDocument(token);
  return {
    title: { absolute: receipt ? `${receipt.title} from ${receipt.sellerName}` : "Document not found" },
    robots: { index: false, follow: false, nocache: true },
    referrer: "no-referrer",
  };
};

const CustomerReceiptPage = async ({ params }: CustomerReceiptPageProps) => {
  const { token } = await params;
  const receipt = await getPublicReceiptDocument(token);
  if (!receipt) notFound();
  return <ReceiptView receipt={receipt} pdfHref={`/r/${token}/pdf`} />;
};

export default CustomerReceiptPage;
