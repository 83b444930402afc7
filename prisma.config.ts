// Prisma CLI configuration. Billfold applies migrations with its own runner (lib/db/migrate.ts),
// so the URL here only matters where Prisma's own engine is available (`prisma migrate deploy`).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx scripts/db-seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/billfold" },
});
