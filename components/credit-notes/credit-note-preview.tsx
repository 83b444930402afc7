// The issue form's live preview: the invoice's total, what was credited before, this credit note,
// and the amount due after it, computed in the browser by the module the server issues with.
import type { CreditNotePreview } from "@/lib/credit-notes/preview";
import { formatMoney } from "@/lib/money";

type CreditNotePreviewBoxProps = {
  preview: CreditNotePreview;
  currency: string;
  locale: string;
};

const Row = ({
  label,
  value,
  testId,
  strong = false,
  muted = false,
}: {
  label: string;
  value: string;
  testId: string;
  strong?: boolean;
  muted?: boolean;
}) => (
  <>
    <dt
      className={
        strong
          ? "border-t border-ink-200 pt-1 font-semibold text-ink-900"
          : muted
            ? "pl-3 text-xs text-ink-600"
            : "text-ink-700"
      }
    >
      {label}
    </dt>
    <dd
      data-testid={testId}
      className={
        strong
          ? "tabular border-t border-ink-200 pt-1 text-right font-semibold text-ink-900"
          : muted
            ? "tabular text-right text-xs text-ink-600"
            : "tabular text-right text-ink-900"
      }
    >
      {value}
    </dd>
  </>
);

export const CreditNotePreviewBox = ({ preview, currency, locale }: CreditNotePreviewBoxProps) => {
  const money = (minor: bigint) => formatMoney(minor, currency, { locale });
  return (
    <section aria-labelledby="credit-note-preview-heading" className="rounded-lg border border-ink-200 bg-ink-50 p-4">
      <h2 id="credit-note-preview-heading" className="mb-3 text-sm font-semibold text-ink-900">
        Preview
      </h2>
      <dl aria-live="polite" className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
        <Row label="Invoice total" value={money(preview.invoiceTotalMinor)} testId="preview-invoice-total" />
        <Row label="Credited so far" value={money(-preview.creditedSoFarMinor)} testId="preview-credited-so-far" />
        <Row label="This credit note" value={money(-preview.totalMinor)} testId="preview-credit-note-total" />
        <Row label="Subtotal" value={money(preview.subtotalMinor)} testId="preview-subtotal" muted />
        <Row label="Tax" value={money(preview.taxMinor)} testId="preview-tax" muted />
        <Row label="Amount due now" value={money(preview.amountDueMinor)} testId="preview-amount-due" />
        <Row label="New amount due" value={money(preview.newAmountDueMinor)} testId="preview-new-amount-due" strong />
      </dl>
      {preview.remainderMinor > 0n ? (
        <p className="mt-3 text-sm text-ink-700" data-testid="preview-remainder">
          {money(preview.remainderMinor)} of this credit note was already paid: split it below.
        </p>
      ) : null}
      {preview.totalMinor > preview.creditableMinor ? (
        <p className="mt-3 text-sm text-red-700">
          More than the {money(preview.creditableMinor)} that can still be credited.
        </p>
      ) : null}
    </section>
  );
};
