"use client";
// The Usage page's filters: meter, calendar month and (optionally) customer. A change applies at
// once and lands in the address; without script the form is a plain GET to the same address.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { InvoiceListCustomerFilter } from "@/components/invoices/invoice-list-customer-filter";
import { Input, Select } from "@/components/ui/field";
import { FilterApplyButton, FilterField } from "@/components/ui/filter-field";
import type { UsageCustomerOption } from "@/lib/usage/queries";
import { isMonth, usageHref, type UsageParams } from "./usage-params";

type UsageFiltersProps = {
  params: UsageParams;
  meters: { id: string; name: string }[];
  customers: UsageCustomerOption[];
};

export const UsageFilters = ({ params, meters, customers }: UsageFiltersProps) => {
  const router = useRouter();
  const [loading, startLoading] = useTransition();
  const [month, setMonth] = useState(params.month);
  const [shownMonth, setShownMonth] = useState(params.month);
  // The month changed in the address (Back, the previous/next links): show it.
  if (params.month !== shownMonth) {
    setShownMonth(params.month);
    setMonth(params.month);
  }

  const go = (changes: Partial<UsageParams>) => startLoading(() => router.push(usageHref({ ...params, ...changes })));

  return (
    <form
      action="/usage"
      method="get"
      role="search"
      aria-label="Filter usage"
      aria-busy={loading || undefined}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (isMonth(month)) go({ month });
      }}
    >
      <FilterField id="usage-meter" label="Meter" className="w-56">
        <Select
          id="usage-meter"
          name="meter"
          value={params.meterId ?? ""}
          onChange={(event) => go({ meterId: event.target.value })}
        >
          {meters.map((meter) => (
            <option key={meter.id} value={meter.id}>
              {meter.name}
            </option>
          ))}
        </Select>
      </FilterField>
      <FilterField id="usage-month" label="Month" className="w-44">
        <Input
          id="usage-month"
          name="month"
          type="month"
          required
          pattern="\d{4}-\d{2}"
          placeholder="2024-06"
          value={month}
          onChange={(event) => {
            setMonth(event.target.value);
            if (isMonth(event.target.value)) go({ month: event.target.value });
          }}
        />
      </FilterField>
      <FilterField id="usage-customer" label="Customer" className="w-56">
        <InvoiceListCustomerFilter
          id="usage-customer"
          customers={customers}
          value={params.customerId ?? ""}
          onChange={(customerId) => go({ customerId: customerId || null })}
        />
      </FilterField>
      <FilterApplyButton />
    </form>
  );
};
