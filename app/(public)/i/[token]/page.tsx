import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InvoiceView } from "@/components/documents/invoice-view";
import { getPublicInvoiceDocument } from "@/lib/documents/invoice-data";

// The customer's invoice, by the token in their link: no sign-in, read fresh on every visit (a
// payment or a void shows at once), never indexed. next.config.js adds the no-store headers.
export const dynamic = "force-dynamic";

type CustomerInvoicePageProps = { params: Promise<{ token: string }> };

export const generateMetadata = async ({ params }: CustomerInvoicePageProps): Promise<Metadata> => {
  const { token } = await params;
  const invoice = await getPublicInvoiceDocument(token);
  return {
    title: { absolute: invoice ? `${invoice.title} from ${invoice.sellerName}` : "Document not found" },
    robots: { index: false, follow: false, nocache: true },
    referrer: "no-referrer",
  };
};

const CustomerInvoicePage = async ({ params }: CustomerInvoicePageProps) => {
  const { token } = await params;
  const invoice = await getPublicInvoiceDocument(token);
  if (!invoice) notFound();
  return <InvoiceView invoice={invoice} pdfHref={`/i/${token}/pdf`} />;
};

export default CustomerInvoicePage;
