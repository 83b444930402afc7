// The demo's customers as rows, with their creation (and one archival) in the audit trail, and the
// contact block an invoice copies when it is finalized.
import type { Prisma } from "@/lib/db/generated/client";
import { DEMO_ORG_ID } from "../demo";
import { auditRow } from "./audit";
import type { Clock } from "./clock";
import { CUSTOMERS, type CustomerKey, type CustomerSeed } from "./fixtures";
import { entriesOf, type Ids } from "./rows";

/** Name, email, address and tax id: on the customer row and, frozen, in an invoice's bill-to snapshot. */
export const customerContact = (customer: CustomerSeed) => ({
  name: customer.name,
  email: customer.email,
  addressLine1: customer.addressLine1,
  addressLine2: customer.addressLine2 ?? null,
  city: customer.city,
  postalCode: customer.postalCode,
  country: customer.country,
  taxId: customer.taxId ?? null,
});

export const customerRows = ({
  clock,
  ids,
}: {
  clock: Clock;
  ids: Ids;
}): { customers: Prisma.CustomerCreateManyInput[]; auditEntries: Prisma.AuditEntryCreateManyInput[] } => {
  const auditEntries: Prisma.AuditEntryCreateManyInput[] = [];
  const customers = entriesOf<CustomerKey, CustomerSeed>(CUSTOMERS).map(
    ([key, customer]): Prisma.CustomerCreateManyInput => {
      const createdAt = clock.ago(customer.createdDaysAgo, "11:20");
      const archivedAt = customer.archivedDaysAgo === undefined ? null : clock.ago(customer.archivedDaysAgo, "16:05");
      const id = ids.customers[key];
      auditEntries.push(
        auditRow({
          at: createdAt,
          action: "customer.created",
          entityType: "customer",
          entityId: id,
          summary: `Created customer ${customer.name} (${customer.externalId}), billed in ${customer.currency}`,
        }),
      );
      if (archivedAt) {
        auditEntries.push(
          auditRow({
            at: archivedAt,
            action: "customer.archived",
            entityType: "customer",
            entityId: id,
            summary: `Archived customer ${customer.name}`,
            reason: "Ceased trading",
          }),
        );
      }
      return {
        id,
        organizationId: DEMO_ORG_ID,
        externalId: customer.externalId,
        ...customerContact(customer),
        currency: customer.currency,
        status: archivedAt ? "archived" : "active",
        archivedAt,
        defaultInvoiceSeriesId: customer.series ? ids.series[customer.series] : null,
        createdAt,
      };
    },
  );
  return { customers, auditEntries };
};
