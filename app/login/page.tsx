import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

const LoginPage = async ({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) => {
  if (await getCurrentUser()) redirect("/");
  const { callbackUrl } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-ink-200 bg-white p-8 shadow-sm">
        <div className="mb-6">
          <p className="text-lg font-semibold text-brand-700">Billfold</p>
          <h1 className="mt-1 text-xl font-semibold text-ink-900">Sign in to your billing console</h1>
        </div>
        <SignInForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
};

export default LoginPage;
