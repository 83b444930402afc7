// What the finalize dialog promises: the number the draft will get. A typed number is used as it
// is; otherwise the draft's series, else its customer's default series, else the organisation's
// (the same order lib/invoices/service/finalize.ts takes them in).
import type { InvoiceDetail, InvoiceSeriesChoice } from "@/lib/invoices/detail";
import { calendarDateText } from "@/lib/invoices/schemas";

export type FinalizeConfirmation = { title: string; description: string };

const FROZEN = "Lines and amounts can no longer change.";

export const finalizeConfirmation = ({
  detail,
  series,
  customerSeriesId,
  today,
}: {
  detail: InvoiceDetail;
  series: readonly InvoiceSeriesChoice[];
  customerSeriesId: string | null;
  /** The day the previews were computed for ("YYYY-MM-DD"). */
  today: string;
}): FinalizeConfirmation => {
  const { invoice } = detail;
  if (invoice.customNumber && invoice.number) {
    return { title: `Finalize as ${invoice.number}?`, description: FROZEN };
  }
  const chosen =
    series.find((item) => item.id === invoice.seriesId) ??
    series.find((item) => item.id === customerSeriesId) ??
    series[0];
  if (!chosen) return { title: "Finalize and number it from the default series?", description: FROZEN };
  // The number's date parts come from the issue date; the preview is for today, so it is only
  // named when the two agree.
  const preview =
    chosen.preview && calendarDateText(invoice.issueDate) === today
      ? `It gets the series' next number, ${chosen.preview}, unless another invoice is finalized first. `
      : "It gets the series' next number. ";
  return { title: `Finalize and number it from ${chosen.format}?`, description: `${preview}${FROZEN}` };
};
