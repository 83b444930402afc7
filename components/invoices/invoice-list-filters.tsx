"use client";
// The list's filters: search by number or customer name, customer, currency, payment and issue
// dates. Every change lands in the address (a view one can share) and starts at the first page;
// typing waits for a pause. Without script the form is a plain GET to the same address.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Input } from "@/components/ui/field";
import { FilterApplyButton, FilterField, FilterSelect, IssueDateRangeFilter } from "@/components/ui/filter-field";
import {
  PAYMENT_STATUS_FILTERS,
  invoiceListHref,
  type InvoiceListFilters as Filters,
  type InvoiceListParams,
} from "@/lib/invoices/list-params";
import type { InvoiceCustomerOption } from "@/lib/invoices/queries";
import { PAYMENT_STATUS_LABELS } from "@/lib/invoices/status";
import { InvoiceListCustomerFilter } from "./invoice-list-customer-filter";

const TYPING_PAUSE_MS = 350;

type PaymentFilter = (typeof PAYMENT_STATUS_FILTERS)[number];
type Values = { q: string; customer: string; currency: string; payment: PaymentFilter | ""; from: string; to: string };

const valuesOf = (params: Filters): Values => ({
  q: params.q,
  customer: params.customer ?? "",
  currency: params.currency ?? "",
  payment: params.payment ?? "",
  from: params.from ?? "",
  to: params.to ?? "",
});

const keyOf = (values: Values) =>
  JSON.stringify([values.q.trim(), values.customer, values.currency, values.payment, values.from, values.to]);

const isPaymentFilter = (value: string): value is PaymentFilter =>
  PAYMENT_STATUS_FILTERS.some((status) => status === value);

type InvoiceListFiltersProps = {
  params: InvoiceListParams;
  customers: InvoiceCustomerOption[];
  currencies: string[];
};

export const InvoiceListFilters = ({ params, customers, currencies }: InvoiceListFiltersProps) => {
  const router = useRouter();
  const [loading, startLoading] = useTransition();
  const fromAddress = valuesOf(params);
  const addressKey = keyOf(fromAddress);
  const [values, setValues] = useState(fromAddress);
  const [shownKey, setShownKey] = useState(addressKey);
  const [requestedKey, setRequestedKey] = useState(addressKey);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The address changed. When this form asked for it, what was typed since is kept; otherwise (a
  // "Clear filters" link, Back) the fields show the address.
  if (addressKey !== shownKey) {
    setShownKey(addressKey);
    if (addressKey !== requestedKey) {
      setValues(fromAddress);
      setRequestedKey(addressKey);
    }
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  const navigate = (next: Values, how: "push" | "replace") => {
    setRequestedKey(keyOf(next));
    const href = invoiceListHref({
      status: params.status,
      sort: params.sort,
      dir: params.dir,
      q: next.q.trim(),
      customer: next.customer || undefined,
      currency: next.currency || undefined,
      payment: next.payment || undefined,
      from: next.from || undefined,
      to: next.to || undefined,
    });
    startLoading(() => (how === "push" ? router.push(href) : router.replace(href)));
  };

  /** A choice applies at once; typing (search, dates) after a pause, replacing the address. */
  const change = (changes: Partial<Values>, { typing = false } = {}) => {
    const next = { ...values, ...changes };
    setValues(next);
    clearTimeout(timer.current);
    if (keyOf(next) === addressKey) return;
    if (!typing) return navigate(next, "push");
    timer.current = setTimeout(() => navigate(next, "replace"), TYPING_PAUSE_MS);
  };

  return (
    <form
      action="/invoices"
      method="get"
      role="search"
      aria-label="Filter invoices"
      aria-busy={loading || undefined}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        clearTimeout(timer.current);
        if (keyOf(values) !== addressKey) navigate(values, "push");
      }}
    >
      {params.status ? <input type="hidden" name="status" value={params.status} /> : null}
      <input type="hidden" name="sort" value={params.sort} />
      <input type="hidden" name="dir" value={params.dir} />
      <FilterField id="invoice-search" label="Search" className="min-w-40 flex-1">
        <Input
          id="invoice-search"
          name="q"
          type="search"
          autoComplete="off"
          placeholder="Invoice number or customer name"
          value={values.q}
          onChange={(event) => change({ q: event.target.value }, { typing: true })}
        />
      </FilterField>
      <FilterField id="invoice-customer" label="Customer" className="w-48">
        <InvoiceListCustomerFilter
          id="invoice-customer"
          customers={customers}
          value={values.customer}
          onChange={(customer) => change({ customer })}
        />
      </FilterField>
      <FilterSelect
        id="invoice-currency"
        label="Currency"
        name="currency"
        className="w-24"
        value={values.currency}
        options={currencies.map((currency) => ({ value: currency, label: currency }))}
        onChange={(currency) => change({ currency })}
      />
      <FilterSelect
        id="invoice-payment"
        label="Payment"
        name="payment"
        className="w-36"
        value={values.payment}
        options={PAYMENT_STATUS_FILTERS.map((payment) => ({ value: payment, label: PAYMENT_STATUS_LABELS[payment] }))}
        onChange={(payment) => change({ payment: isPaymentFilter(payment) ? payment : "" })}
      />
      <IssueDateRangeFilter
        fromId="invoice-from"
        toId="invoice-to"
        from={values.from}
        to={values.to}
        onFromChange={(from) => change({ from }, { typing: true })}
        onToChange={(to) => change({ to }, { typing: true })}
      />
      <FilterApplyButton />
    </form>
  );
};
