"use client";
// The credit note list's filters: reason, customer, issue dates and status. Each change lands in the
// address (a view one can share) and starts at the first page. Without script the form is a plain
// GET to the same address.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { InvoiceListCustomerFilter } from "@/components/invoices/invoice-list-customer-filter";
import { FilterApplyButton, FilterField, FilterSelect, IssueDateRangeFilter } from "@/components/ui/filter-field";
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
      <FilterSelect
        id="credit-note-reason-filter"
        label="Reason"
        name="reason"
        className="w-52"
        value={values.reason}
        options={CREDIT_NOTE_REASONS.map((reason) => ({ value: reason, label: CREDIT_NOTE_REASON_LABELS[reason] }))}
        onChange={(reason) => change({ reason })}
      />
      <FilterField id="credit-note-customer-filter" label="Customer" className="w-56">
        <InvoiceListCustomerFilter
          id="credit-note-customer-filter"
          customers={customers}
          value={values.customer}
          onChange={(customer) => change({ customer })}
        />
      </FilterField>
      <IssueDateRangeFilter
        fromId="credit-note-from-filter"
        toId="credit-note-to-filter"
        from={values.from}
        to={values.to}
        onFromChange={(from) => change({ from })}
        onToChange={(to) => change({ to })}
      />
      <FilterSelect
        id="credit-note-status-filter"
        label="Status"
        name="status"
        className="w-32"
        value={values.status}
        options={CREDIT_NOTE_STATUS_FILTERS.map((status) => ({
          value: status,
          label: CREDIT_NOTE_STATUS_LABELS[status],
        }))}
        onChange={(status) => change({ status })}
      />
      <FilterApplyButton />
    </form>
  );
};
