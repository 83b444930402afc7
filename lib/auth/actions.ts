"use server";
// Sign-in and sign-out. These run before (and after) a session exists, so they sit outside the
// action pipeline; everything else goes through lib/actions/client.ts.
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "./config";

export type SignInState = { error?: string; email?: string };

// Only same-site paths: an open redirect on the sign-in page would be a phishing aid.
const safeRedirect = (value: FormDataEntryValue | null): string => {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/login") ? path : "/";
};

export const signInWithPassword = async (_previous: SignInState, formData: FormData): Promise<SignInState> => {
  const email = String(formData.get("email") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  if (!email || !password) return { error: "Enter your email and password.", email };
  try {
    await signIn("credentials", { email, password, redirectTo: safeRedirect(formData.get("callbackUrl")) });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      return { error: "Too many failed sign-ins from your network. Wait 15 minutes, then try again.", email };
    }
    if (error instanceof AuthError) return { error: "The email or password is incorrect.", email };
    throw error;
  }
};

export const signOutAction = async () => {
  await signOut({ redirectTo: "/login" });
};
