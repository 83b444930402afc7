"use client";
// The credit note list's filters: reason, customer, issue dates and status. Each change lands in the
// address (a view one can share) and starts at the first page. Without script the form is a plain
// GET to the same address.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { InvoiceListCustomerFilter } from "@/components/invoices/invoice-list-customer-filter";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { CREDIT_NOTE_REASON_LABELS, CREDIT_NOTE_REASONS, CREDIT_NOTE_STATUS_LABELS } from "@/lib/credit-notes/schemas";
import type { InvoiceCustomerOption } from "@/lib/invoices/queries";
import { CREDIT_NOTE_STATUS_FILTERS, creditNoteListHref, type CreditNoteListFilters as Filters } from "./list-params";

type Values = { reason: string; status: string; customer: string; from: string; to: string };

const valuesOf = (params: Filters): Values => ({
  reason: params.reason ?? "",
  status: params.status ?? "",
  customer: params.customer ?? "",
  from: params.from ?? "",
  to: params.to ?? "",
});

const keyOf = (values: Values) => JSON.stringify(values);

const labelClass = "text-xs font-medium text-ink-600";

type CreditNoteListFiltersProps = { params: Filters; customers: InvoiceCustomerOption[] };

export const CreditNoteListFilters = ({ params, customers }: CreditNoteListFiltersProps) => {
  const router = useRouter();
  const [loading, startLoading] = useTransition();
  const fromAddress = valuesOf(params);
  const addressKey = keyOf(fromAddress);
  const [values, setValues] = useState(fromAddress);
  const [shownKey, setShownKey] = useState(addressKey);

  // The address changed from outside ("Clear filters", Back): the fields show it.
  if (addressKey !== shownKey) {
    setShownKey(addressKey);
    setValues(fromAddress);
  }

  const navigate = (next: Values) => {
    const href = creditNoteListHref({
      reason: (next.reason || undefined) as Filters["reason"],
      status: (next.status || undefined) as Filters["status"],
      customer: next.customer || undefined,
      from: next.from || undefined,
      to: next.to || undefined,
    });
    startLoading(() => router.push(href));
  };

  const change = (changes: Partial<Values>) => {
    const next = { ...values, ...changes };
    setValues(next);
    if (keyOf(next) !== addressKey) navigate(next);
  };

  return (
    <form
      action="/credit-notes"
      method="get"
      role="search"
      aria-label="Filter credit notes"
      aria-busy={loading || undefined}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (keyOf(values) !== addressKey) navigate(values);
      }}
    >
      <div className="flex w-52 flex-col gap-1">
        <label htmlFor="credit-note-reason-filter" className={labelClass}>
          Reason
        </label>
        <Select
          id="credit-note-reason-filter"
          name="reason"
          value={values.reason}
          onChange={(event) => change({ reason: event.target.value })}
        >
          <option value="">Any</option>
          {CREDIT_NOTE_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {CREDIT_NOTE_REASON_LABELS[reason]}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex w-56 flex-col gap-1">
        <label htmlFor="credit-note-customer-filter" className={labelClass}>
          Customer
        </label>
        <InvoiceListCustomerFilter
          id="credit-note-customer-filter"
          customers={customers}
          value={values.customer}
          onChange={(customer) => change({ customer })}
        />
      </div>
      <div className="flex w-36 flex-col gap-1">
        <label htmlFor="credit-note-from-filter" className={labelClass}>
          Issued from
        </label>
        <Input
          id="credit-note-from-filter"
          name="from"
          type="date"
          value={values.from}
          max={values.to || undefined}
          onChange={(event) => change({ from: event.target.value })}
        />
      </div>
      <div className="flex w-36 flex-col gap-1">
        <label htmlFor="credit-note-to-filter" className={labelClass}>
          Issued to
        </label>
        <Input
          id="credit-note-to-filter"
          name="to"
          type="date"
          value={values.to}
          min={values.from || undefined}
          onChange={(event) => change({ to: event.target.value })}
        />
      </div>
      <div className="flex w-32 flex-col gap-1">
        <label htmlFor="credit-note-status-filter" className={labelClass}>
          Status
        </label>
        <Select
          id="credit-note-status-filter"
          name="status"
          value={values.status}
          onChange={(event) => change({ status: event.target.value })}
        >
          <option value="">Any</option>
          {CREDIT_NOTE_STATUS_FILTERS.map((status) => (
            <option key={status} value={status}>
              {CREDIT_NOTE_STATUS_LABELS[status]}
            </option>
          ))}
        </Select>
      </div>
      {/* Changes apply as they are made; the button is for keyboards and for browsers without script. */}
      <Button type="submit" variant="secondary" className="sr-only focus:not-sr-only">
        Apply
      </Button>
    </form>
  );
};
