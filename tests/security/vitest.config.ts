import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "../..");

// The security suite: one production stack for every file (see global-setup.ts).
// Files run one after another: they share the stack and its data.
export default defineConfig({
  root,
  resolve: {
    alias: {
      "@": root,
      // The data layer is marked server-only; tests are a server context.
      "server-only": path.resolve(root, "tests/support/server-only.ts"),
    },
  },
  test: {
    name: "security",
    include: ["tests/security/**/*.security.ts"],
    globalSetup: ["tests/security/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
