#!/usr/bin/env node
/**
 * `npm test`: type-check, lint, unit + integration (vitest), build, end-to-end in Chromium (Playwright via the
 * web host) and the Electron suite (skipped with one line where there is no Electron binary). Ends with one
 * line of totals over all suites: "N passed, N failed, N skipped".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];
mkdirSync('test-results', { recursive: true });

function run(label, cmd, args, env = {}) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  return r.status === 0;
}

function check(label, cmd, args) {
  const ok = run(label, cmd, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  if (!ok) failedSteps.push(label);
}

function countVitest(file) {
  const j = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += j.numPassedTests;
  totals.failed += j.numFailedTests;
  totals.skipped += j.numPendingTests + j.numTodoTests;
  return j.numFailedTests === 0 && j.numTotalTests > 0;
}

function countPlaywright(file) {
  const s = JSON.parse(readFileSync(file, 'utf8')).stats;
  totals.passed += s.expected + s.flaky;
  totals.failed += s.unexpected;
  totals.skipped += s.skipped;
  return s.unexpected === 0;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
check('Typecontrole (tsc)', npx, ['tsc', '-p', 'tsconfig.json']);
check('Lint (eslint)', npx, ['eslint', '.']);

rmSync('test-results/vitest.json', { force: true });
const vitestOk = run('Unit- en integratietests (vitest)', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json']);
if (!existsSync('test-results/vitest.json') || !countVitest('test-results/vitest.json') || !vitestOk) failedSteps.push('vitest');

const built = run('Build (electron-vite + demo)', 'npm', ['run', 'build']);
totals[built ? 'passed' : 'failed'] += 1;
if (!built) failedSteps.push('build');

if (built) {
  rmSync('test-results/e2e.json', { force: true });
  const e2eOk = run('End-to-end in Chromium (Playwright, web host)', npx, ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts']);
  if (!existsSync('test-results/e2e.json') || !countPlaywright('test-results/e2e.json') || !e2eOk) failedSteps.push('e2e');

  rmSync('test-results/electron.json', { force: true });
  const { electronBinary } = await import('./electron/electron-binary-check.mjs');
  const binary = electronBinary();
  if (!binary.path) {
    process.stdout.write(`\n=== Electron-suite ===\nElectron-suite overgeslagen: ${binary.reason}.\n`);
    // Count the suite's tests as skipped, so the totals show what did not run here.
    totals.skipped += (readFileSync('test/electron/app.spec.ts', 'utf8').match(/^test\(/gm) ?? []).length;
  } else {
    const elOk = run('Electron-suite (Playwright _electron)', npx, ['playwright', 'test', '-c', 'test/electron/playwright.config.ts']);
    if (!existsSync('test-results/electron.json') || !countPlaywright('test-results/electron.json') || !elOk) failedSteps.push('electron');
  }
}

process.stdout.write(`\n${failedSteps.length ? `Mislukt: ${failedSteps.join(', ')}` : 'Alle suites geslaagd.'}\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(failedSteps.length ? 1 : 0);
