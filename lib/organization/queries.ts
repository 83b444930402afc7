// The signed-in organisation's settings: seller details for invoices and PDFs, and the locale and
// time zone every page formats dates and amounts with. Cached per request, so a page and its
// components can all ask for it and the database is read once.
import { cache } from "react";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";

const ORGANIZATION_SELECT = {
  id: true,
  name: true,
  legalName: true,
  email: true,
  addressLine1: true,
  addressLine2: true,
  city: true,
  postalCode: true,
  country: true,
  taxId: true,
  defaultCurrency: true,
  paymentTerms: true,
  locale: true,
  timeZone: true,
  logoDataUrl: true,
  paymentInstructions: true,
  invoiceFooter: true,
  usageGraceHours: true,
  autoFinalize: true,
  autoApplyWallet: true,
  updatedAt: true,
} as const;

const loadOrganization = async (organizationId: string) => {
  const organization = await db.organization.findUnique({ where: { id: organizationId }, select: ORGANIZATION_SELECT });
  if (!organization) throw new NotFoundError("Organisation");
  return organization;
};

export type OrganizationSettings = Awaited<ReturnType<typeof loadOrganization>>;

export const getOrganization: (organizationId: string) => Promise<OrganizationSettings> = cache(loadOrganization);
