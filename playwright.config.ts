import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// The system Chromium (apt install chromium); Playwright never downloads a browser here.
const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  // A journey is several page loads and server actions; a loaded CI machine needs more than the 30 s default.
  timeout: 60_000,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: { baseURL, trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    // Creates staff accounts through the operator CLI once the server is up.
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", use: chromium, dependencies: ["setup"], testIgnore: /.*\.setup\.ts/ },
  ],
  webServer: {
    // A production build on its own throwaway embedded database.
    command: `rm -rf .data/e2e && npm run build && npm start -- -p ${port} -H 127.0.0.1`,
    url: baseURL,
    // The build runs inside this step: generous on a busy CI machine.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PARLEY_DATA_DIR: ".data/e2e/postgres",
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
      NEXTAUTH_URL: baseURL,
    },
  },
});
