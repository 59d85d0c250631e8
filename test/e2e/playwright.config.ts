import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const here = path.dirname(fileURLToPath(import.meta.url));

/** End to end through the web host, in the system Chromium (never a downloaded browser). */
export const WORK_DIR = path.resolve(here, '..', '..', 'test-results', 'e2e-work');
const PORT = Number(process.env.REGIEKAART_E2E_PORT ?? 4599);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/e2e',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: '../../test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1500, height: 900 },
    locale: 'nl-BE',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      // Chromium on Linux takes its own locale (how date fields show a date) from LANGUAGE, and needs Debian's
      // chromium-l10n for it: then the screenshots show dates day-month-year, as the Electron app does (--lang).
      env: { ...process.env, LANGUAGE: 'nl_BE:nl' },
    },
  },
  webServer: {
    command: `node -e "require('fs').rmSync(process.argv[1], { recursive: true, force: true })" "${WORK_DIR}" && node out/main/web.js --workdir "${WORK_DIR}" --port ${PORT}`,
    cwd: path.resolve(here, '..', '..'),
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
