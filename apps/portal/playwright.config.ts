import { defineConfig, devices } from "@playwright/test";
import { e2eEnv, randomSecret } from "./e2e/env.ts";

const env = e2eEnv();

export default defineConfig({
  testDir: "./e2e",
  testMatch: /.*\.e2e\.ts/,
  outputDir: "./test-results/artifacts",
  globalSetup: "./e2e/global-setup.ts",
  workers: 1,
  fullyParallel: false,
  forbidOnly: env.ci,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "./test-results/e2e.json" }]],
  use: {
    baseURL: env.baseUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: env.externalBaseUrl
    ? undefined
    : {
        command: `npx next start -p ${env.port}`,
        url: `${env.baseUrl}/signin`,
        reuseExistingServer: false,
        timeout: 60_000,
        stdout: "pipe",
        stderr: "pipe",
        env: {
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          DATABASE_URL: env.databaseUrl,
          AUTH_SECRET: randomSecret(),
          AUTH_URL: env.baseUrl,
          AUTH_TRUST_HOST: "true",
          PRECISION_DEMO: "1",
          CHAIN_RPC_URL: `http://127.0.0.1:${env.chainPort}`,
          VAULT_URL: `http://127.0.0.1:${env.vaultPort}`,
          PRECISION_KEY_ENCRYPTION_SECRET: env.keySecret,
        },
      },
});
