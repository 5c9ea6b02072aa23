import { defineConfig } from "prisma/config";

// The app and the db:* scripts resolve the database themselves (embedded by
// default, see lib/db/connection.ts). This file serves Prisma's own CLI, e.g.
// `prisma migrate deploy` on a machine that can download Prisma's engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
