"use client";
// What finance can do to a customer from its page: edit, archive (behind a confirm dialog that
// says what happens) or restore. Viewers are not shown this component at all.
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { archiveCustomer, restoreCustomer } from "@/lib/customers/actions";
import type { CustomerStatus } from "@/lib/db/generated/enums";

type CustomerActionsProps = {
  customer: { id: string; name: string; status: CustomerStatus };
  archiveAction: typeof archiveCustomer;
  restoreAction: typeof restoreCustomer;
};

export const CustomerActions = ({ customer, archiveAction, restoreAction }: CustomerActionsProps) => {
  const { notify } = useToast();
  const [restoring, setRestoring] = useState(false);

  const archive = async () => {
    const result = await archiveAction({ customerId: customer.id });
    if (!result.ok) {
      notify(result.error, "error");
      return false;
    }
    notify(`${customer.name} archived`);
  };

  const restore = async () => {
    setRestoring(true);
    try {
      const result = await restoreAction({ customerId: customer.id });
      notify(result.ok ? `${customer.name} restored` : result.error, result.ok ? "success" : "error");
    } finally {
      setRestoring(false);
    }
  };

  return (
    <>
      <Button asChild variant="secondary">
        <Link href={`/customers/${customer.id}/edit`}>Edit</Link>
      </Button>
      {customer.status === "active" ? (
        <ConfirmDialog
          trigger={<Button variant="secondary">Archive</Button>}
          title={`Archive ${customer.name}?`}
          description="It stays on its invoices and can be restored."
          confirmLabel="Archive customer"
          onConfirm={archive}
        />
      ) : (
        <Button variant="secondary" disabled={restoring} onClick={restore}>
          {restoring ? "Restoring…" : "Restore"}
        </Button>
      )}
    </>
  );
};
