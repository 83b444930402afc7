"use client";
// What finance can do to a subscription in its state: edit it, cancel it at the period's end (and
// undo that) or now, each behind a confirm dialog that says what will happen. "Bill now" is the
// billing feature's button, passed in by the page.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { cancelSubscription, resumeSubscription } from "@/lib/subscriptions/actions";
import type { SubscriptionDisplayStatus } from "@/lib/subscriptions/status";

type SubscriptionActionsProps = {
  subscription: {
    id: string;
    status: SubscriptionDisplayStatus;
    /** "Bluefin Retail's Partner Starter subscription". */
    label: string;
    /** The current period's end, as the page shows it ("Dec 1, 2026"). */
    periodEndText: string;
  };
  actions: { cancel: typeof cancelSubscription; resume: typeof resumeSubscription };
  billNow: React.ReactNode;
};

export const SubscriptionActions = ({ subscription, actions, billNow }: SubscriptionActionsProps) => {
  const router = useRouter();
  const { notify } = useToast();

  // Returns false to keep the dialog open when the server refuses (its reason shows as a toast).
  const run = async (call: () => ReturnType<typeof actions.cancel>, done: string) => {
    const result = await call();
    if (!result.ok) {
      notify(result.error, "error");
      return false;
    }
    notify(done);
    router.refresh();
    return true;
  };

  if (subscription.status === "canceled") return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {billNow}
      <Button asChild variant="secondary">
        <Link href={`/subscriptions/${subscription.id}/edit`}>Edit</Link>
      </Button>
      {subscription.status === "canceling" ? (
        <ConfirmDialog
          trigger={<Button variant="secondary">Keep subscription</Button>}
          title="Keep this subscription?"
          description={`${subscription.label} will no longer end on ${subscription.periodEndText}; it renews as before.`}
          confirmLabel="Keep subscription"
          dismissLabel="Go back"
          tone="primary"
          onConfirm={() =>
            run(() => actions.resume({ subscriptionId: subscription.id }), "The subscription no longer cancels")
          }
        />
      ) : (
        <ConfirmDialog
          trigger={<Button variant="secondary">Cancel at period end</Button>}
          title="Cancel at the end of the period?"
          description={`${subscription.label} ends on ${subscription.periodEndText}, after its current period is billed. You can undo this until then.`}
          confirmLabel="Cancel at period end"
          dismissLabel="Keep subscription"
          tone="primary"
          onConfirm={() =>
            run(
              () => actions.cancel({ subscriptionId: subscription.id, when: "period_end" }),
              `The subscription cancels on ${subscription.periodEndText}`,
            )
          }
        />
      )}
      <ConfirmDialog
        trigger={<Button variant="danger">Cancel now</Button>}
        title="Cancel this subscription now?"
        description={`${subscription.label} ends at this moment. Its current period is cut short here and billed up to now by the billing job. This cannot be undone: to resume, create a new subscription.`}
        confirmLabel="Cancel now"
        dismissLabel="Keep subscription"
        onConfirm={() =>
          run(() => actions.cancel({ subscriptionId: subscription.id, when: "now" }), "The subscription is canceled")
        }
      />
    </div>
  );
};
