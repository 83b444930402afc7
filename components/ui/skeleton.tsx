// Grey placeholders while part of a page loads, shaped like what is coming.
import { cn } from "@/lib/cn";

export const SkeletonBlock = ({ className }: { className: string }) => (
  <div aria-hidden className={cn("animate-pulse rounded-md bg-ink-200", className)} />
);

export const TableSkeleton = ({ label, rows = 8 }: { label: string; rows?: number }) => (
  <div className="rounded-lg border border-ink-200 bg-white p-3" role="status" aria-label={label}>
    <SkeletonBlock className="mb-3 h-5 w-full" />
    {Array.from({ length: rows }, (_, index) => (
      <SkeletonBlock key={index} className="mb-2 h-7 w-full" />
    ))}
  </div>
);
