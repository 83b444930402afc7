// The demo's invoices built as the app would build them: drafted with priced lines, numbered per series
// when finalized, then their wallet credit, payments and credit notes replayed in time order.
import type { InvoiceStatus, PaymentTerms } from "@/lib/db/generated/enums";
import { newId, newPublicToken } from "@/lib/ids";
import { DEMO_ORG_ID } from "../demo";
import { auditRow, calendarLabel, money, type AuditSeed } from "./audit";
import { addDays, byTime, calendarDate, type Period } from "./clock";
import { issueCreditNote, type CreditNoteSeed } from "./credit-notes";
import { customerContact } from "./customers";
import {
  CUSTOMERS,
  SUBSCRIPTIONS,
  TERMS_DAYS,
  type CustomerKey,
  type CustomerSeed,
  type InvoiceSeriesKey,
  type SeriesKey,
  type SubscriptionKey,
  type SubscriptionSeed,
} from "./fixtures";
import { priceLine, totalsOf, type LineSeed } from "./invoice-lines";
import { amountDue, lesserMinor, newLedger, paymentStatusOf, type FinalizedInvoice } from "./ledger";
import { seriesNumber } from "./organization";
import { receiptRows, recordPayment, type PaymentSeed, type PendingReceipt } from "./payments";
import type { DemoRows, Ids } from "./rows";

export type InvoiceSeed = {
  key?: string;
  customer: CustomerKey;
  subscription?: SubscriptionKey;
  period?: Period;
  series?: InvoiceSeriesKey;
  customNumber?: string;
  paymentTerms: PaymentTerms;
  createdAt: Date;
  /** Absent for a draft. */
  finalizedAt?: Date;
  memo?: string;
  lines: LineSeed[];
  /** Applies up to this much wallet credit at finalization. */
  walletApplyMaxMinor?: bigint;
  payments?: PaymentSeed[];
  creditNotes?: CreditNoteSeed[];
  voided?: { at: Date; reason: string };
  uncollectibleAt?: Date;
  replacesKey?: string;
};

/** Wallet credit an invoice drew at finalization; the wallet's ledger books the matching debit. */
export type WalletApplication = {
  invoiceId: string;
  number: string;
  customer: CustomerKey;
  currency: string;
  amountMinor: bigint;
  at: Date;
};

/** Gives every finalized invoice its number: per series, in order of finalization, from 1. */
const assignInvoiceNumbers = (seeds: InvoiceSeed[]) => {
  const numbers = new Map<InvoiceSeed, string>();
  const issued: Record<InvoiceSeriesKey, number> = { default: 0, singapore: 0, reseller: 0 };
  const finalized = seeds
    .filter((seed) => seed.finalizedAt && !seed.customNumber)
    .sort((a, b) => a.finalizedAt!.getTime() - b.finalizedAt!.getTime());
  for (const seed of finalized) {
    const series = seed.series ?? "default";
    issued[series] += 1;
    numbers.set(seed, seriesNumber({ series, counter: issued[series], date: seed.finalizedAt! }));
  }
  return { numbers, issued };
};

type BuiltInvoices = Pick<
  DemoRows,
  | "invoices"
  | "invoiceLines"
  | "finalizations"
  | "creditNotes"
  | "creditNoteLines"
  | "payments"
  | "receipts"
  | "auditEntries"
> & { walletApplications: WalletApplication[]; seriesIssued: Record<SeriesKey, number> };

type MoneyEvent =
  | { at: Date; kind: "wallet"; maxMinor: bigint }
  | { at: Date; kind: "payment"; payment: PaymentSeed }
  | { at: Date; kind: "credit_note"; creditNote: CreditNoteSeed; sequence: number };

const moneyEventsOf = (seed: InvoiceSeed, finalizedAt: Date): MoneyEvent[] =>
  [
    ...(seed.walletApplyMaxMinor
      ? [{ at: finalizedAt, kind: "wallet" as const, maxMinor: seed.walletApplyMaxMinor }]
      : []),
    ...(seed.payments ?? []).map((payment) => ({ at: payment.at, kind: "payment" as const, payment })),
    ...(seed.creditNotes ?? []).map((creditNote, index) => ({
      at: creditNote.at,
      kind: "credit_note" as const,
      creditNote,
      sequence: index + 1,
    })),
  ].sort(byTime);

export const buildInvoices = (seeds: InvoiceSeed[], ids: Ids): BuiltInvoices => {
  const { numbers, issued } = assignInvoiceNumbers(seeds);
  const built: Omit<BuiltInvoices, "receipts" | "seriesIssued"> = {
    invoices: [],
    invoiceLines: [],
    finalizations: [],
    creditNotes: [],
    creditNoteLines: [],
    payments: [],
    auditEntries: [],
    walletApplications: [],
  };
  const idsByKey = new Map<string, string>();
  const pendingReceipts: PendingReceipt[] = [];

  for (const seed of seeds) {
    const id = newId("invoice");
    if (seed.key) idsByKey.set(seed.key, id);
    const audit = (entry: Omit<AuditSeed, "entityType" | "entityId">) =>
      built.auditEntries.push(auditRow({ ...entry, entityType: "invoice", entityId: id }));
    const customer: CustomerSeed = CUSTOMERS[seed.customer];
    const currency = customer.currency;
    const subscription: SubscriptionSeed | undefined = seed.subscription ? SUBSCRIPTIONS[seed.subscription] : undefined;
    const lines = seed.lines.map(priceLine);
    const { subtotalMinor, taxMinor, totalMinor } = totalsOf(lines);
    const issueDate = calendarDate(seed.finalizedAt ?? seed.createdAt);
    const dueDate = addDays(issueDate, TERMS_DAYS[seed.paymentTerms]);
    const number = seed.customNumber ?? numbers.get(seed) ?? null;
    const usageOwnerId = subscription?.payer ? ids.customers[subscription.owner] : null;

    built.invoices.push({
      id,
      organizationId: DEMO_ORG_ID,
      type: seed.subscription ? "subscription" : "one_off",
      status: "draft",
      paymentStatus: "unpaid",
      number: seed.customNumber ?? null,
      customNumber: Boolean(seed.customNumber),
      currency,
      issueDate,
      dueDate,
      paymentTerms: seed.paymentTerms,
      periodStart: seed.period?.start ?? null,
      periodEnd: seed.period?.end ?? null,
      customerId: ids.customers[seed.customer],
      usageOwnerId,
      subscriptionId: seed.subscription ? ids.subscriptions[seed.subscription] : null,
      subtotalMinor,
      taxMinor,
      totalMinor,
      amountDueMinor: totalMinor,
      memo: seed.memo ?? null,
      publicToken: newPublicToken(),
      usageCalculatedAt: seed.subscription ? seed.createdAt : null,
      replacesInvoiceId: seed.replacesKey ? (idsByKey.get(seed.replacesKey) ?? null) : null,
      createdAt: seed.createdAt,
    });
    built.invoiceLines.push(
      ...lines.map((line, position) => ({
        id: line.id,
        invoiceId: id,
        position: position + 1,
        description: line.description,
        quantity: line.quantity,
        unitAmountMinor: line.unitAmountMinor,
        amountMinor: line.amountMinor,
        taxRatePercent: line.taxRatePercent ?? "0",
        taxMinor: line.taxMinor,
        priceId: line.priceId ?? null,
        periodStart: line.period?.start ?? null,
        periodEnd: line.period?.end ?? null,
        createdAt: seed.createdAt,
      })),
    );
    const ownerNote = usageOwnerId && subscription ? ` (usage by ${CUSTOMERS[subscription.owner].name})` : "";
    audit({
      at: seed.createdAt,
      action: "invoice.created",
      summary: `Created a draft invoice for ${customer.name}${ownerNote}: ${money(totalMinor, currency)}`,
    });

    if (!seed.finalizedAt || !number) continue;
    const finalizedAt = seed.finalizedAt;
    audit({
      at: finalizedAt,
      action: "invoice.finalized",
      summary: `Finalized ${number}: ${money(totalMinor, currency)} due ${calendarLabel(dueDate)}`,
      changes: { number, totalMinor: totalMinor.toString() },
    });

    // Replays the invoice's money events in time order, so every receipt and credit note sees
    // the amount due as it stood at that moment.
    const invoice: FinalizedInvoice = {
      id,
      number,
      customerId: ids.customers[seed.customer],
      currency,
      totalMinor,
      lines,
    };
    const ledger = newLedger();
    for (const event of moneyEventsOf(seed, finalizedAt)) {
      switch (event.kind) {
        case "wallet": {
          const due = amountDue(totalMinor, ledger);
          const applied = lesserMinor(due, event.maxMinor);
          ledger.walletAppliedMinor += applied;
          built.walletApplications.push({
            invoiceId: id,
            number,
            customer: seed.customer,
            currency,
            amountMinor: applied,
            at: event.at,
          });
          audit({
            at: event.at,
            action: "invoice.wallet_applied",
            summary: `Applied ${money(applied, currency)} of wallet credit to ${number}; ${money(due - applied, currency)} still due`,
          });
          break;
        }
        case "payment": {
          const recorded = recordPayment({ invoice, ledger, seed: event.payment });
          built.payments.push(recorded.payment);
          pendingReceipts.push(recorded.receipt);
          built.auditEntries.push(recorded.auditEntry);
          break;
        }
        case "credit_note": {
          const issuedNote = issueCreditNote({ invoice, ledger, seed: event.creditNote, sequence: event.sequence });
          built.creditNotes.push(...issuedNote.creditNotes);
          built.creditNoteLines.push(...issuedNote.creditNoteLines);
          built.payments.push(...issuedNote.payments);
          built.auditEntries.push(...issuedNote.auditEntries);
          break;
        }
        default: {
          const unknown: never = event;
          throw new Error(`Unhandled invoice event ${JSON.stringify(unknown)}`);
        }
      }
    }

    const amountDueMinor = amountDue(totalMinor, ledger);
    const status: InvoiceStatus = seed.voided
      ? "void"
      : seed.uncollectibleAt
        ? "uncollectible"
        : amountDueMinor === 0n
          ? "paid"
          : "finalized";
    if (seed.voided) {
      audit({
        at: seed.voided.at,
        action: "invoice.voided",
        summary: `Voided ${number}; its number stays used`,
        reason: seed.voided.reason,
      });
    }
    if (seed.uncollectibleAt) {
      audit({
        at: seed.uncollectibleAt,
        action: "invoice.marked_uncollectible",
        summary: `Marked ${number} uncollectible: ${money(amountDueMinor, currency)} written off`,
        reason: "Customer ceased trading; no reply to three reminders",
      });
    }
    built.finalizations.push({
      id,
      data: {
        status,
        paymentStatus: paymentStatusOf(totalMinor, ledger),
        number,
        seriesId: seed.customNumber ? null : ids.series[seed.series ?? "default"],
        billToSnapshot: customerContact(customer),
        finalizedAt,
        creditedMinor: ledger.creditedMinor,
        walletAppliedMinor: ledger.walletAppliedMinor,
        paidMinor: ledger.paidMinor,
        refundedMinor: ledger.refundedMinor,
        amountDueMinor,
        paidAt: status === "paid" ? ledger.paidAt : null,
        voidedAt: seed.voided?.at ?? null,
        voidReason: seed.voided?.reason ?? null,
        uncollectibleAt: seed.uncollectibleAt ?? null,
      },
    });
  }

  const receipts = receiptRows({ pending: pendingReceipts, seriesId: ids.series.receipt });
  return { ...built, receipts, seriesIssued: { ...issued, receipt: receipts.length } };
};
