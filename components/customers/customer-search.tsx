"use client";
// Search as you type (debounced, replacing the address so Back leaves the list) or by submitting;
// without JavaScript the form is a plain GET. A new search always starts at the first page.
import Form from "next/form";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import type { CustomerStatusFilter } from "@/lib/customers/schemas";
import { customersHref } from "./list-href";

const TYPING_PAUSE_MS = 300;

export const CustomerSearch = ({ q, status }: { q: string; status: CustomerStatusFilter }) => {
  const router = useRouter();
  const [value, setValue] = useState(q);
  const [requested, setRequested] = useState(q);
  const [shown, setShown] = useState(q);
  const [searching, startSearch] = useTransition();

  // The search changed from outside (a "clear the search" link, Back): show it. A change this box
  // asked for is left alone, so letters typed since the request are not overwritten.
  if (q !== shown) {
    setShown(q);
    if (q !== requested) setValue(q);
  }

  useEffect(() => {
    const wanted = value.trim();
    if (wanted === q) return;
    const timer = setTimeout(() => {
      setRequested(wanted);
      startSearch(() => router.replace(customersHref({ q: wanted, status })));
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [value, q, status, router]);

  return (
    <Form action="/customers" role="search" aria-label="Customers" className="flex w-full max-w-xl items-center gap-2">
      {status !== "active" ? <input type="hidden" name="status" value={status} /> : null}
      <label htmlFor="customer-search" className="sr-only">
        Search customers
      </label>
      <Input
        id="customer-search"
        name="q"
        type="search"
        autoComplete="off"
        placeholder="Search by name, email or external id"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        aria-busy={searching || undefined}
      />
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </Form>
  );
};
