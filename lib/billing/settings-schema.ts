// What the Settings > Billing form sends and its action accepts, shared by the browser (zodResolver)
// and the server, so both refuse the same input in the same words at the same field. No I/O.
import { z } from "zod";

export const MAX_USAGE_GRACE_HOURS = 720; // 30 days: a period's invoice cannot wait longer for late usage

const GRACE_HOURS_MESSAGE = `Enter a whole number of hours from 0 to ${MAX_USAGE_GRACE_HOURS}`;

export const AUTO_APPLY_NEEDS_AUTO_FINALIZE =
  "Turn on automatic finalization too: wallet credit is applied when an invoice is finalized automatically";

export const billingSettingsSchema = z
  .object({
    usageGraceHours: z
      .string()
      .trim()
      .min(1, "Enter the grace period in hours (0 for none)")
      .regex(/^\d+$/, GRACE_HOURS_MESSAGE)
      .transform(Number)
      .refine((hours) => hours <= MAX_USAGE_GRACE_HOURS, GRACE_HOURS_MESSAGE),
    autoFinalize: z.boolean(),
    autoApplyWallet: z.boolean(),
  })
  .superRefine((value, context) => {
    if (value.autoApplyWallet && !value.autoFinalize) {
      context.addIssue({ code: "custom", path: ["autoApplyWallet"], message: AUTO_APPLY_NEEDS_AUTO_FINALIZE });
    }
  });

/** What the form holds: the hours as typed. */
export type BillingSettingsFormValues = z.input<typeof billingSettingsSchema>;
export type BillingSettingsInput = z.output<typeof billingSettingsSchema>;

export const BILLING_SETTINGS_FIELDS = [
  "usageGraceHours",
  "autoFinalize",
  "autoApplyWallet",
] as const satisfies readonly (keyof BillingSettingsFormValues)[];

export const BILLING_SETTINGS_LABELS: Record<keyof BillingSettingsInput, string> = {
  usageGraceHours: "Grace period for late usage",
  autoFinalize: "Finalize automatically",
  autoApplyWallet: "Apply wallet credit automatically",
};

export const toBillingSettingsFormValues = (stored: BillingSettingsInput): BillingSettingsFormValues => ({
  usageGraceHours: String(stored.usageGraceHours),
  autoFinalize: stored.autoFinalize,
  autoApplyWallet: stored.autoApplyWallet,
});
