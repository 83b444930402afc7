import { describe, expect, it } from "vitest";
import { firstPeriod, subscriptionStart } from "./first-period";

const utc = (text: string) => new Date(`${text}T00:00:00.000Z`);
const iso = (period: { start: Date; end: Date }) => [period.start.toISOString(), period.end.toISOString()];

describe("firstPeriod", () => {
  it("runs one interval from the start when the anchor is the start", () => {
    expect(
      firstPeriod({
        startDate: utc("2026-01-31"),
        billingAnchor: utc("2026-01-31"),
        interval: "month",
        timeZone: "UTC",
      }),
    ).toEqual({ start: utc("2026-01-31"), end: utc("2026-02-28") });
    expect(
      firstPeriod({
        startDate: utc("2024-02-29"),
        billingAnchor: utc("2024-02-29"),
        interval: "year",
        timeZone: "UTC",
      }),
    ).toEqual({ start: utc("2024-02-29"), end: utc("2025-02-28") });
  });

  it("starts at the start date and ends at the anchor when the anchor comes later", () => {
    expect(
      firstPeriod({
        startDate: utc("2026-01-15"),
        billingAnchor: utc("2026-02-01"),
        interval: "month",
        timeZone: "UTC",
      }),
    ).toEqual({ start: utc("2026-01-15"), end: utc("2026-02-01") });
  });

  it("uses the anchor's cycle when the anchor is earlier than the start", () => {
    // Anchored on the 31st: the period holding Apr 10 runs Mar 31 -> Apr 30; the first one begins Apr 10.
    expect(
      firstPeriod({
        startDate: utc("2026-04-10"),
        billingAnchor: utc("2025-12-31"),
        interval: "month",
        timeZone: "UTC",
      }),
    ).toEqual({ start: utc("2026-04-10"), end: utc("2026-04-30") });
  });

  it("begins a period exactly on an anchor boundary at that boundary", () => {
    expect(
      firstPeriod({
        startDate: utc("2026-03-01"),
        billingAnchor: utc("2026-01-01"),
        interval: "month",
        timeZone: "UTC",
      }),
    ).toEqual({ start: utc("2026-03-01"), end: utc("2026-04-01") });
  });
});

describe("subscriptionStart", () => {
  it("starts a London subscription made in summer at midnight BST, 23:00 UTC the day before", () => {
    const started = subscriptionStart({
      startDate: utc("2026-07-15"),
      billingAnchor: utc("2026-07-15"),
      interval: "month",
      timeZone: "Europe/London",
    });
    expect(started.startDate.toISOString()).toBe("2026-07-14T23:00:00.000Z");
    expect(started.billingAnchor.toISOString()).toBe("2026-07-14T23:00:00.000Z");
    expect(iso(started.period)).toEqual(["2026-07-14T23:00:00.000Z", "2026-08-14T23:00:00.000Z"]);
  });

  it("starts a Singapore subscription at midnight there, 16:00 UTC the day before", () => {
    const started = subscriptionStart({
      startDate: utc("2026-01-31"),
      billingAnchor: utc("2026-01-31"),
      interval: "month",
      timeZone: "Asia/Singapore",
    });
    // Anchored on the 31st: February's period ends at midnight on the 28th in Singapore.
    expect(iso(started.period)).toEqual(["2026-01-30T16:00:00.000Z", "2026-02-27T16:00:00.000Z"]);
  });

  it("ends a short first period at the anchor's midnight, across the spring clock change", () => {
    // London goes to BST on 29 March 2026: the period starts at midnight GMT, ends at midnight BST.
    const started = subscriptionStart({
      startDate: utc("2026-03-15"),
      billingAnchor: utc("2026-04-01"),
      interval: "month",
      timeZone: "Europe/London",
    });
    expect(iso(started.period)).toEqual(["2026-03-15T00:00:00.000Z", "2026-03-31T23:00:00.000Z"]);
  });

  it("keeps a yearly London anchor at midnight in winter and summer alike", () => {
    const started = subscriptionStart({
      startDate: utc("2026-06-01"),
      billingAnchor: utc("2026-01-01"),
      interval: "year",
      timeZone: "Europe/London",
    });
    expect(iso(started.period)).toEqual(["2026-05-31T23:00:00.000Z", "2027-01-01T00:00:00.000Z"]);
  });

  it("is the UTC calendar in UTC", () => {
    const started = subscriptionStart({
      startDate: utc("2026-07-15"),
      billingAnchor: utc("2026-07-15"),
      interval: "month",
      timeZone: "UTC",
    });
    expect(iso(started.period)).toEqual(["2026-07-15T00:00:00.000Z", "2026-08-15T00:00:00.000Z"]);
  });
});
