// A meter's quantity per day as a small bar chart, drawn on the server as SVG: a labelled y axis,
// the day of the month under the bars, each bar's exact value on hover, and a title and summary
// for screen readers. Heights are display only; the numbers shown come from the decimal text.
import Decimal from "decimal.js";
import { axisTicks } from "./chart-scale";
import { formatUsageQuantity } from "./usage-format";

type UsageChartProps = {
  series: { day: string; quantity: string }[];
  /** "api_calls per day, June 2024". */
  title: string;
  /** What one unit is, e.g. "api_call" or "hours". */
  unit: string;
  locale: string;
};

const WIDTH = 720;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 8, bottom: 28, left: 56 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;

const dayOfMonth = (day: string) => Number(day.slice(8, 10));

export const UsageChart = ({ series, title, unit, locale }: UsageChartProps) => {
  const values = series.map((point) => new Decimal(point.quantity).toNumber());
  const highestIndex = values.reduce((best, value, index) => (value > values[best]! ? index : best), 0);
  const ticks = axisTicks(values[highestIndex] ?? 0);
  const top = ticks.at(-1)!;
  const band = PLOT_WIDTH / Math.max(series.length, 1);
  const barWidth = Math.max(band * 0.7, 1);
  const y = (value: number) => MARGIN.top + PLOT_HEIGHT - (value / top) * PLOT_HEIGHT;
  const tickLabel = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 2 });
  const dayLabel = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const labelOf = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`));
  const activeDays = values.filter((value) => value > 0).length;
  const highest = series[highestIndex];
  const summary = highest
    ? `Highest: ${formatUsageQuantity(highest.quantity, locale)} ${unit} on ${labelOf(highest.day)}. ${activeDays} of ${series.length} days had usage.`
    : "No days in this period.";
  const titleId = "usage-chart-title";
  const descId = "usage-chart-desc";
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      className="h-auto w-full"
      data-testid="usage-chart"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{summary}</desc>
      {ticks.map((tick) => (
        <g key={tick}>
          <line
            x1={MARGIN.left}
            x2={WIDTH - MARGIN.right}
            y1={y(tick)}
            y2={y(tick)}
            className={tick === 0 ? "stroke-ink-300" : "stroke-ink-100"}
            strokeWidth={1}
          />
          <text x={MARGIN.left - 8} y={y(tick)} dy="0.32em" textAnchor="end" className="fill-ink-600 text-[11px]">
            {tickLabel.format(tick)}
          </text>
        </g>
      ))}
      {series.map((point, index) => {
        const value = values[index]!;
        const x = MARGIN.left + index * band + (band - barWidth) / 2;
        const day = dayOfMonth(point.day);
        const labelled = day === 1 || day % 5 === 0;
        return (
          <g key={point.day}>
            {value > 0 ? (
              <rect
                x={x}
                y={y(value)}
                width={barWidth}
                height={Math.max(MARGIN.top + PLOT_HEIGHT - y(value), 1)}
                rx={1.5}
                className="fill-brand-600"
              >
                <title>{`${labelOf(point.day)}: ${formatUsageQuantity(point.quantity, locale)} ${unit}`}</title>
              </rect>
            ) : null}
            {labelled ? (
              <text
                x={x + barWidth / 2}
                y={HEIGHT - MARGIN.bottom + 16}
                textAnchor="middle"
                className="fill-ink-600 text-[11px]"
              >
                {day}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
};
