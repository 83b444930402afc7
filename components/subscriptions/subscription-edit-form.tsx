"use client";
// Changing a subscription: only what may change, the plan (another active plan billed in the same
// currency and interval) and whether it cancels at the end of the period. The owner and the payer
// are shown, not offered: they are fixed (cancel and create a new subscription to change them).
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Select } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { applyServerErrors } from "@/lib/actions/form-errors";
import type { updateSubscription } from "@/lib/subscriptions/actions";
import type { PlanOption } from "@/lib/subscriptions/queries";
import {
  UPDATE_SUBSCRIPTION_FIELDS,
  updateSubscriptionSchema,
  type UpdateSubscriptionValues,
} from "@/lib/subscriptions/schemas";
import { planLabel } from "./plan-label";

type SubscriptionEditFormProps = {
  subscriptionId: string;
  defaultValues: { planId: string; cancelAtPeriodEnd: boolean };
  /** The current plan first (even when archived since), then the others it may move to. */
  plans: (PlanOption & { current: boolean })[];
  owner: { name: string };
  payer: { name: string } | null;
  /** When the current period ends, as the page shows it ("Dec 1, 2026"), and in which zone. */
  periodEndText: string;
  timeZone: string;
  action: typeof updateSubscription;
};

export const SubscriptionEditForm = ({
  subscriptionId,
  defaultValues,
  plans,
  owner,
  payer,
  periodEndText,
  timeZone,
  action,
}: SubscriptionEditFormProps) => {
  const router = useRouter();
  const { notify } = useToast();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<UpdateSubscriptionValues, unknown, UpdateSubscriptionValues>({
    resolver: zodResolver(updateSubscriptionSchema, undefined, { raw: true }),
    defaultValues: { subscriptionId, ...defaultValues },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    // Only what may change crosses to the server.
    const result = await action({
      subscriptionId,
      planId: values.planId,
      cancelAtPeriodEnd: values.cancelAtPeriodEnd,
    });
    if (!result.ok) {
      setFormError(applyServerErrors(result, { setError, fields: UPDATE_SUBSCRIPTION_FIELDS }));
      return;
    }
    setSaved(true);
    notify("Subscription saved");
    router.push(`/subscriptions/${subscriptionId}`);
  });

  const busy = isSubmitting || saved;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit subscription" className="flex flex-col gap-6">
      <FormError message={formError} />

      <section aria-label="Fixed" className="rounded-md bg-ink-50 px-4 py-3 text-sm text-ink-700">
        <p>
          Used by <strong>{owner.name}</strong>;{" "}
          {payer ? (
            <>
              invoiced to <strong>{payer.name}</strong>.
            </>
          ) : (
            <>invoiced to the customer itself.</>
          )}
        </p>
        <p className="mt-1 text-ink-600">
          Who uses and who pays cannot be changed: cancel this subscription and create a new one.
        </p>
      </section>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-ink-900">Plan</legend>
        <Field
          id="subscription-planId"
          label="Plan"
          hint="Plans billed in the same currency and interval. The new prices apply from the current period's invoice."
          error={errors.planId?.message}
        >
          <Select id="subscription-planId" invalid={Boolean(errors.planId)} hasHint {...register("planId")}>
            {plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {planLabel(plan)}
                {plan.current ? " (current)" : ""}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-sm font-semibold text-ink-900">Renewal</legend>
        <label className="flex items-start gap-2 text-sm text-ink-900">
          <input
            type="checkbox"
            className="mt-0.5 h-4 w-4 rounded border-ink-300"
            aria-describedby="subscription-cancelAtPeriodEnd-hint"
            {...register("cancelAtPeriodEnd")}
          />
          Cancel at the end of the current period
        </label>
        <p id="subscription-cancelAtPeriodEnd-hint" className="text-xs text-ink-600">
          The subscription then ends on {periodEndText} ({timeZone}), after that period is billed.
        </p>
        {errors.cancelAtPeriodEnd?.message ? (
          <p role="alert" className="text-sm text-red-700">
            {errors.cancelAtPeriodEnd.message}
          </p>
        ) : null}
      </fieldset>

      <div className="flex justify-end gap-2 border-t border-ink-200 pt-4">
        <Button asChild variant="secondary">
          <Link href={`/subscriptions/${subscriptionId}`}>Cancel</Link>
        </Button>
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save changes"}
        </Button>
      </div>
    </form>
  );
};
