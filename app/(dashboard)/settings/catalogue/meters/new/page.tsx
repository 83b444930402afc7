import type { Metadata } from "next";
import { AdminOnly } from "@/components/catalogue/admin-only";
import { MeterForm } from "@/components/catalogue/meter-form";
import { Card } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { createMeter } from "@/lib/catalogue/actions";

export const metadata: Metadata = { title: "Add meter · Catalogue" };

const NewMeterPage = async () => {
  const user = await requireUser();
  if (!hasRole(user.role, "admin")) return <AdminOnly what="add meters" />;
  return (
    <section aria-labelledby="new-meter-heading" className="flex flex-col gap-4">
      <h2 id="new-meter-heading" className="text-base font-semibold text-ink-900">
        Add a meter
      </h2>
      <p className="text-sm text-ink-600">
        A meter turns a customer&apos;s usage events of one name into a quantity per billing period, which a plan&apos;s
        usage price then bills.
      </p>
      <Card>
        <MeterForm mode="create" action={createMeter} />
      </Card>
    </section>
  );
};

export default NewMeterPage;
