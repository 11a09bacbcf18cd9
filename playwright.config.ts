import { defineConfig, devices } from "@playwright/test";
import fs from "node:fs";
import { DEMO_PASSWORD } from "./e2e/support/accounts";

/** Debian's Chromium when present (Playwright cannot download browsers everywhere); else Playwright's own. */
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => fs.existsSync(file));
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  // A journey signs in (scrypt, slow by design) and renders several pages; on two shared cores
  // at load average 10 a few took just over 30 s in a local CI run, so each gets a minute.
  timeout: 60_000,
  // Two workers, the server and its page renders share two cores: a page can take several seconds.
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: [["list"], ["json", { outputFile: "test-reports/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
  },
  projects: [
    // Signs each demo role in once (e2e/support/sign-in.setup.ts); the specs start from those sessions.
    { name: "sign in", testMatch: "support/sign-in.setup.ts" },
    {
      name: "chromium",
      dependencies: ["sign in"],
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: systemChromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    // A throw-away database with the demo community, served by the production build.
    command: "rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && tsx --conditions=react-server scripts/start.ts",
    env: {
      CYCLEBOARD_DB: "data/e2e.db",
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      CYCLEBOARD_DEMO_PASSWORD: DEMO_PASSWORD,
      CYCLEBOARD_ADMIN_PASSWORD: DEMO_PASSWORD,
      CYCLEBOARD_SIGNIN_ATTEMPTS_PER_ADDRESS: "1000",
    },
    url: `http://localhost:${port}/api/session`,
    // The first start builds the app: minutes on two busy cores.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
