import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";

const SettingsLayout = async ({ children }: { children: React.ReactNode }) => {
  const user = await requireUser();
  const description = hasRole(user.role, "admin")
    ? "How your organisation appears on invoices, how documents are numbered, what it sells and bills, and who can use Billfold."
    : "How your organisation appears on invoices, how documents are numbered, what it sells and bills, and who can use Billfold. Only admins change organisation details, the catalogue, billing, API keys and users; finance also manages numbering.";
  return (
    <>
      <PageHeader title="Settings" description={description} />
      <SettingsNav />
      {children}
    </>
  );
};

export default SettingsLayout;
