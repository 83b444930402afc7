// The tokens a series format may use and the product docs' examples with the numbers they print,
// kept in view wherever a format is typed or read.
import { formatSeriesNumber } from "@/lib/numbering/format";
import { SERIES_EXAMPLE_DATE, SERIES_FORMAT_EXAMPLES } from "@/lib/numbering/schemas";

export const NumberingFormatHelp = ({ id }: { id?: string }) => (
  <div id={id} className="flex flex-col gap-3 text-sm text-ink-700">
    <p>
      Tokens: <code className="font-mono text-ink-900">{"{YYYY}"}</code> year,{" "}
      <code className="font-mono text-ink-900">{"{YY}"}</code> two-digit year,{" "}
      <code className="font-mono text-ink-900">{"{MM}"}</code> month,{" "}
      <code className="font-mono text-ink-900">{"{DD}"}</code> day, and one counter such as{" "}
      <code className="font-mono text-ink-900">{"{NNNN}"}</code>: the number of N is the padding. Between them: letters,
      digits, - _ / and . only. The date is the day the document is numbered, in your organisation&apos;s time zone.
    </p>
    <div className="overflow-x-auto">
      <table aria-label="Format examples" className="w-full border-collapse text-left">
        <thead>
          <tr className="text-xs text-ink-600">
            <th scope="col" className="py-1 pr-3 font-medium">
              Format
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Prints (28 June 2024)
            </th>
            <th scope="col" className="py-1 font-medium">
              Used for
            </th>
          </tr>
        </thead>
        <tbody>
          {SERIES_FORMAT_EXAMPLES.map((example) => (
            <tr key={example.format} className="border-t border-ink-100">
              <td className="py-1 pr-3 font-mono text-xs whitespace-nowrap text-ink-900">{example.format}</td>
              <td className="py-1 pr-3 font-mono text-xs whitespace-nowrap text-ink-900">
                {formatSeriesNumber({
                  format: example.format,
                  counter: example.counter,
                  date: SERIES_EXAMPLE_DATE,
                  timeZone: "UTC",
                })}
              </td>
              <td className="py-1 text-xs">{example.purpose}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </div>
);
