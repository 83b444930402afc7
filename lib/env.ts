// The one place that reads process.env: validated with zod on first use, so `next build` (which
// has no database) can import modules that only need the environment at request time.
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: start Billfold with `npm start`, or point it at PostgreSQL" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
  /** Hours a signed-in session lasts without activity. */
  SESSION_MAX_AGE_HOURS: z.coerce
    .number()
    .int()
    .positive()
    .max(24 * 30)
    .default(8),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  APP_URL: z.url().optional(),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export const env = (): Env => {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Billfold's environment is not valid:\n${problems.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
};

/** Log level is needed before the full environment may be valid (for example during build). */
export const logLevel = (): Env["LOG_LEVEL"] => {
  const parsed = schema.shape.LOG_LEVEL.safeParse(process.env.LOG_LEVEL);
  return parsed.success ? parsed.data : "info";
};

const launcherSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL")
    .optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().default("0.0.0.0"),
  BILLFOLD_DATA_DIR: z.string().optional(),
});

export type LauncherEnv = z.infer<typeof launcherSchema>;

/** What the launcher scripts (start, migrate, seed) need before the app's own environment exists. */
export const launcherEnv = (): LauncherEnv => {
  const parsed = launcherSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Billfold's environment is not valid:\n${problems.join("\n")}`);
  }
  return parsed.data;
};
