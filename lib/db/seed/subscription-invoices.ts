// The demo's subscription invoices: two months of each subscription, the earlier ones settled, the
// last ones left open, drafted or drawing on wallet credit. Every one is measured from the generated
// usage events, so recalculating it from the events stored finds nothing to change.
import { addDays, addHours, type Clock, type Period } from "./clock";
import {
  PLANS,
  REVERSE_CHARGE_MEMO,
  SUBSCRIPTIONS,
  type MeterKey,
  type PlanSeed,
  type SubscriptionKey,
  type SubscriptionSeed,
} from "./fixtures";
import { seededCancellation } from "./catalogue";
import { subscriptionLines } from "./invoice-lines";
import type { InvoiceSeed } from "./invoices";
import type { Ids } from "./rows";
import { meterQuantity, type UsageEventSeed } from "./usage";

export const subscriptionInvoiceSeeds = ({
  clock,
  ids,
  usage,
}: {
  clock: Clock;
  ids: Ids;
  usage: UsageEventSeed[];
}): InvoiceSeed[] => {
  const lastMonth = clock.month(1);
  const monthBefore = clock.month(2);
  // Subscription drafts appear when a period ends and are finalized after the usage grace period.
  const draftedAt = (period: Period) => clock.notAfterNow(addHours(period.end, 0.1));
  const finalizedAfterGrace = (period: Period) => clock.notAfterNow(addHours(period.end, 33));

  const subscriptionInvoice = ({
    subscription,
    period,
    taxRatePercent = "0",
  }: {
    subscription: SubscriptionKey;
    period: Period;
    taxRatePercent?: string;
  }): Pick<InvoiceSeed, "customer" | "subscription" | "period" | "lines" | "createdAt"> => {
    const seed: SubscriptionSeed = SUBSCRIPTIONS[subscription];
    const plan: PlanSeed = PLANS[seed.plan];
    const measured: Partial<Record<MeterKey, string>> = Object.fromEntries(
      plan.prices.flatMap((price) =>
        price.type === "flat"
          ? []
          : [[price.meter, meterQuantity({ events: usage, customer: seed.owner, meter: price.meter, period })]],
      ),
    );
    return {
      customer: seed.payer ?? seed.owner,
      subscription,
      period,
      createdAt: draftedAt(period),
      lines: subscriptionLines({ plan, priceIds: ids.prices[seed.plan], quantities: measured, taxRatePercent, period }),
    };
  };

  // Pied Piper canceled mid-month: its last, short period was billed then and paid before the
  // customer was archived, so the billing job finds nothing left to bill.
  const piedPiperLastPeriod = (): InvoiceSeed => {
    const canceledAt = seededCancellation(clock, SUBSCRIPTIONS.piedPiperStarter)!;
    const period = { start: clock.month(clock.monthsBack(canceledAt)).start, end: canceledAt };
    return {
      ...subscriptionInvoice({ subscription: "piedPiperStarter", period }),
      paymentTerms: "net_30",
      finalizedAt: addHours(canceledAt, 1),
      payments: [{ at: addDays(canceledAt, 3), method: "card", reference: "Visa ending 1337" }],
    };
  };

  return [
    // ---- the month before last: subscriptions settled
    {
      ...subscriptionInvoice({ subscription: "acmeGrowth", period: monthBefore }),
      paymentTerms: "net_30",
      finalizedAt: finalizedAfterGrace(monthBefore),
      payments: [
        { at: addDays(finalizedAfterGrace(monthBefore), 12), method: "bank_transfer", reference: "ACME-REMIT-77104" },
      ],
    },
    {
      ...subscriptionInvoice({ subscription: "hooliStarter", period: monthBefore }),
      paymentTerms: "net_30",
      finalizedAt: finalizedAfterGrace(monthBefore),
      payments: [{ at: addHours(finalizedAfterGrace(monthBefore), 2), method: "card", reference: "Visa ending 4242" }],
    },
    {
      ...subscriptionInvoice({ subscription: "globexTeam", period: monthBefore }),
      paymentTerms: "net_30",
      finalizedAt: finalizedAfterGrace(monthBefore),
      memo: REVERSE_CHARGE_MEMO,
      payments: [
        {
          at: addDays(finalizedAfterGrace(monthBefore), 10),
          method: "bank_transfer",
          reference: "GLOBEX SEPA 2231",
          amountMinor: 20000n,
        },
        { at: addDays(finalizedAfterGrace(monthBefore), 20), method: "bank_transfer", reference: "GLOBEX SEPA 2290" },
      ],
    },
    {
      ...subscriptionInvoice({ subscription: "soylentTeam", period: monthBefore }),
      paymentTerms: "net_30",
      finalizedAt: finalizedAfterGrace(monthBefore),
      memo: REVERSE_CHARGE_MEMO,
      payments: [
        { at: addDays(finalizedAfterGrace(monthBefore), 7), method: "bank_transfer", reference: "SOYLENT-88213" },
      ],
    },
    {
      ...subscriptionInvoice({ subscription: "bluefinPartner", period: monthBefore, taxRatePercent: "9" }),
      series: "reseller",
      paymentTerms: "net_30",
      finalizedAt: finalizedAfterGrace(monthBefore),
      payments: [
        { at: addDays(finalizedAfterGrace(monthBefore), 14), method: "bank_transfer", reference: "SCP PAYNOW 55120" },
      ],
    },
    {
      ...subscriptionInvoice({ subscription: "merlionPartner", period: monthBefore, taxRatePercent: "9" }),
      series: "reseller",
      paymentTerms: "net_30",
      finalizedAt: addHours(finalizedAfterGrace(monthBefore), 0.5),
      payments: [
        { at: addDays(finalizedAfterGrace(monthBefore), 14), method: "bank_transfer", reference: "SCP PAYNOW 55121" },
      ],
    },

    // ---- last month: open, drafted, credited or drawing on wallet credit
    {
      ...subscriptionInvoice({ subscription: "acmeGrowth", period: lastMonth }),
      paymentTerms: "net_30",
      finalizedAt: finalizedAfterGrace(lastMonth),
      walletApplyMaxMinor: 30000n, // $300.00 of prepaid and promotional credit
    },
    {
      ...subscriptionInvoice({ subscription: "hooliStarter", period: lastMonth }),
      paymentTerms: "net_30",
      finalizedAt: finalizedAfterGrace(lastMonth),
      creditNotes: [
        {
          at: clock.notAfterNow(addHours(finalizedAfterGrace(lastMonth), 5)),
          reason: "service_issue",
          memo: "SLA credit: 3-hour compute outage in us-west-2 last month",
          lines: [{ line: 0, quantity: "0.3" }],
        },
      ],
    },
    {
      ...subscriptionInvoice({ subscription: "globexTeam", period: lastMonth }),
      paymentTerms: "net_30",
      finalizedAt: finalizedAfterGrace(lastMonth),
      memo: REVERSE_CHARGE_MEMO,
    },
    // Waiting for review before it goes out: the customer cancels at the end of this period.
    {
      ...subscriptionInvoice({ subscription: "soylentTeam", period: lastMonth }),
      paymentTerms: "net_30",
      memo: REVERSE_CHARGE_MEMO,
    },
    {
      ...subscriptionInvoice({ subscription: "bluefinPartner", period: lastMonth, taxRatePercent: "9" }),
      series: "reseller",
      paymentTerms: "net_30",
      finalizedAt: finalizedAfterGrace(lastMonth),
    },
    {
      ...subscriptionInvoice({ subscription: "merlionPartner", period: lastMonth, taxRatePercent: "9" }),
      paymentTerms: "net_30",
    },
    piedPiperLastPeriod(),
  ];
};
