"use client";
// Tabs between the settings sections; the current one is marked for screen readers and by colour.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";
import { SETTINGS_SECTIONS } from "./sections";

export const SettingsNav = () => {
  const pathname = usePathname();
  const items = [{ href: "/settings", label: "Overview" }, ...SETTINGS_SECTIONS];
  return (
    <nav aria-label="Settings" className="mb-6 flex gap-1 overflow-x-auto border-b border-ink-200">
      {items.map((item) => {
        const current = item.href === "/settings" ? pathname === "/settings" : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
              current ? "border-brand-600 text-brand-800" : "border-transparent text-ink-600 hover:text-ink-900",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
};
