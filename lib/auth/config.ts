// next-auth v5: email and password for the finance team, JWT sessions that expire, and the
// user's id and role in the session. Pages and actions re-read the user from the database.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { verifyAgainstNothing, verifyPassword } from "./password";
import { MAX_FAILURES, recentFailures, recordSignInAttempt, throttleDelayMs } from "./throttle";

class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().max(320), password: z.string().max(1024) });

const clientAddress = (request: Request): string =>
  request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "unknown";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const config = env();
  return {
    secret: config.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "jwt", maxAge: config.SESSION_MAX_AGE_HOURS * 3600, updateAge: 15 * 60 },
    pages: { signIn: "/login" },
    providers: [
      Credentials({
        credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
        authorize: async (raw, request) => {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const ipAddress = clientAddress(request);
          const failures = await recentFailures(db, ipAddress);
          if (failures >= MAX_FAILURES) {
            log.warn("sign-in refused: too many failures", { ipAddress, failures });
            throw new TooManyAttempts();
          }
          await sleep(throttleDelayMs(failures));
          const user = await db.user.findUnique({ where: { email } });
          const valid =
            user && !user.disabledAt
              ? await verifyPassword(password, user.passwordHash)
              : await verifyAgainstNothing(password);
          await recordSignInAttempt(db, { ipAddress, email, succeeded: Boolean(valid) });
          if (!user || !valid) {
            log.info("sign-in failed", { ipAddress, failures: failures + 1 });
            return null;
          }
          await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
          log.info("signed in", { userId: user.id });
          return { id: user.id, email: user.email, name: user.name, role: user.role };
        },
      }),
    ],
    callbacks: {
      jwt: ({ token, user }) => {
        if (user) {
          token.sub = user.id;
          token.role = (user as { role?: string }).role;
        }
        return token;
      },
      session: ({ session, token }) => {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
});
