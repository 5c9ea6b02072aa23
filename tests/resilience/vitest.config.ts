import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "../..");

// `npm run test:resilience`: concurrency, database faults, start-up without a
// database, and load, each file against its own production stack. Files run
// one after another: they stop databases and saturate the CPU.
export default defineConfig({
  root,
  resolve: {
    alias: {
      "@": root,
      "server-only": path.resolve(root, "tests/support/server-only.ts"),
    },
  },
  test: {
    include: ["tests/resilience/**/*.resilience.ts"],
    globalSetup: ["tests/resilience/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
