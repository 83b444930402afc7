"use client";
// Choosing a customer by typing (an invoice's customer, a subscription's owner or payer): an ARIA
// combobox searched on the server after a pause in typing (arrow keys move, Enter picks, Esc
// closes). What an option carries is shown with it: a currency (the invoice then bills in it), or an
// archived status, marked, so a payer field that lists archived customers says at the field why one
// cannot pay instead of hiding it.
import { useEffect, useId, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/result";
import { cn } from "@/lib/cn";
import type { CustomerStatus } from "@/lib/db/generated/enums";

export type CustomerOption = {
  id: string;
  name: string;
  externalId: string;
  email: string;
  /** An archived customer is marked "Archived" in the list and under the field. */
  status?: CustomerStatus;
  /** Shown after the email, and under the field as the currency the customer bills in. */
  currency?: string | null;
};

type CustomerComboboxProps<Option extends CustomerOption> = {
  id: string;
  label: string;
  /** The listbox's accessible name; the label unless given. */
  listLabel?: string;
  selected: Option | null;
  onSelect: (customer: Option) => void;
  /** Typing over a chosen customer un-chooses it, so the field never says one name and means another. */
  onClear: () => void;
  search: (input: { q: string; includeArchived?: boolean }) => Promise<ActionResult<Option[]>>;
  includeArchived?: boolean;
  /** The search finds active customers only, and the empty list says so. */
  activeOnlyWording?: boolean;
  /** Focus opens the list even with a customer chosen (else only typing or ArrowDown does). */
  openOnFocusWhenChosen?: boolean;
  error?: string;
  hint?: string;
  inputRef?: React.Ref<HTMLInputElement>;
};

const TYPING_PAUSE_MS = 250;

type Results<Option> = { query: string; options: Option[] };

export const CustomerCombobox = <Option extends CustomerOption>({
  id,
  label,
  listLabel = label,
  selected,
  onSelect,
  onClear,
  search,
  includeArchived = false,
  activeOnlyWording = false,
  openOnFocusWhenChosen = false,
  error,
  hint,
  inputRef,
}: CustomerComboboxProps<Option>) => {
  const listboxId = useId();
  const [text, setText] = useState(selected?.name ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // The last answer stays listed while the next search runs, so the list does not flicker.
  const [results, setResults] = useState<Results<Option> | null>(null);
  const [searching, setSearching] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // Answers can arrive out of order; only the latest request may fill the list.
  const latestRequest = useRef(0);

  useEffect(() => {
    if (!open) return;
    const query = text.trim();
    const timer = setTimeout(async () => {
      const request = ++latestRequest.current;
      setSearching(true);
      const input = includeArchived ? { q: query, includeArchived } : { q: query };
      const result = await search(input).catch(() => null);
      if (request !== latestRequest.current) return;
      setSearching(false);
      if (!result?.ok) {
        setFailure(result?.error ?? "Customers could not be searched. Check your connection and try again.");
        return;
      }
      setFailure(null);
      setResults({ query, options: result.data });
      setActive(0);
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [open, text, search, includeArchived]);

  const options = results?.options ?? [];
  const expanded = open && options.length > 0;
  const noun = activeOnlyWording ? "active customer" : "customer";

  const choose = (customer: Option) => {
    onSelect(customer);
    setText(customer.name);
    setOpen(false);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive((index) => Math.min(index + 1, Math.max(options.length - 1, 0)));
        return;
      case "ArrowUp":
        event.preventDefault();
        setActive((index) => Math.max(index - 1, 0));
        return;
      case "Enter": {
        // Enter in the list picks; it must not submit the form.
        const option = expanded ? options[active] : undefined;
        if (!option) return;
        event.preventDefault();
        choose(option);
        return;
      }
      case "Escape":
        if (!open) return;
        event.preventDefault();
        setOpen(false);
        return;
      case "Tab":
        setOpen(false);
        return;
      default:
        return;
    }
  };

  const activeOption = expanded ? options[active] : undefined;
  const describedBy = [error ? `${id}-error` : hint ? `${id}-hint` : null, selected ? `${id}-selected` : null]
    .filter(Boolean)
    .join(" ");

  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <div className="relative">
        <input
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          placeholder="Search by name, email or external id"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-activedescendant={activeOption ? `${listboxId}-${activeOption.id}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          aria-busy={searching || undefined}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            if (selected) onClear();
          }}
          // With a customer chosen, focus (an error sending it back here) must not cover the field's message.
          onFocus={() => {
            if (!selected || openOnFocusWhenChosen) setOpen(true);
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          className={cn(
            "h-9 w-full rounded-md border bg-white px-3 text-sm text-ink-900 placeholder:text-ink-500",
            error ? "border-red-600" : "border-ink-300",
          )}
        />
        <ul
          id={listboxId}
          role="listbox"
          aria-label={listLabel}
          hidden={!expanded}
          className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md border border-ink-200 bg-white py-1 shadow-lg"
        >
          {options.map((customer, index) => (
            <li
              key={customer.id}
              id={`${listboxId}-${customer.id}`}
              role="option"
              aria-selected={index === active}
              // Keep focus in the input, so the list does not close before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(customer)}
              className={cn("cursor-pointer px-3 py-2 text-sm", index === active ? "bg-brand-50" : "bg-white")}
            >
              <span className="flex items-center gap-2 font-medium text-ink-900">
                {customer.name}
                {customer.status === "archived" ? <Badge tone="neutral">Archived</Badge> : null}
              </span>
              <span className="block text-xs text-ink-600">
                {customer.externalId} · {customer.email}
                {customer.currency ? ` · ${customer.currency}` : ""}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <p aria-live="polite" className="text-xs text-ink-600">
        {open && !searching && results && options.length === 0
          ? results.query
            ? `No ${noun} matches “${results.query}”.`
            : `There are no ${noun}s yet.`
          : null}
        {open && failure ? failure : null}
      </p>
      {selected ? (
        <p id={`${id}-selected`} className="text-xs text-ink-600">
          {selected.externalId} · {selected.email}
          {selected.currency ? ` · bills in ${selected.currency}` : ""}
          {selected.status === "archived" ? " · archived" : ""}
        </p>
      ) : null}
    </Field>
  );
};
