// The demo's fixed cast: Northwind Analytics' locale, its customers, number series, meters, plans and
// subscriptions. Only data; the builders beside it turn these into rows.
import type { MeterAggregation, PaymentTerms, TierMode } from "@/lib/db/generated/enums";
import type { CurrencyCode } from "@/lib/money";

export const ORG_TIME_ZONE = "Europe/London";
export const ORG_LOCALE = "en-US";

export const TERMS_DAYS: Record<PaymentTerms, number> = { due_on_receipt: 0, net_15: 15, net_30: 30, net_60: 60 };

export const REVERSE_CHARGE_MEMO =
  "Reverse charge: VAT to be accounted for by the recipient (Article 196, Directive 2006/112/EC).";

export type CustomerSeed = {
  externalId: string;
  name: string;
  email: string;
  addressLine1: string;
  addressLine2?: string;
  city: string;
  postalCode: string;
  country: string;
  taxId?: string;
  currency: CurrencyCode;
  createdDaysAgo: number;
  archivedDaysAgo?: number;
  series?: InvoiceSeriesKey;
};

export const CUSTOMERS = {
  acme: {
    externalId: "acme-corp",
    name: "Acme Corporation",
    email: "ap@acme-corp.example",
    addressLine1: "500 Howard Street",
    addressLine2: "Suite 400",
    city: "San Francisco",
    postalCode: "94105",
    country: "US",
    taxId: "94-3126710",
    currency: "USD",
    createdDaysAgo: 240,
  },
  globex: {
    externalId: "globex-gmbh",
    name: "Globex GmbH",
    email: "rechnungen@globex.example",
    addressLine1: "Friedrichstraße 68",
    city: "Berlin",
    postalCode: "10117",
    country: "DE",
    taxId: "DE811907980",
    currency: "EUR",
    createdDaysAgo: 260,
  },
  initech: {
    externalId: "initech-uk",
    name: "Initech Ltd",
    email: "accounts.payable@initech.example",
    addressLine1: "4 Piccadilly Place",
    city: "Manchester",
    postalCode: "M1 3BN",
    country: "GB",
    taxId: "GB902341876",
    currency: "GBP",
    createdDaysAgo: 120,
  },
  umbrella: {
    externalId: "umbrella-sg",
    name: "Umbrella Biotech Pte Ltd",
    email: "finance@umbrella-bio.example",
    addressLine1: "1 Fusionopolis Way",
    addressLine2: "#12-05 Connexis",
    city: "Singapore",
    postalCode: "138632",
    country: "SG",
    taxId: "201934567K",
    currency: "SGD",
    createdDaysAgo: 90,
    series: "singapore",
  },
  kaizen: {
    externalId: "kaizen-robotics",
    name: "Kaizen Robotics K.K.",
    email: "keiri@kaizen-robotics.example",
    addressLine1: "2-4-1 Shibakoen",
    addressLine2: "Minato-ku",
    city: "Tokyo",
    postalCode: "105-0011",
    country: "JP",
    taxId: "T4010401098765",
    currency: "JPY",
    createdDaysAgo: 30,
  },
  lakshmi: {
    externalId: "lakshmi-software",
    name: "Lakshmi Software Pvt Ltd",
    email: "payables@lakshmi-software.example",
    addressLine1: "Embassy Golf Links, Tower B",
    addressLine2: "Koramangala Intermediate Ring Road",
    city: "Bengaluru",
    postalCode: "560071",
    country: "IN",
    taxId: "29AAGCL4821K1Z7",
    currency: "INR",
    createdDaysAgo: 80,
  },
  hooli: {
    externalId: "hooli",
    name: "Hooli Inc",
    email: "billing@hooli.example",
    addressLine1: "1401 N Shoreline Blvd",
    city: "Mountain View",
    postalCode: "94043",
    country: "US",
    currency: "USD",
    createdDaysAgo: 200,
  },
  soylent: {
    externalId: "soylent-foods",
    name: "Soylent Foods B.V.",
    email: "crediteuren@soylent-foods.example",
    addressLine1: "Herengracht 182",
    city: "Amsterdam",
    postalCode: "1016 BR",
    country: "NL",
    taxId: "NL859123456B01",
    currency: "EUR",
    createdDaysAgo: 150,
  },
  stark: {
    externalId: "stark-logistics",
    name: "Stark Logistics Inc",
    email: "ap@stark-logistics.example",
    addressLine1: "200 Park Avenue",
    addressLine2: "Floor 17",
    city: "New York",
    postalCode: "10166",
    country: "US",
    currency: "USD",
    createdDaysAgo: 65,
  },
  seaChannel: {
    externalId: "sea-channel-partners",
    name: "Sea Channel Partners Pte Ltd",
    email: "billing@seachannel.example",
    addressLine1: "80 Robinson Road",
    addressLine2: "#08-01",
    city: "Singapore",
    postalCode: "068898",
    country: "SG",
    taxId: "201812345W",
    currency: "SGD",
    createdDaysAgo: 150,
    series: "reseller",
  },
  bluefin: {
    externalId: "bluefin-retail",
    name: "Bluefin Retail Pte Ltd",
    email: "it@bluefin-retail.example",
    addressLine1: "391 Orchard Road",
    addressLine2: "#15-01 Ngee Ann City",
    city: "Singapore",
    postalCode: "238872",
    country: "SG",
    currency: "SGD",
    createdDaysAgo: 140,
  },
  merlion: {
    externalId: "merlion-travel",
    name: "Merlion Travel Pte Ltd",
    email: "ops@merlion-travel.example",
    addressLine1: "3 Temasek Avenue",
    addressLine2: "#21-00 Centennial Tower",
    city: "Singapore",
    postalCode: "039190",
    country: "SG",
    currency: "SGD",
    createdDaysAgo: 135,
  },
  piedPiper: {
    externalId: "pied-piper",
    name: "Pied Piper Inc",
    email: "finance@piedpiper.example",
    addressLine1: "5230 Newell Road",
    city: "Palo Alto",
    postalCode: "94303",
    country: "US",
    currency: "USD",
    createdDaysAgo: 300,
    archivedDaysAgo: 35,
  },
} as const satisfies Record<string, CustomerSeed>;
export type CustomerKey = keyof typeof CUSTOMERS;

export type InvoiceSeriesKey = "default" | "singapore" | "reseller";
export type SeriesKey = InvoiceSeriesKey | "receipt";

export const SERIES: Record<
  SeriesKey,
  { kind: "invoice" | "receipt"; name: string; format: string; isDefault: boolean }
> = {
  default: { kind: "invoice", name: "Default", format: "INV-{YYYY}{MM}-{NNNN}", isDefault: true },
  singapore: { kind: "invoice", name: "Singapore", format: "SG-INV-{YYYY}{MM}{DD}-{NNN}", isDefault: false },
  reseller: { kind: "invoice", name: "Reseller: Sea Channel", format: "RS-SEA-{YYYY}-{NNNN}", isDefault: false },
  receipt: { kind: "receipt", name: "Receipts", format: "RCP-{YYYY}-{NNNNN}", isDefault: true },
};

export const METERS = {
  apiCalls: { name: "api_calls", eventName: "api_call", aggregation: "count", property: null },
  storageGb: { name: "storage_gb", eventName: "storage_snapshot", aggregation: "max", property: "gb" },
  computeHours: { name: "compute_hours", eventName: "compute_job", aggregation: "sum", property: "hours" },
  activeUsers: { name: "active_users", eventName: "user_active", aggregation: "unique_count", property: "user_id" },
} as const satisfies Record<
  string,
  { name: string; eventName: string; aggregation: MeterAggregation; property: string | null }
>;
export type MeterKey = keyof typeof METERS;

export type PriceSeed =
  | { type: "flat"; description: string; unitAmountMinor: bigint }
  | { type: "per_unit"; description: string; meter: MeterKey; unitAmountMinor: bigint }
  | {
      type: "tiered";
      description: string;
      meter: MeterKey;
      tierMode: TierMode;
      /** upTo is the inclusive upper bound; null for the open last tier. */
      tiers: { upTo: number | null; unitAmountMinor: bigint }[];
    };

export type PlanSeed = {
  code: string;
  name: string;
  currency: CurrencyCode;
  prices: PriceSeed[];
  archivedDaysAgo?: number;
};

export const PLANS = {
  starter: {
    code: "starter-usd",
    name: "Starter",
    currency: "USD",
    prices: [
      { type: "flat", description: "Starter platform fee", unitAmountMinor: 4900n }, // $49.00
      { type: "per_unit", description: "Compute hours", meter: "computeHours", unitAmountMinor: 40n }, // $0.40
    ],
  },
  growth: {
    code: "growth-usd",
    name: "Growth",
    currency: "USD",
    prices: [
      { type: "flat", description: "Growth platform fee", unitAmountMinor: 29900n }, // $299.00
      {
        type: "tiered",
        description: "API calls",
        meter: "apiCalls",
        tierMode: "graduated",
        tiers: [
          { upTo: 50, unitAmountMinor: 0n },
          { upTo: 100, unitAmountMinor: 5n }, // $0.05
          { upTo: null, unitAmountMinor: 3n }, // $0.03
        ],
      },
      { type: "per_unit", description: "Storage (peak GB)", meter: "storageGb", unitAmountMinor: 25n }, // $0.25
    ],
  },
  team: {
    code: "team-eur",
    name: "Team",
    currency: "EUR",
    prices: [
      { type: "flat", description: "Team workspace fee", unitAmountMinor: 19900n }, // €199.00
      {
        type: "tiered",
        description: "Active users",
        meter: "activeUsers",
        tierMode: "volume",
        tiers: [
          { upTo: 10, unitAmountMinor: 1200n }, // €12.00
          { upTo: 50, unitAmountMinor: 1000n }, // €10.00
          { upTo: null, unitAmountMinor: 800n }, // €8.00
        ],
      },
    ],
  },
  partner: {
    code: "partner-starter-sgd",
    name: "Partner Starter",
    currency: "SGD",
    prices: [
      { type: "flat", description: "Partner platform fee", unitAmountMinor: 6500n }, // S$65.00
      { type: "per_unit", description: "Compute hours", meter: "computeHours", unitAmountMinor: 55n }, // S$0.55
    ],
  },
  legacy: {
    code: "basic-2023-usd",
    name: "Basic (2023, retired)",
    currency: "USD",
    archivedDaysAgo: 90,
    prices: [{ type: "flat", description: "Basic platform fee", unitAmountMinor: 1900n }], // $19.00
  },
} as const satisfies Record<string, PlanSeed>;
export type PlanKey = keyof typeof PLANS;

export type SubscriptionSeed = {
  owner: CustomerKey;
  /** The delegated payer; the owner pays when absent. */
  payer?: CustomerKey;
  plan: PlanKey;
  startMonthsAgo: number;
  cancelAtPeriodEnd?: boolean;
  canceledDaysAgo?: number;
};

export const SUBSCRIPTIONS = {
  acmeGrowth: { owner: "acme", plan: "growth", startMonthsAgo: 5 },
  hooliStarter: { owner: "hooli", plan: "starter", startMonthsAgo: 4 },
  globexTeam: { owner: "globex", plan: "team", startMonthsAgo: 6 },
  soylentTeam: { owner: "soylent", plan: "team", startMonthsAgo: 3, cancelAtPeriodEnd: true },
  bluefinPartner: { owner: "bluefin", payer: "seaChannel", plan: "partner", startMonthsAgo: 3 },
  merlionPartner: { owner: "merlion", payer: "seaChannel", plan: "partner", startMonthsAgo: 3 },
  piedPiperStarter: { owner: "piedPiper", plan: "starter", startMonthsAgo: 8, canceledDaysAgo: 60 },
} as const satisfies Record<string, SubscriptionSeed>;
export type SubscriptionKey = keyof typeof SUBSCRIPTIONS;
