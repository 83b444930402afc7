import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";

const SettingsLayout = async ({ children }: { children: React.ReactNode }) => {
  const user = await requireUser();
  const description = hasRole(user.role, "admin")
    ? "How your organisation appears on invoices, and who can use Billfold."
    : "How your organisation appears on invoices, and who can use Billfold. Only admins can change these.";
  return (
    <>
      <PageHeader title="Settings" description={description} />
      <SettingsNav />
      {children}
    </>
  );
};

export default SettingsLayout;
