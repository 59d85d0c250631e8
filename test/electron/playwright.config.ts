import { defineConfig } from '@playwright/test';

/** The Electron suite: the real app through Playwright's _electron, where the Electron binary exists. */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/electron',
  workers: 1,
  timeout: 90_000,
  reporter: [['list'], ['json', { outputFile: '../../test-results/electron.json' }]],
});
