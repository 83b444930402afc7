// What the document loaders share: the seller's and a contact's columns, the reader they take, and
// the shape of a customer link's token. Server only.
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

/** A read-only client: the app's `db` or a transaction (tests pass their own). */
export type Reader = Tx;

export const SELLER_SELECT = {
  name: true,
  legalName: true,
  email: true,
  addressLine1: true,
  addressLine2: true,
  city: true,
  postalCode: true,
  country: true,
  taxId: true,
  locale: true,
  timeZone: true,
  paymentInstructions: true,
  invoiceFooter: true,
} satisfies Prisma.OrganizationSelect;

export const CONTACT_SELECT = {
  name: true,
  email: true,
  addressLine1: true,
  addressLine2: true,
  city: true,
  postalCode: true,
  country: true,
  taxId: true,
} satisfies Prisma.CustomerSelect;

// A token is 160 random bits in base64url; anything else cannot match, so it is not looked up.
export const PUBLIC_TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
