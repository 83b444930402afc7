import type { Metadata } from "next";
import Link from "next/link";
import { SETTINGS_SECTIONS } from "@/components/settings/sections";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Settings" };

const SettingsPage = async () => {
  await requireUser();
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {SETTINGS_SECTIONS.map((section) => (
        <li key={section.href}>
          <Link
            href={section.href}
            className="block h-full rounded-lg border border-ink-200 bg-white p-4 hover:border-brand-500 hover:bg-brand-50"
          >
            <h2 className="text-sm font-semibold text-ink-900">{section.label}</h2>
            <p className="mt-1 text-sm text-ink-600">{section.description}</p>
          </Link>
        </li>
      ))}
    </ul>
  );
};

export default SettingsPage;
