"use client";
// Archive or unarchive a plan behind a confirm dialog that says what happens to its subscriptions.
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { archivePlan, unarchivePlan } from "@/lib/catalogue/actions";

type ArchivePlanButtonProps = {
  plan: { id: string; name: string; archived: boolean; activeSubscriptions: number };
  archiveAction: typeof archivePlan;
  unarchiveAction: typeof unarchivePlan;
};

export const ArchivePlanButton = ({ plan, archiveAction, unarchiveAction }: ArchivePlanButtonProps) => {
  const { notify } = useToast();
  const run = async () => {
    const result = plan.archived
      ? await unarchiveAction({ planId: plan.id })
      : await archiveAction({ planId: plan.id });
    if (!result.ok) {
      notify(result.error, "error");
      return false;
    }
    // The action revalidates this page, so the status changes without a reload.
    notify(plan.archived ? `${result.data.name} is available for new subscriptions` : `Archived ${result.data.name}`);
  };
  if (plan.archived) {
    return (
      <ConfirmDialog
        trigger={<Button variant="secondary">Unarchive</Button>}
        title={`Unarchive ${plan.name}?`}
        description={`New subscriptions can start on ${plan.name} again.`}
        confirmLabel="Unarchive"
        tone="primary"
        onConfirm={run}
      />
    );
  }
  const existing =
    plan.activeSubscriptions === 0
      ? "It has no active subscriptions."
      : `Its ${plan.activeSubscriptions} active subscription${plan.activeSubscriptions === 1 ? "" : "s"} continue and keep being billed.`;
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">Archive</Button>}
      title={`Archive ${plan.name}?`}
      description={`No new subscriptions can start on ${plan.name}. ${existing} You can unarchive it later.`}
      confirmLabel="Archive plan"
      onConfirm={run}
    />
  );
};
