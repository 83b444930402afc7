// Series formats: the numbers finance sees on documents, and the errors they see when a format is wrong.
import { describe, expect, it } from "vitest";
import { formatSeriesNumber, seriesPreview, validateSeriesFormat, zonedDateParts } from "./format";

const JUNE_28_NOON_UTC = new Date("2024-06-28T12:00:00Z");

describe("formatSeriesNumber", () => {
  it("prints the default invoice series with the month and a padded counter", () => {
    expect(
      formatSeriesNumber({ format: "INV-{YYYY}{MM}-{NNNN}", counter: 52, date: JUNE_28_NOON_UTC, timeZone: "UTC" }),
    ).toBe("INV-202406-0052");
  });

  it("prints a day-stamped Singapore series", () => {
    expect(
      formatSeriesNumber({
        format: "SG-INV-{YYYY}{MM}{DD}-{NNN}",
        counter: 1,
        date: JUNE_28_NOON_UTC,
        timeZone: "Asia/Singapore",
      }),
    ).toBe("SG-INV-20240628-001");
  });

  it("prints a yearly receipt series and a two-digit year", () => {
    expect(
      formatSeriesNumber({ format: "RCP-{YYYY}-{NNNNN}", counter: 7, date: JUNE_28_NOON_UTC, timeZone: "UTC" }),
    ).toBe("RCP-2024-00007");
    expect(
      formatSeriesNumber({ format: "R{YY}/{MM}/{DD}.{N}", counter: 7, date: JUNE_28_NOON_UTC, timeZone: "UTC" }),
    ).toBe("R24/06/28.7");
  });

  it("reads the date in the organisation's time zone, not UTC", () => {
    // 23:30 UTC on 30 June is already 07:30 on 1 July in Singapore.
    const lateJune30 = new Date("2024-06-30T23:30:00Z");
    const format = "INV-{YYYY}{MM}{DD}-{NNNN}";
    expect(formatSeriesNumber({ format, counter: 1, date: lateJune30, timeZone: "UTC" })).toBe("INV-20240630-0001");
    expect(formatSeriesNumber({ format, counter: 1, date: lateJune30, timeZone: "Asia/Singapore" })).toBe(
      "INV-20240701-0001",
    );
  });

  it("moves the year at New Year in the zone", () => {
    // 00:30 on 1 January in London is still 31 December in New York.
    const newYearLondon = new Date("2025-01-01T00:30:00Z");
    const format = "RCP-{YYYY}-{NNNNN}";
    expect(formatSeriesNumber({ format, counter: 3, date: newYearLondon, timeZone: "Europe/London" })).toBe(
      "RCP-2025-00003",
    );
    expect(formatSeriesNumber({ format, counter: 3, date: newYearLondon, timeZone: "America/New_York" })).toBe(
      "RCP-2024-00003",
    );
  });

  it("honours summer time: 23:30 UTC in July is the next day in London", () => {
    expect(zonedDateParts(new Date("2024-07-31T23:30:00Z"), "Europe/London")).toEqual({ year: 2024, month: 8, day: 1 });
  });

  it("prints a counter wider than its padding whole, never truncated", () => {
    const format = "INV-{YYYY}{MM}-{NNNN}";
    expect(formatSeriesNumber({ format, counter: 9999, date: JUNE_28_NOON_UTC, timeZone: "UTC" })).toBe(
      "INV-202406-9999",
    );
    expect(formatSeriesNumber({ format, counter: 10000, date: JUNE_28_NOON_UTC, timeZone: "UTC" })).toBe(
      "INV-202406-10000",
    );
    expect(formatSeriesNumber({ format, counter: 1234567, date: JUNE_28_NOON_UTC, timeZone: "UTC" })).toBe(
      "INV-202406-1234567",
    );
  });

  it("refuses an invalid format, a counter below 1 and an unknown time zone", () => {
    const base = { counter: 1, date: JUNE_28_NOON_UTC, timeZone: "UTC" };
    expect(() => formatSeriesNumber({ ...base, format: "INV-{YYYY}" })).toThrow(/needs one counter/);
    expect(() => formatSeriesNumber({ ...base, format: "INV-{NNN}", counter: 0 })).toThrow(RangeError);
    expect(() => formatSeriesNumber({ ...base, format: "INV-{NNN}", counter: 1.5 })).toThrow(RangeError);
    expect(() => formatSeriesNumber({ ...base, format: "INV-{NNN}", timeZone: "Mars/Olympus" })).toThrow(RangeError);
  });
});

describe("validateSeriesFormat", () => {
  it("accepts the formats finance teams use", () => {
    for (const format of [
      "INV-{YYYY}{MM}-{NNNN}",
      "SG-INV-{YYYY}{MM}{DD}-{NNN}",
      "RS-SEA-{YYYY}-{NNNN}",
      "RCP-{YYYY}-{NNNNN}",
      "{N}",
      "AB_12/{YY}.{NNNNNN}",
    ]) {
      expect(validateSeriesFormat(format), format).toBeNull();
    }
  });

  it("asks for a counter when there is none, and allows only one", () => {
    expect(validateSeriesFormat("INV-{YYYY}{MM}")).toBe("The format needs one counter like {NNNN}.");
    expect(validateSeriesFormat("INV-0001")).toBe("The format needs one counter like {NNNN}.");
    expect(validateSeriesFormat("INV-{NNN}-{NN}")).toBe("The format can have only one counter like {NNNN}.");
  });

  it("names an unknown token", () => {
    expect(validateSeriesFormat("INV-{Q}-{NNNN}")).toBe(
      '"{Q}" is not a token. Use {YYYY}, {YY}, {MM}, {DD} and one counter like {NNNN}.',
    );
    expect(validateSeriesFormat("INV-{yyyy}-{NNNN}")).toMatch(/^"\{yyyy\}" is not a token/);
    expect(validateSeriesFormat("INV-{YYY}-{NNNN}")).toMatch(/^"\{YYY\}" is not a token/);
    expect(validateSeriesFormat("INV-{}-{NNNN}")).toMatch(/^"\{\}" is not a token/);
  });

  it("refuses characters that do not belong in a document number", () => {
    expect(validateSeriesFormat("INV #{NNNN}")).toBe(
      "A space is not allowed in a number. Use letters, digits, - _ / or . between the tokens.",
    );
    expect(validateSeriesFormat("INV#{NNNN}")).toMatch(/^"#" is not allowed/);
    expect(validateSeriesFormat("FAKTÜR-{NNNN}")).toMatch(/^"Ü" is not allowed/);
  });

  it("refuses unbalanced braces", () => {
    expect(validateSeriesFormat("INV-{NNNN")).toBe('A "{" has no closing "}".');
    expect(validateSeriesFormat("INV-{YYYY{NNNN}")).toBe('A "{" has no closing "}".');
    expect(validateSeriesFormat("INV-NNNN}")).toBe('A "}" has no opening "{".');
  });

  it("limits the length to 40 characters and the padding to 12 digits", () => {
    const forty = `${"A".repeat(34)}{NNNN}`;
    expect(forty).toHaveLength(40);
    expect(validateSeriesFormat(forty)).toBeNull();
    expect(validateSeriesFormat(`A${forty}`)).toBe("The format can be at most 40 characters long.");
    expect(validateSeriesFormat(`INV-{${"N".repeat(13)}}`)).toBe("The counter can have at most 12 digits of padding.");
  });

  it("asks for a format when it is empty", () => {
    expect(validateSeriesFormat("")).toMatch(/^Enter a format/);
    expect(validateSeriesFormat("   ")).toMatch(/^Enter a format/);
  });
});

describe("seriesPreview", () => {
  it("shows the number the next document would get", () => {
    expect(
      seriesPreview({ format: "INV-{YYYY}{MM}-{NNNN}", nextNumber: 52, timeZone: "UTC", date: JUNE_28_NOON_UTC }),
    ).toEqual({ ok: true, number: "INV-202406-0052" });
  });

  it("shows why there is no preview", () => {
    expect(seriesPreview({ format: "INV-{Q}", nextNumber: 1, timeZone: "UTC" })).toEqual({
      ok: false,
      error: '"{Q}" is not a token. Use {YYYY}, {YY}, {MM}, {DD} and one counter like {NNNN}.',
    });
    expect(seriesPreview({ format: "INV-{NNNN}", nextNumber: 0, timeZone: "UTC" })).toEqual({
      ok: false,
      error: "The next number must be a whole number of at least 1.",
    });
  });
});
