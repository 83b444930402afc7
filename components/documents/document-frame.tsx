// The frame of a customer's document page: who sent it, what it is, its state and money at a
// glance, and the PDF download; the document itself below.
import { Button } from "@/components/ui/button";

export const DocumentFrame = ({
  sellerName,
  title,
  status,
  summary,
  pdfHref,
  children,
}: {
  sellerName: string;
  title: string;
  status?: React.ReactNode;
  /** The one figure the customer came for: the amount due, or the amount paid. */
  summary: { label: string; amount: string; note?: string };
  pdfHref: string;
  children: React.ReactNode;
}) => (
  <main className="mx-auto w-full max-w-4xl px-4 py-8 md:py-12">
    <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div>
        <p className="text-sm text-ink-600">{sellerName}</p>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold text-ink-900">{title}</h1>
          {status}
        </div>
        <p className="mt-3 text-sm text-ink-600">{summary.label}</p>
        <p className="tabular text-3xl font-semibold text-ink-900">{summary.amount}</p>
        {summary.note ? <p className="mt-1 text-sm text-ink-700">{summary.note}</p> : null}
      </div>
      {/* A plain link: the PDF route sends it as an attachment named after the document's number. */}
      <Button asChild>
        <a href={pdfHref} download>
          Download PDF
        </a>
      </Button>
    </header>
    <article className="flex flex-col gap-6 rounded-lg border border-ink-200 bg-white p-6 md:p-8">{children}</article>
  </main>
);
