import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime, startOfMonth, todayIn } from "@/lib/format/date";
import { getOrganization } from "@/lib/organization/queries";
import { summarizeUsage } from "@/lib/usage/queries";

export const metadata: Metadata = { title: "Usage" };

const UsagePage = async () => {
  const user = await requireUser();
  const organization = await getOrganization(user.organizationId);
  const { locale, timeZone } = organization;
  const today = todayIn(timeZone);
  // The calendar month in UTC; usage periods per subscription come with the subscriptions issue.
  const from = startOfMonth(today);
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  const rows = await summarizeUsage({ organizationId: user.organizationId, from, to });
  const monthLabel = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(from);
  return (
    <>
      <PageHeader title="Usage" description={`Events received for ${monthLabel} (UTC), per customer and event name.`} />
      <Table label="Usage this month">
        <thead>
          <tr>
            <Th>Customer</Th>
            <Th>Event</Th>
            <Th align="right">Events</Th>
            <Th>Latest event</Th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <EmptyRow colSpan={4}>No usage events this month. Send events through the usage API.</EmptyRow>
          ) : (
            rows.map((row) => (
              <tr key={`${row.customerId}-${row.eventName}`}>
                <Td>{row.customerName}</Td>
                <Td className="font-mono text-xs">{row.eventName}</Td>
                <Td align="right">{row.events.toLocaleString(locale)}</Td>
                <Td>{formatDateTime(row.lastEventAt, { locale, timeZone })}</Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
    </>
  );
};

export default UsagePage;
