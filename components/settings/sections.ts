// The settings sections that exist: the settings home and sub-navigation show only what this list holds.
export type SettingsSection = { href: string; label: string; description: string };

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  {
    href: "/settings/organisation",
    label: "Organisation",
    description: "Seller details on every invoice, default currency and payment terms, locale and time zone.",
  },
  {
    href: "/settings/numbering",
    label: "Numbering",
    description: "Number series for invoices and receipts: formats, counters and the default of each.",
  },
  {
    href: "/settings/catalogue",
    label: "Catalogue",
    description: "Meters that count usage, and plans with flat, per-unit and tiered prices.",
  },
  {
    href: "/settings/billing",
    label: "Billing",
    description: "Grace period for late usage, automatic finalization and wallet credit on subscription invoices.",
  },
  {
    href: "/settings/api-keys",
    label: "API keys",
    description: "Keys that send usage events to the events API: create, see when last used, revoke.",
  },
  {
    href: "/settings/users",
    label: "Users",
    description: "Who can sign in, and what each person may do.",
  },
];
