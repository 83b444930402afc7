// The settings sections that exist. Catalogue and API keys are added here when they are built,
// never before: the settings home and sub-navigation show only what this list holds.
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
    href: "/settings/users",
    label: "Users",
    description: "Who can sign in, and what each person may do.",
  },
];
