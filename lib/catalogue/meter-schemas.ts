// What the meter form sends and the meter actions accept: one zod schema shared by the browser
// (zodResolver) and the server, so both refuse the same input in the same words at the same field
// ("filters.2.value"). No I/O.
import type { Path } from "react-hook-form";
import { z } from "zod";
import type { MeterAggregation } from "@/lib/db/generated/enums";
import { idSchema, readText, reportIssues, type Issue } from "./schema-helpers";

export const METER_AGGREGATIONS = [
  "count",
  "sum",
  "max",
  "unique_count",
] as const satisfies readonly MeterAggregation[];

export const METER_AGGREGATION_LABELS: Record<MeterAggregation, string> = {
  count: "Count of events",
  sum: "Sum of a property",
  max: "Maximum of a property",
  unique_count: "Unique count of a property",
};

export const METER_NAME_MAX_LENGTH = 80;
export const EVENT_NAME_MAX_LENGTH = 120;
export const PROPERTY_MAX_LENGTH = 120;
export const FILTER_VALUE_MAX_LENGTH = 200;
export const MAX_METER_FILTERS = 10;

const meterFields = z.object({
  name: z.string(),
  eventName: z.string(),
  aggregation: z.enum(METER_AGGREGATIONS, "Choose how events are counted"),
  property: z.string(),
  filters: z.array(z.object({ key: z.string(), value: z.string() })),
});

export type MeterInput = {
  name: string;
  eventName: string;
  aggregation: MeterAggregation;
  /** Null for a count. */
  property: string | null;
  /** Null when the meter counts every event of its name. */
  filters: Record<string, string> | null;
};

const readFilters = (issues: Issue[], rows: { key: string; value: string }[]): Record<string, string> | null => {
  // A row left completely blank is an unused row of the editor, not a filter.
  const used = rows.map((row, index) => ({ index, key: row.key.trim(), value: row.value.trim() }));
  const filled = used.filter((row) => row.key !== "" || row.value !== "");
  if (filled.length > MAX_METER_FILTERS) {
    issues.push({ path: ["filters"], message: `A meter can have at most ${MAX_METER_FILTERS} filters` });
  }
  // A Map, then fromEntries: a key such as "__proto__" stays a plain property.
  const filters = new Map<string, string>();
  const seen = new Set<string>();
  for (const row of filled) {
    if (row.key === "") {
      issues.push({ path: ["filters", row.index, "key"], message: "Enter the property to filter on" });
      continue;
    }
    if (row.key.length > PROPERTY_MAX_LENGTH) {
      issues.push({
        path: ["filters", row.index, "key"],
        message: `A property name can be at most ${PROPERTY_MAX_LENGTH} characters`,
      });
      continue;
    }
    if (seen.has(row.key)) {
      issues.push({ path: ["filters", row.index, "key"], message: `There is already a filter on ${row.key}` });
      continue;
    }
    seen.add(row.key);
    if (row.value === "") {
      issues.push({ path: ["filters", row.index, "value"], message: `Enter the value ${row.key} must have` });
      continue;
    }
    if (row.value.length > FILTER_VALUE_MAX_LENGTH) {
      issues.push({
        path: ["filters", row.index, "value"],
        message: `A value can be at most ${FILTER_VALUE_MAX_LENGTH} characters`,
      });
      continue;
    }
    filters.set(row.key, row.value);
  }
  return filters.size === 0 ? null : Object.fromEntries(filters);
};

const readMeter = (values: z.output<typeof meterFields>, issues: Issue[]): MeterInput => {
  const name = readText(issues, {
    text: values.name,
    path: ["name"],
    label: "A name",
    empty: "Name the meter, for example api_calls",
    max: METER_NAME_MAX_LENGTH,
  });
  const eventName = readText(issues, {
    text: values.eventName,
    path: ["eventName"],
    label: "An event name",
    empty: "Enter the event name the API sends, for example api_call",
    max: EVENT_NAME_MAX_LENGTH,
  });
  let property: string | null = null;
  if (values.aggregation !== "count") {
    property = readText(issues, {
      text: values.property,
      path: ["property"],
      label: "A property name",
      empty: `Enter the property to ${values.aggregation === "unique_count" ? "count unique values of" : values.aggregation}, for example hours`,
      max: PROPERTY_MAX_LENGTH,
    });
  }
  const filters = readFilters(issues, values.filters);
  return { name, eventName, aggregation: values.aggregation, property, filters };
};

/** Adding a meter: text as typed in, a MeterInput out (property null for a count). */
export const createMeterSchema = meterFields.transform((values, context): MeterInput => {
  const issues: Issue[] = [];
  const meter = readMeter(values, issues);
  return issues.length > 0 ? reportIssues(issues, context) : meter;
});

export const updateMeterSchema = meterFields
  .extend({ meterId: idSchema })
  .transform((values, context): MeterInput & { meterId: string } => {
    const issues: Issue[] = [];
    const meter = readMeter(values, issues);
    return issues.length > 0 ? reportIssues(issues, context) : { ...meter, meterId: values.meterId };
  });

export type MeterFormValues = z.input<typeof createMeterSchema>;
export type UpdateMeterInput = z.output<typeof updateMeterSchema>;

const METER_SCALAR_FIELDS = ["name", "eventName", "aggregation", "property", "filters"] as const;

/** Every field an error may land on, for applyServerErrors. */
export const meterFieldPaths = (filterCount: number): Path<MeterFormValues>[] => [
  ...METER_SCALAR_FIELDS,
  ...Array.from({ length: filterCount }, (_, index) =>
    (["key", "value"] as const).map((field) => `filters.${index}.${field}` as const),
  ).flat(),
];
