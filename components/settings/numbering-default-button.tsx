"use client";
// "Make default" on a series row, behind a confirm dialog that says which documents will be
// numbered from it. The server switches the default under a lock, so exactly one remains.
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { NumberSeriesKind } from "@/lib/db/generated/enums";
import type { makeDefaultNumberSeries } from "@/lib/numbering/actions";
import { SERIES_KIND_NOUNS } from "@/lib/numbering/schemas";

type NumberingDefaultButtonProps = {
  series: { id: string; kind: NumberSeriesKind; name: string; format: string; preview: string | null };
  currentDefault: string | null;
  action: typeof makeDefaultNumberSeries;
};

const whoUsesIt = (kind: NumberSeriesKind) =>
  kind === "invoice"
    ? "New invoices that name no series, for customers without a series of their own,"
    : "Receipts for new payments";

export const NumberingDefaultButton = ({ series, currentDefault, action }: NumberingDefaultButtonProps) => {
  const { notify } = useToast();
  const noun = SERIES_KIND_NOUNS[series.kind];
  const startsAt = series.preview ? `, starting at ${series.preview}` : "";
  const replaces = currentDefault ? ` The current default, ${currentDefault}, keeps its counter.` : "";

  const makeDefault = async () => {
    const result = await action({ seriesId: series.id });
    if (!result.ok) {
      notify(result.error, "error");
      return false;
    }
    // The action revalidates this page, so the badge moves without a reload.
    notify(`${result.data.name} is now the default ${noun} series`);
  };

  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="secondary" aria-label={`Make ${series.name} the default ${noun} series`}>
          Make default
        </Button>
      }
      title={`Make ${series.name} the default ${noun} series?`}
      description={`${whoUsesIt(series.kind)} will be numbered ${series.format}${startsAt}.${replaces}`}
      confirmLabel="Make default"
      tone="primary"
      onConfirm={makeDefault}
    />
  );
};
