// Number series formats ("INV-{YYYY}{MM}-{NNNN}"): checking what finance typed, and printing the
// number a counter value gets on a given date in the organisation's time zone. Pure, no I/O.

export const MAX_SERIES_FORMAT_LENGTH = 40;
// Wider counters than this are a typo ({NNNNNNNNNNNNNNNN}), not a numbering policy.
export const MAX_COUNTER_PADDING = 12;

export const DATE_TOKENS = ["YYYY", "YY", "MM", "DD"] as const;
export type DateToken = (typeof DATE_TOKENS)[number];

export type SeriesFormatPart =
  { kind: "literal"; text: string } | { kind: "date"; token: DateToken } | { kind: "counter"; padding: number };

type ParseResult = { ok: true; parts: SeriesFormatPart[] } | { ok: false; error: string };

// Numbers end up in file names, URLs, bank references and accounting exports: keep them plain.
const LITERAL_CHARACTER = /^[A-Za-z0-9\-_/.]$/;
const COUNTER_TOKEN = /^N+$/;
const TOKEN_LIST = "{YYYY}, {YY}, {MM}, {DD} and one counter like {NNNN}";

const isDateToken = (text: string): text is DateToken => (DATE_TOKENS as readonly string[]).includes(text);

const describeCharacter = (char: string): string => (char === " " ? "A space" : `"${char}"`);

const parseToken = (token: string): SeriesFormatPart | string => {
  if (isDateToken(token)) return { kind: "date", token };
  if (COUNTER_TOKEN.test(token)) {
    if (token.length > MAX_COUNTER_PADDING) {
      return `The counter can have at most ${MAX_COUNTER_PADDING} digits of padding.`;
    }
    return { kind: "counter", padding: token.length };
  }
  if (token === "") return `"{}" is not a token. Use ${TOKEN_LIST}.`;
  return `"{${token}}" is not a token. Use ${TOKEN_LIST}.`;
};

const parseSeriesFormat = (format: string): ParseResult => {
  const parts: SeriesFormatPart[] = [];
  let literal = "";
  const flushLiteral = () => {
    if (literal) parts.push({ kind: "literal", text: literal });
    literal = "";
  };

  for (let index = 0; index < format.length; index++) {
    const char = format[index]!;
    if (char === "}") return { ok: false, error: `A "}" has no opening "{".` };
    if (char !== "{") {
      if (!LITERAL_CHARACTER.test(char)) {
        return {
          ok: false,
          error: `${describeCharacter(char)} is not allowed in a number. Use letters, digits, - _ / or . between the tokens.`,
        };
      }
      literal += char;
      continue;
    }
    const close = format.indexOf("}", index + 1);
    const nextOpen = format.indexOf("{", index + 1);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      return { ok: false, error: `A "{" has no closing "}".` };
    }
    const part = parseToken(format.slice(index + 1, close));
    if (typeof part === "string") return { ok: false, error: part };
    flushLiteral();
    parts.push(part);
    index = close;
  }
  flushLiteral();
  return { ok: true, parts };
};

const checkSeriesFormat = (format: string): ParseResult => {
  if (format.trim() === "") return { ok: false, error: "Enter a format, for example INV-{YYYY}{MM}-{NNNN}." };
  if (format.length > MAX_SERIES_FORMAT_LENGTH) {
    return { ok: false, error: `The format can be at most ${MAX_SERIES_FORMAT_LENGTH} characters long.` };
  }
  const parsed = parseSeriesFormat(format);
  if (!parsed.ok) return parsed;
  const counters = parsed.parts.filter((part) => part.kind === "counter").length;
  if (counters === 0) return { ok: false, error: "The format needs one counter like {NNNN}." };
  if (counters > 1) return { ok: false, error: "The format can have only one counter like {NNNN}." };
  return parsed;
};

/** Why a series format cannot be used, in a finance user's words, or null when it is fine. */
export const validateSeriesFormat = (format: string): string | null => {
  const checked = checkSeriesFormat(format);
  return checked.ok ? null : checked.error;
};

const parseValidFormat = (format: string): SeriesFormatPart[] => {
  const checked = checkSeriesFormat(format);
  if (!checked.ok) throw new RangeError(`Invalid number series format "${format}": ${checked.error}`);
  return checked.parts;
};

// Building an Intl.DateTimeFormat is far slower than using one; series format many numbers.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const dateFormatter = (timeZone: string): Intl.DateTimeFormat => {
  const cached = dateFormatters.get(timeZone);
  if (cached) return cached;
  // Throws RangeError for an unknown zone, which is what a caller with a bad setting should see.
  const created = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    calendar: "gregory",
    numberingSystem: "latn",
  });
  dateFormatters.set(timeZone, created);
  return created;
};

/** The calendar date an instant falls on in a time zone: the date that decides the number. */
export const zonedDateParts = (date: Date, timeZone: string): { year: number; month: number; day: number } => {
  const parts = dateFormatter(timeZone).formatToParts(date);
  const read = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return { year: read("year"), month: read("month"), day: read("day") };
};

const padded = (value: number, width: number): string => String(value).padStart(width, "0");

export type FormatSeriesNumberInput = {
  format: string;
  /** The series' counter value this document takes (its nextNumber at finalization). */
  counter: number;
  /** The moment the number is assigned; its date parts are read in timeZone. */
  date: Date;
  /** IANA zone, normally the organisation's ("Europe/London"). */
  timeZone: string;
};

/** The number a document gets: INV-{YYYY}{MM}-{NNNN}, counter 52, 28 June 2024 -> INV-202406-0052. */
export const formatSeriesNumber = ({ format, counter, date, timeZone }: FormatSeriesNumberInput): string => {
  if (!Number.isSafeInteger(counter) || counter < 1) {
    throw new RangeError(`A series counter must be a whole number from 1, got ${counter}`);
  }
  const parts = parseValidFormat(format);
  const { year, month, day } = zonedDateParts(date, timeZone);
  return parts
    .map((part) => {
      switch (part.kind) {
        case "literal":
          return part.text;
        // A counter wider than its padding is printed whole: truncating would reuse numbers.
        case "counter":
          return padded(counter, part.padding);
        case "date":
          switch (part.token) {
            case "YYYY":
              return padded(year, 4);
            case "YY":
              return padded(year % 100, 2);
            case "MM":
              return padded(month, 2);
            case "DD":
              return padded(day, 2);
            default: {
              const unknown: never = part.token;
              throw new Error(`Unhandled date token ${String(unknown)}`);
            }
          }
        default: {
          const unknown: never = part;
          throw new Error(`Unhandled format part ${JSON.stringify(unknown)}`);
        }
      }
    })
    .join("");
};

export type SeriesPreviewInput = {
  format: string;
  nextNumber: number;
  timeZone: string;
  /** Default now: the preview shows the number a document finalized today would get. */
  date?: Date;
};

export type SeriesPreview = { ok: true; number: string } | { ok: false; error: string };

/** What the series form shows under the format field: the next number, or why there is none. */
export const seriesPreview = ({
  format,
  nextNumber,
  timeZone,
  date = new Date(),
}: SeriesPreviewInput): SeriesPreview => {
  const error = validateSeriesFormat(format);
  if (error) return { ok: false, error };
  if (!Number.isSafeInteger(nextNumber) || nextNumber < 1) {
    return { ok: false, error: "The next number must be a whole number of at least 1." };
  }
  return { ok: true, number: formatSeriesNumber({ format, counter: nextNumber, date, timeZone }) };
};
