import { Nav } from "@/components/shell/nav";
import { ToastProvider } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { signOutAction } from "@/lib/auth/actions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";

// Every page below reads the session on the server; pages are never cached.
export const dynamic = "force-dynamic";

const DashboardLayout = async ({ children }: { children: React.ReactNode }) => {
  const user = await requireUser();
  return (
    <ToastProvider>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <div className="flex min-h-screen flex-col md:flex-row">
        <aside className="border-b border-ink-200 bg-white px-3 py-3 md:sticky md:top-0 md:h-screen md:w-56 md:shrink-0 md:border-r md:border-b-0 md:py-5">
          <p className="mb-3 hidden px-3 text-base font-semibold text-brand-700 md:block">Billfold</p>
          <Nav />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex items-center justify-end gap-3 border-b border-ink-200 bg-white px-4 py-2 md:px-8">
            <div className="text-right text-sm leading-tight">
              <p className="font-medium text-ink-900" data-testid="signed-in-user">
                {user.name}
              </p>
              <p className="text-xs text-ink-600">
                {user.email} · {ROLE_LABELS[user.role]}
              </p>
            </div>
            <form action={signOutAction}>
              <Button type="submit" variant="secondary" size="sm">
                Sign out
              </Button>
            </form>
          </header>
          <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 md:px-8">
            {children}
          </main>
        </div>
      </div>
    </ToastProvider>
  );
};

export default DashboardLayout;
