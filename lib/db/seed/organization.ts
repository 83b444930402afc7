// Northwind Analytics itself: the organisation, its three demo sign-ins and its number series, left
// with the counters where finalizing the demo's documents would have left them.
import type { Prisma } from "@/lib/db/generated/client";
import { newId } from "@/lib/ids";
import { formatSeriesNumber } from "@/lib/numbering/format";
import { DEMO_ORG_ID, DEMO_ORG_NAME, DEMO_USERS } from "../demo";
import { ORG_LOCALE, ORG_TIME_ZONE, SERIES, type SeriesKey } from "./fixtures";
import { entriesOf, type Ids } from "./rows";

export const organizationRow = (createdAt: Date): Prisma.OrganizationCreateManyInput => ({
  id: DEMO_ORG_ID,
  name: DEMO_ORG_NAME,
  legalName: "Northwind Analytics Limited",
  email: "billing@northwind-analytics.example",
  addressLine1: "221 Shoreditch High Street",
  addressLine2: "Floor 4",
  city: "London",
  postalCode: "E1 6PJ",
  country: "GB",
  taxId: "GB284193756",
  defaultCurrency: "USD",
  paymentTerms: "net_30",
  locale: ORG_LOCALE,
  timeZone: ORG_TIME_ZONE,
  paymentInstructions: [
    "Pay by bank transfer to Northwind Analytics Ltd.",
    "Barclays Bank UK PLC, 1 Churchill Place, London E14 5HP",
    "Sort code 20-00-00, account 43917285",
    "IBAN GB29 BARC 2000 0043 9172 85, BIC BARCGB22",
    "Quote the invoice number as the payment reference.",
  ].join("\n"),
  invoiceFooter:
    "Northwind Analytics Ltd, registered in England and Wales no. 09876543. Registered office: 221 Shoreditch High Street, London E1 6PJ. VAT GB284193756.",
  createdAt,
});

/** The demo sign-ins; `passwordHashes` are in DEMO_USERS order. */
export const userRows = ({
  passwordHashes,
  createdAt,
}: {
  passwordHashes: string[];
  createdAt: Date;
}): Prisma.UserCreateManyInput[] =>
  DEMO_USERS.map((user, index) => ({
    id: newId("user"),
    organizationId: DEMO_ORG_ID,
    email: user.email,
    name: user.name,
    passwordHash: passwordHashes[index]!,
    role: user.role,
    createdAt,
  }));

export const seriesRows = ({
  ids,
  issued,
  createdAt,
}: {
  ids: Ids;
  /** How many numbers the demo issued from each series. */
  issued: Record<SeriesKey, number>;
  createdAt: Date;
}): Prisma.NumberSeriesCreateManyInput[] =>
  entriesOf(SERIES).map(([key, value]) => ({
    id: ids.series[key],
    organizationId: DEMO_ORG_ID,
    kind: value.kind,
    name: value.name,
    format: value.format,
    // Past every number the demo issued, as finalizing them would have left it.
    nextNumber: issued[key] + 1,
    isDefault: value.isDefault,
    createdAt,
  }));

/** A document number from one of the demo's series, dated in the organisation's zone. */
export const seriesNumber = ({ series, counter, date }: { series: SeriesKey; counter: number; date: Date }): string =>
  formatSeriesNumber({ format: SERIES[series].format, counter, date, timeZone: ORG_TIME_ZONE });
