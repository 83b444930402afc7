"use client";
// Issuing a credit note against an invoice: chosen lines and quantities, or an amount; a reason and
// a memo; a live preview of what it does to the amount due; and, when it exceeds what is still due,
// where the already-paid part goes. The form checks with the same module the service issues with,
// so an error (too much credited, a split that does not add up) shows at its field before sending.
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select, Textarea } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { applyServerErrors } from "@/lib/actions/form-errors";
import type { issueCreditNote } from "@/lib/credit-notes/actions";
import {
  CREDIT_NOTE_MEMO_MAX_LENGTH,
  CREDIT_NOTE_REASON_LABELS,
  CREDIT_NOTE_REASONS,
  evaluateCreditNote,
  issueCreditNoteFieldPaths,
  issueCreditNoteFormSchema,
  type CreditNoteInvoiceContext,
  type IssueCreditNoteValues,
} from "@/lib/credit-notes/schemas";
import { formatMoney } from "@/lib/money";
import { CreditNoteLinesInput } from "./credit-note-lines-input";
import { CreditNotePreviewBox } from "./credit-note-preview";
import { CreditNoteSplitFields } from "./credit-note-split-fields";

type CreditNoteFormProps = {
  invoice: CreditNoteInvoiceContext & { id: string; number: string };
  /** The number this credit note will get ("INV-202406-0052-CN02"). */
  nextNumber: string;
  locale: string;
  action: typeof issueCreditNote;
};

export const CreditNoteForm = ({ invoice, nextNumber, locale, action }: CreditNoteFormProps) => {
  const router = useRouter();
  const { notify } = useToast();
  const [formError, setFormError] = useState<string>();
  const [issued, setIssued] = useState(false);
  // A second click before the button disables itself must not issue a second credit note.
  const inFlight = useRef(false);
  const schema = useMemo(() => issueCreditNoteFormSchema({ invoice, locale }), [invoice, locale]);
  const form = useForm<IssueCreditNoteValues, unknown, IssueCreditNoteValues>({
    resolver: zodResolver(schema, undefined, { raw: true }),
    defaultValues: {
      invoiceId: invoice.id,
      mode: "lines",
      lines: invoice.lines.map((line) => ({ invoiceLineId: line.id, quantity: "" })),
      amount: "",
      reason: "" as IssueCreditNoteValues["reason"],
      memo: "",
      refund: "",
      walletCredit: "",
      outOfBand: "",
    },
  });
  const {
    control,
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = form;
  const watched = useWatch({ control });
  const mode = watched.mode === "amount" ? "amount" : "lines";
  const evaluation = evaluateCreditNote({
    values: {
      mode,
      lines: (watched.lines ?? []).map((line) => ({
        invoiceLineId: line?.invoiceLineId ?? "",
        quantity: line?.quantity ?? "",
      })),
      amount: watched.amount ?? "",
      refund: watched.refund ?? "",
      walletCredit: watched.walletCredit ?? "",
      outOfBand: watched.outOfBand ?? "",
    },
    invoice,
    locale,
  });
  const { preview } = evaluation;
  const money = (minor: bigint) => formatMoney(minor, invoice.currency, { locale });
  const linesError = errors.lines?.message ?? errors.lines?.root?.message;

  const submit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await action(values);
    if (!result.ok) {
      setFormError(applyServerErrors(result, { setError, fields: issueCreditNoteFieldPaths(invoice.lines.length) }));
      return;
    }
    setIssued(true);
    notify(`Credit note ${result.data.number} issued`);
    router.push(`/credit-notes/${result.data.creditNoteId}`);
  });

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    if (inFlight.current) {
      event.preventDefault();
      return;
    }
    inFlight.current = true;
    try {
      await submit(event);
    } finally {
      inFlight.current = false;
    }
  };

  const busy = isSubmitting || issued;
  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label="Issue credit note" className="grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <FormError message={formError} />
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-2 text-sm font-semibold text-ink-900">What to credit</legend>
            <div className="flex flex-wrap gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" value="lines" {...register("mode")} />
                Lines and quantities
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" value="amount" {...register("mode")} />
                An amount
              </label>
            </div>
          </fieldset>

          {mode === "lines" ? (
            <CreditNoteLinesInput invoice={invoice} credited={preview.lines} locale={locale} error={linesError} />
          ) : (
            <Field
              id="credit-note-amount"
              label={`Amount to credit (${invoice.currency})`}
              hint={`Tax included, spread over the invoice's tax rates. Up to ${money(preview.creditableMinor)} can still be credited.`}
              error={errors.amount?.message}
              className="max-w-xs"
            >
              <Input
                id="credit-note-amount"
                inputMode="decimal"
                autoComplete="off"
                className="tabular text-right"
                invalid={Boolean(errors.amount)}
                hasHint
                {...register("amount")}
              />
            </Field>
          )}

          {preview.remainderMinor > 0n ? (
            <CreditNoteSplitFields
              currency={invoice.currency}
              locale={locale}
              remainderMinor={preview.remainderMinor}
              refundableMinor={preview.refundableMinor}
            />
          ) : null}

          <div className="grid gap-4 sm:grid-cols-3">
            <Field id="credit-note-reason" label="Reason" error={errors.reason?.message}>
              <Select id="credit-note-reason" invalid={Boolean(errors.reason)} {...register("reason")}>
                <option value="">Choose a reason</option>
                {CREDIT_NOTE_REASONS.map((reason) => (
                  <option key={reason} value={reason}>
                    {CREDIT_NOTE_REASON_LABELS[reason]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field
              id="credit-note-memo"
              label="Memo"
              hint="Why it is credited: on the credit note and the timeline."
              error={errors.memo?.message}
              className="sm:col-span-2"
            >
              <Textarea
                id="credit-note-memo"
                maxLength={CREDIT_NOTE_MEMO_MAX_LENGTH}
                invalid={Boolean(errors.memo)}
                hasHint
                {...register("memo")}
              />
            </Field>
          </div>

          <div className="flex flex-wrap items-center justify-end gap-2">
            <p className="mr-auto text-sm text-ink-600">
              Will be numbered <span className="font-medium text-ink-900">{nextNumber}</span>
            </p>
            <Button asChild variant="secondary">
              <Link href={`/invoices/${invoice.id}`}>Cancel</Link>
            </Button>
            <Button type="submit" disabled={busy}>
              {busy ? "Issuing…" : "Issue credit note"}
            </Button>
          </div>
        </div>
        <div>
          <CreditNotePreviewBox preview={preview} currency={invoice.currency} locale={locale} />
        </div>
      </form>
    </FormProvider>
  );
};
