import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Omitting a field with a rest pattern (`{ secret: _secret, ...rest }`) is deliberate.
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { ignoreRestSiblings: true, argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Privileged helpers skip the session check; only the data layer and operator scripts may use them.
    files: ["app/**", "components/**", "lib/actions/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/data/internal/*"], message: "Use lib/data/* functions, which check the session." },
          ],
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    "lib/generated/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
]);
