"use client";
// The address the customer opens the invoice at (/i/<token>), to copy into an email, and a way to
// replace it when it went to the wrong person: the old address stops working at once.
import { useRouter } from "next/navigation";
import { CustomerLinkCard } from "@/components/documents/customer-link-card";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { rotateInvoiceLink } from "@/lib/invoices/actions";

type InvoiceCustomerLinkProps = {
  invoiceId: string;
  publicToken: string;
  /** The configured public address (APP_URL); else the address this page was opened at. */
  appUrl: string | null;
  /** Null when the user's role or the invoice's state does not allow a new link. */
  rotate: typeof rotateInvoiceLink | null;
};

export const InvoiceCustomerLink = ({ invoiceId, publicToken, appUrl, rotate }: InvoiceCustomerLinkProps) => {
  const router = useRouter();
  const { notify } = useToast();

  const rotateLink = async () => {
    if (!rotate) return;
    const result = await rotate({ invoiceId });
    if (!result.ok) {
      notify(result.error, "error");
      return false;
    }
    notify("New customer link made; the old one no longer works");
    router.refresh();
  };

  return (
    <CustomerLinkCard inputId="invoice-customer-link" path={`/i/${publicToken}`} documentName="invoice" appUrl={appUrl}>
      {rotate ? (
        <ConfirmDialog
          trigger={
            <Button variant="secondary" size="sm">
              Rotate link
            </Button>
          }
          title="Make a new customer link?"
          description="The old link will stop working. Send the new one to the customer."
          confirmLabel="Rotate link"
          onConfirm={rotateLink}
        />
      ) : null}
    </CustomerLinkCard>
  );
};
