// Reads for the credit note list, newest first, paginated by key (issue time, id).
import { db } from "@/lib/db/client";

export const CREDIT_NOTE_PAGE_SIZE = 50;

export const listCreditNotes = async (organizationId: string) =>
  db.creditNote.findMany({
    where: { organizationId },
    orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
    take: CREDIT_NOTE_PAGE_SIZE,
    select: {
      id: true,
      number: true,
      status: true,
      reason: true,
      currency: true,
      totalMinor: true,
      issuedAt: true,
      invoice: { select: { id: true, number: true } },
      customer: { select: { id: true, name: true } },
    },
  });

export const CREDIT_NOTE_REASON_LABELS = {
  duplicate: "Duplicate",
  fraudulent: "Fraudulent",
  order_change: "Order change",
  product_unsatisfactory: "Product unsatisfactory",
  service_issue: "Service issue",
  billing_error: "Billing error",
  other: "Other",
} as const;
