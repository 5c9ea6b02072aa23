import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Expected failures (refused sign-ins, a stopped database) are logged by the app; a passing run stays
// quiet. A test that checks log lines sets its own destination.
const env = { PARLEY_LOG_LEVEL: "silent" };

const shared = {
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The data layer is marked server-only; tests are a server context.
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          env,
          // next-intl's ESM imports "next/server" without an extension, which Node's resolver
          // refuses; inlined, Vite resolves it (proxy.test.ts runs the next-intl middleware).
          server: { deps: { inline: ["next-intl"] } },
          include: ["**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**", "tests/e2e/**", ".next/**"],
        },
      },
      {
        resolve: {
          alias: {
            ...shared.resolve.alias,
            "next/headers": path.resolve(import.meta.dirname, "tests/support/next-headers.ts"),
            "next/cache": path.resolve(import.meta.dirname, "tests/support/next-cache.ts"),
          },
        },
        test: {
          name: "integration",
          env,
          // Vitest's default is one worker per core less one: on 2 cores, one file at a time. Each
          // file has its own database and waits on PostgreSQL much of the time, so more workers
          // than cores pays (on 2 cores: 193 s one file at a time, 138 s three at a time).
          // ("150%" would not do: Vitest caps percentages at the core count.)
          maxWorkers: Math.round(os.availableParallelism() * 1.5),
          include: ["**/*.integration.test.ts"],
          exclude: ["node_modules/**", ".next/**"],
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/database-per-file.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
