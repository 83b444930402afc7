// Events sent through the events API, read back as the Usage page reads them: a calendar month in
// the organisation's time zone (not UTC's), per day and per customer, with or without a customer.
import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { setUpActionTests } from "./action-harness";
import { makeCustomer, makeOrganization } from "./invoice-fixtures";
import { event, makeApiKey, send } from "./usage-ingest-fixtures";

const harness = setUpActionTests();

const loadQueries = () => import("@/lib/usage/queries");

const makeMeter = async (
  organizationId: string,
  values: { name: string; eventName: string; aggregation: "count" | "sum"; property?: string },
) =>
  harness.db.meter.create({
    data: { id: newId("meter"), organizationId, property: null, ...values },
  });

describe("the Usage page's report", () => {
  it("counts a month in the organisation's zone, per day and per customer, and narrows to one customer", async () => {
    const actor = await makeOrganization(harness.db, { timeZone: "Asia/Singapore" });
    const { key } = await makeApiKey(harness.db, actor);
    const acme = await makeCustomer(harness.db, actor, { name: "Acme" });
    const globex = await makeCustomer(harness.db, actor, { name: "Globex" });
    const calls = await makeMeter(actor.organizationId, {
      name: "api_calls",
      eventName: "api_call",
      aggregation: "count",
    });
    const hours = await makeMeter(actor.organizationId, {
      name: "compute_hours",
      eventName: "compute_job",
      aggregation: "sum",
      property: "hours",
    });
    const answer = await send(
      "bulk",
      {
        events: [
          // 31 May 16:30 UTC is 1 June 00:30 in Singapore: June.
          event(acme.externalId, { timestamp: "2024-05-31T16:30:00Z" }),
          // 30 June 15:59 UTC is 30 June 23:59 there: still June.
          event(acme.externalId, { timestamp: "2024-06-30T15:59:00Z" }),
          // 30 June 16:00 UTC is 1 July 00:00 there: July.
          event(acme.externalId, { timestamp: "2024-06-30T16:00:00Z" }),
          event(globex.externalId, { timestamp: "2024-06-15T04:00:00+08:00" }),
          event(globex.externalId, { timestamp: "2024-06-15T05:00:00+08:00" }),
          event(globex.externalId, { timestamp: "2024-06-16T09:00:00+08:00" }),
          event(acme.externalId, {
            event_name: "compute_job",
            properties: { hours: 1.25 },
            timestamp: "2024-06-02T00:00:00Z",
          }),
          event(acme.externalId, {
            event_name: "compute_job",
            properties: { hours: "2.5" },
            timestamp: "2024-06-03T00:00:00Z",
          }),
        ],
      },
      { key },
    );
    expect(answer.body).toMatchObject({ accepted: 8, errors: [] });

    const { getUsageReport, listUsageMeters } = await loadQueries();
    const meters = await listUsageMeters(actor.organizationId, harness.db);
    expect(meters.map((meter) => meter.name)).toEqual(["api_calls", "compute_hours"]);
    const callsMeter = meters.find((meter) => meter.id === calls.id)!;
    const june = await getUsageReport(
      { organizationId: actor.organizationId, meter: callsMeter, month: "2024-06", timeZone: "Asia/Singapore" },
      harness.db,
    );
    expect(june.period).toEqual({
      start: new Date("2024-05-31T16:00:00Z"),
      end: new Date("2024-06-30T16:00:00Z"),
    });
    expect(june.series).toHaveLength(30);
    const byDay = Object.fromEntries(
      june.series.filter((point) => point.quantity !== "0").map((p) => [p.day, p.quantity]),
    );
    expect(byDay).toEqual({ "2024-06-01": "1", "2024-06-15": "2", "2024-06-16": "1", "2024-06-30": "1" });
    expect(june.customers).toEqual([
      { customerId: globex.id, customerName: "Globex", externalId: globex.externalId, quantity: "3", events: 3 },
      { customerId: acme.id, customerName: "Acme", externalId: acme.externalId, quantity: "2", events: 2 },
    ]);
    expect(june.total).toBe("5");
    expect(june.customerCount).toBe(2);

    const acmeOnly = await getUsageReport(
      {
        organizationId: actor.organizationId,
        meter: callsMeter,
        month: "2024-06",
        timeZone: "Asia/Singapore",
        customerId: acme.id,
      },
      harness.db,
    );
    expect(acmeOnly.customers.map((row) => row.customerName)).toEqual(["Acme"]);
    expect(acmeOnly.series.filter((point) => point.quantity !== "0").map((point) => point.day)).toEqual([
      "2024-06-01",
      "2024-06-30",
    ]);

    const hoursReport = await getUsageReport(
      {
        organizationId: actor.organizationId,
        meter: meters.find((meter) => meter.id === hours.id)!,
        month: "2024-06",
        timeZone: "Asia/Singapore",
      },
      harness.db,
    );
    expect(hoursReport.customers).toMatchObject([{ customerId: acme.id, quantity: "3.75", events: 2 }]);
  });

  it("never shows another organisation's usage", async () => {
    const actor = await makeOrganization(harness.db);
    const other = await makeOrganization(harness.db, { name: "Elsewhere" });
    const { key } = await makeApiKey(harness.db, other);
    const theirs = await makeCustomer(harness.db, other);
    await send("single", event(theirs.externalId, { timestamp: "2024-06-10T10:00:00Z" }), { key });
    const meter = await makeMeter(actor.organizationId, {
      name: "api_calls",
      eventName: "api_call",
      aggregation: "count",
    });
    const { getUsageReport, listUsageMeters } = await loadQueries();
    expect(await listUsageMeters(other.organizationId, harness.db)).toEqual([]);
    const report = await getUsageReport(
      {
        organizationId: actor.organizationId,
        meter: { ...meter, filters: null },
        month: "2024-06",
        timeZone: "Europe/London",
        customerId: theirs.id,
      },
      harness.db,
    );
    expect(report.customers).toEqual([]);
    expect(report.series.every((point) => point.quantity === "0")).toBe(true);
  });
});
