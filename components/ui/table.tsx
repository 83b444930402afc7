// Dense data tables: sticky header, right-aligned tabular amounts, an empty state that says what to do.
import { cn } from "@/lib/cn";

export const Table = ({ children, label }: { children: React.ReactNode; label: string }) => (
  <div className="max-h-[70vh] overflow-auto rounded-lg border border-ink-200 bg-white">
    <table aria-label={label} className="w-full border-collapse text-sm">
      {children}
    </table>
  </div>
);

export const Th = ({
  children,
  align = "left",
  className,
  sort,
}: {
  children?: React.ReactNode;
  align?: "left" | "right";
  className?: string;
  /** The column the rows are sorted by, and which way. */
  sort?: "ascending" | "descending";
}) => (
  <th
    scope="col"
    aria-sort={sort}
    className={cn(
      "sticky top-0 z-10 border-b border-ink-200 bg-ink-50 px-3 py-2 text-xs font-semibold tracking-wide text-ink-600 uppercase",
      align === "right" ? "text-right" : "text-left",
      className,
    )}
  >
    {children}
  </th>
);

export const Td = ({
  children,
  align = "left",
  className,
}: {
  children?: React.ReactNode;
  align?: "left" | "right";
  className?: string;
}) => (
  <td
    className={cn(
      "border-b border-ink-100 px-3 py-2 align-middle",
      align === "right" ? "tabular text-right" : "",
      className,
    )}
  >
    {children}
  </td>
);

export const EmptyRow = ({ colSpan, children }: { colSpan: number; children: React.ReactNode }) => (
  <tr>
    <td colSpan={colSpan} className="px-3 py-10 text-center text-sm text-ink-600">
      {children}
    </td>
  </tr>
);
