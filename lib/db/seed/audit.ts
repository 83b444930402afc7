// The demo's audit trail: one row per thing that happened, written by the system actor, with the
// summary in the words (and the amounts and dates) a finance user reads in the history.
import type { Prisma } from "@/lib/db/generated/client";
import { newId } from "@/lib/ids";
import { formatMoney, type CurrencyCode } from "@/lib/money";
import { DEMO_ORG_ID } from "../demo";
import { ORG_LOCALE } from "./fixtures";

export type AuditSeed = {
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  reason?: string;
  changes?: Prisma.InputJsonValue;
};

export const auditRow = (entry: AuditSeed): Prisma.AuditEntryCreateManyInput => ({
  id: newId("auditEntry"),
  organizationId: DEMO_ORG_ID,
  actorUserId: null,
  actorType: "system",
  actorLabel: "Demo data",
  action: entry.action,
  entityType: entry.entityType,
  entityId: entry.entityId,
  summary: entry.summary,
  reason: entry.reason ?? null,
  changes: entry.changes,
  createdAt: entry.at,
});

export const money = (minor: bigint, currency: string): string =>
  formatMoney(minor, currency as CurrencyCode, { locale: ORG_LOCALE });

export const calendarLabel = (date: Date): string =>
  new Intl.DateTimeFormat(ORG_LOCALE, { dateStyle: "medium", timeZone: "UTC" }).format(date);

/** An enum value as words in a summary: `bank_transfer` -> `bank transfer`. */
export const words = (value: string): string => value.replaceAll("_", " ");
