// The billing job's second half: once a subscription draft's period has been over for longer than
// the organisation's grace period, and auto-finalize is on, its usage lines are brought up to date
// with the events that arrived late, it is finalized, and (auto-apply on) the PAYER's wallet credit
// pays what it can of it. One transaction per invoice: a failure is logged and retried next run.
import type { Db, Tx } from "@/lib/db/client";
import { finalizeInvoice } from "@/lib/invoices/service/finalize";
import { lockInvoice, type InvoiceActor } from "@/lib/invoices/service/shared";
import { log } from "@/lib/log";
import { consumableMinor } from "@/lib/wallets/allocation";
import { openCredits } from "@/lib/wallets/ledger";
import { applyCreditToInvoice, lockWallet } from "@/lib/wallets/service";
import { SYSTEM_BILLING_LABEL } from "./bill-period";
import { applyRecalculation } from "./recalculate";

const DRAFTS_PER_RUN = 200;
const HOUR_MS = 60 * 60 * 1000;

/**
 * The invoice services record the acting user; the job has none. Without an id the audit entry
 * names no user (actorUserId null) and its label says the billing job acted.
 */
export const systemInvoiceActor = (organizationId: string): InvoiceActor => ({
  organizationId,
  id: undefined as unknown as string, // no user: recordAudit stores actorUserId null
  name: SYSTEM_BILLING_LABEL,
  email: "billing job",
});

/** Pays what the payer's consumable wallet credit covers of the invoice (the invoice is locked). */
const applyAvailableCredit = async (
  tx: Tx,
  { organizationId, invoiceId, now }: { organizationId: string; invoiceId: string; now: Date },
): Promise<bigint> => {
  const invoice = await lockInvoice(tx, { actor: { organizationId }, invoiceId });
  const wallet = await lockWallet(tx, { customerId: invoice.customerId, currency: invoice.currency, organizationId });
  if (!wallet) return 0n;
  const available = consumableMinor(await openCredits(tx, wallet.id), now);
  const amountMinor = available < invoice.amountDueMinor ? available : invoice.amountDueMinor;
  if (amountMinor <= 0n) return 0n;
  await applyCreditToInvoice(tx, {
    actor: { organizationId, label: SYSTEM_BILLING_LABEL },
    invoiceId,
    amountMinor,
    now,
  });
  return amountMinor;
};

export type FinalizedDraft = { invoiceId: string; number: string; walletAppliedMinor: bigint };

/**
 * Finalizes one subscription draft if, read under its lock, it is still a draft whose grace period
 * is over with auto-finalize on; null otherwise (finalized by hand meanwhile, settings changed).
 */
export const finalizeGraceExpiredDraft = async (
  tx: Tx,
  { organizationId, invoiceId, now }: { organizationId: string; invoiceId: string; now: Date },
): Promise<FinalizedDraft | null> => {
  const actor = systemInvoiceActor(organizationId);
  const invoice = await lockInvoice(tx, { actor, invoiceId });
  const details = await tx.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    select: {
      type: true,
      periodEnd: true,
      organization: { select: { autoFinalize: true, autoApplyWallet: true, usageGraceHours: true } },
      _count: { select: { lines: { where: { priceId: { not: null } } } } },
    },
  });
  const { organization, periodEnd } = details;
  if (invoice.status !== "draft" || details.type !== "subscription" || !periodEnd || !organization.autoFinalize) {
    return null;
  }
  if (periodEnd.getTime() + organization.usageGraceHours * HOUR_MS > now.getTime()) return null;

  // Late events that arrived during the grace period count: that is what the grace period is for.
  // A draft whose plan lines were all rewritten by hand has none left to refresh and is kept as is.
  if (details._count.lines > 0) await applyRecalculation(tx, { actor, invoiceId, now });
  const finalized = await finalizeInvoice(tx, { actor, invoiceId, now });
  const walletAppliedMinor =
    organization.autoApplyWallet && finalized.status === "finalized"
      ? await applyAvailableCredit(tx, { organizationId, invoiceId, now })
      : 0n;
  return { invoiceId, number: finalized.number, walletAppliedMinor };
};

const graceExpiredDrafts = (db: Db, now: Date) =>
  db.$queryRaw<{ id: string; organizationId: string }[]>`
    SELECT i."id", i."organizationId"
    FROM "Invoice" i JOIN "Organization" o ON o."id" = i."organizationId"
    WHERE o."autoFinalize"
      AND i."status" = 'draft' AND i."type" = 'subscription'
      AND i."periodEnd" + make_interval(hours => o."usageGraceHours") <= ${now}
    ORDER BY i."periodEnd", i."id"
    LIMIT ${DRAFTS_PER_RUN}`;

export type FinalizeRunResult = { finalized: number; walletAppliedMinor: bigint; failed: number };

export const finalizeGraceExpiredDrafts = async ({ db, now }: { db: Db; now: Date }): Promise<FinalizeRunResult> => {
  const result: FinalizeRunResult = { finalized: 0, walletAppliedMinor: 0n, failed: 0 };
  for (const draft of await graceExpiredDrafts(db, now)) {
    try {
      const finalized = await db.$transaction((tx) =>
        finalizeGraceExpiredDraft(tx, { organizationId: draft.organizationId, invoiceId: draft.id, now }),
      );
      if (!finalized) continue;
      result.finalized += 1;
      result.walletAppliedMinor += finalized.walletAppliedMinor;
    } catch (error) {
      result.failed += 1;
      log.error("subscription draft not finalized; retried next run", { invoiceId: draft.id, error });
    }
  }
  return result;
};
