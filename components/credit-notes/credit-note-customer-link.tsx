"use client";
// The address the customer opens the credit note at (/c/<token>), to copy into an email.
import { CustomerLinkCard } from "@/components/documents/customer-link-card";

type CreditNoteCustomerLinkProps = {
  publicToken: string;
  /** The configured public address (APP_URL); else the address this page was opened at. */
  appUrl: string | null;
};

export const CreditNoteCustomerLink = ({ publicToken, appUrl }: CreditNoteCustomerLinkProps) => (
  <CustomerLinkCard
    inputId="credit-note-customer-link"
    path={`/c/${publicToken}`}
    documentName="credit note"
    appUrl={appUrl}
  />
);
