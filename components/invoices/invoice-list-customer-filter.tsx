"use client";
// Pick a customer by name: typing narrows the organisation's customers, the arrows and Enter (or a
// click) choose one, Escape or leaving the field puts the current choice back, emptying it clears.
import { useId, useState } from "react";
import { Input } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import type { InvoiceCustomerOption } from "@/lib/invoices/queries";

const SHOWN = 8;

type InvoiceListCustomerFilterProps = {
  id: string;
  customers: InvoiceCustomerOption[];
  /** The chosen customer's id, or "" for any customer. */
  value: string;
  onChange: (customerId: string) => void;
};

export const InvoiceListCustomerFilter = ({ id, customers, value, onChange }: InvoiceListCustomerFilterProps) => {
  const listId = useId();
  const selectedName = customers.find((customer) => customer.id === value)?.name ?? "";
  const [text, setText] = useState(selectedName);
  const [shownValue, setShownValue] = useState(value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [browsing, setBrowsing] = useState(false);

  // The choice changed from outside (Clear filters, Back): show its name.
  if (value !== shownValue) {
    setShownValue(value);
    setText(selectedName);
  }

  const wanted = text.trim().toLocaleLowerCase();
  const narrowing = wanted !== "" && text !== selectedName;
  const matches = (
    narrowing ? customers.filter((customer) => customer.name.toLocaleLowerCase().includes(wanted)) : customers
  ).slice(0, SHOWN);
  const activeIndex = Math.min(active, Math.max(matches.length - 1, 0));
  const optionId = (index: number) => `${listId}-option-${index}`;

  const choose = (customer: InvoiceCustomerOption) => {
    setText(customer.name);
    setOpen(false);
    if (customer.id !== value) onChange(customer.id);
  };

  // Leaving the field: an emptied box means any customer, anything else half-typed is dropped.
  const settle = () => {
    setOpen(false);
    if (text.trim() === "") {
      setText("");
      if (value) onChange("");
      return;
    }
    setText(selectedName);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        setBrowsing(true);
        if (!open) setOpen(true);
        else setActive(Math.min(activeIndex + 1, matches.length - 1));
        return;
      case "ArrowUp":
        event.preventDefault();
        setBrowsing(true);
        setActive(Math.max(activeIndex - 1, 0));
        return;
      case "Enter": {
        const match = matches[activeIndex];
        // An empty box means "any customer", unless an option was picked out with the arrows.
        if (open && match && (text.trim() !== "" || browsing)) {
          event.preventDefault();
          choose(match);
        } else if (text.trim() === "") {
          event.preventDefault();
          settle();
        }
        return;
      }
      case "Escape":
        if (open || text !== selectedName) {
          event.preventDefault();
          setOpen(false);
          setText(selectedName);
        }
        return;
    }
  };

  const expanded = open && matches.length > 0;
  return (
    <div className="relative">
      <Input
        id={id}
        role="combobox"
        type="text"
        autoComplete="off"
        placeholder="Any customer"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? optionId(activeIndex) : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setBrowsing(false);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={settle}
        onKeyDown={onKeyDown}
        className={value ? "pr-8" : undefined}
      />
      {/* Without script the form still sends the current choice. */}
      <input type="hidden" name="customer" value={value} />
      {value ? (
        <button
          type="button"
          aria-label="Clear the customer"
          title="Clear the customer"
          className="absolute top-1.5 right-1.5 rounded px-1.5 text-ink-600 hover:bg-ink-100 hover:text-ink-900"
          onClick={() => {
            setText("");
            onChange("");
          }}
        >
          ×
        </button>
      ) : null}
      <ul
        id={listId}
        role="listbox"
        aria-label="Customers"
        hidden={!expanded}
        className="absolute z-20 mt-1 max-h-72 w-full min-w-64 overflow-auto rounded-md border border-ink-200 bg-white py-1 text-sm shadow-lg"
      >
        {matches.map((customer, index) => (
          <li
            key={customer.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className={cn(
              "flex cursor-pointer items-center justify-between gap-2 px-3 py-1.5",
              index === activeIndex ? "bg-brand-50 text-brand-800" : "text-ink-900",
            )}
            // Chosen on mouse down, before the input's blur would put the old choice back.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(customer);
            }}
            onMouseEnter={() => {
              setActive(index);
              setBrowsing(true);
            }}
          >
            <span className="truncate">{customer.name}</span>
            {customer.status === "archived" ? <span className="text-xs text-ink-600">Archived</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
};
