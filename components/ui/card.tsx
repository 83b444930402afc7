import { cn } from "@/lib/cn";

export const Card = ({
  title,
  children,
  className,
  actions,
}: {
  title?: string;
  children: React.ReactNode;
  className?: string;
  actions?: React.ReactNode;
}) => (
  <section className={cn("rounded-lg border border-ink-200 bg-white", className)}>
    {title ? (
      <header className="flex items-center justify-between border-b border-ink-100 px-4 py-3">
        <h2 className="text-sm font-semibold text-ink-900">{title}</h2>
        {actions}
      </header>
    ) : null}
    <div className="p-4">{children}</div>
  </section>
);

export const PageHeader = ({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: React.ReactNode;
}) => (
  <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
    <div>
      <h1 className="text-xl font-semibold text-ink-900">{title}</h1>
      {description ? <p className="mt-1 text-sm text-ink-600">{description}</p> : null}
    </div>
    {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
  </div>
);
