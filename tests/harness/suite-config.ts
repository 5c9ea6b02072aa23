import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Vitest settings shared by the suites that drive a production stack
 * (security, resilience): files run one after another, with long timeouts.
 */
export function stackSuiteConfig(suite: string) {
  return defineConfig({
    root,
    resolve: {
      alias: {
        "@": root,
        // The data layer is marked server-only; tests are a server context.
        "server-only": path.resolve(root, "tests/support/server-only.ts"),
      },
    },
    test: {
      name: suite,
      include: [`tests/${suite}/**/*.${suite}.ts`],
      globalSetup: [`tests/${suite}/global-setup.ts`],
      fileParallelism: false,
      testTimeout: 300_000,
      hookTimeout: 600_000,
    },
  });
}
