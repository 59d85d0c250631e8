import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openCopyOfDemo } from './helpers';
import { WORK_DIR } from './playwright.config';

test('the zorgraad pack from the report builder: one PDF with the gaps, the conflicts and the period, read back with pdftotext', async ({ page }) => {
  await openCopyOfDemo(page, 'rapport');
  await page.getByTestId('report-open').click();
  const dialog = page.getByTestId('report-dialog');
  // The zorgraad preset is chosen: its sections ticked, the map not.
  await expect(dialog.getByTestId('report-preset-zorgraad')).toBeChecked();
  await expect(dialog.getByTestId('report-section-gaps')).toBeChecked();
  await expect(dialog.getByTestId('report-section-map')).not.toBeChecked();
  // Without a path the web host cannot save: the builder says so in Dutch.
  await dialog.getByRole('button', { name: 'PDF maken' }).click();
  await expect(dialog).toContainText('Geef op waar de PDF moet komen.');
  // Ticking a section by hand makes it one's own choice.
  await dialog.getByTestId('report-section-map').check();
  await expect(dialog.getByTestId('report-preset-eigen')).toBeChecked();
  const pdf = path.join(WORK_DIR, 'zorgraad-december.pdf');
  fs.rmSync(pdf, { force: true });
  await dialog.getByTestId('report-period').fill('najaar 2026');
  await dialog.getByTestId('report-path').fill(pdf);
  await dialog.getByRole('button', { name: 'PDF maken' }).click();
  await expect(page.getByTestId('statusbar')).toContainText(`PDF bewaard: ${pdf}`, { timeout: 30_000 });
  await expect(dialog).toBeHidden();
  const text = execFileSync('pdftotext', ['-raw', pdf, '-']).toString().replace(/\s+/g, ' ');
  for (const s of ['Periode: najaar 2026', 'Netwerkkaart', 'Legende', 'Lacuneregister', 'Rolconflicten en maatregelen', 'Te evalueren afspraken', 'RC1 ·', 'Pagina 1 van']) expect(text, s).toContain(s);
  expect(text).not.toContain('Actoren per niveau en sector');
  // The document remembers the choices: after a reload the builder opens on them, with "since" at this export.
  await page.reload();
  await page.getByTestId('report-open').click();
  await expect(dialog.getByTestId('report-last')).toContainText(pdf);
  await expect(dialog.getByTestId('report-period')).toHaveValue('najaar 2026');
  await expect(dialog.getByTestId('report-section-map')).toBeChecked();
  await expect(dialog.getByTestId('report-preset-eigen')).toBeChecked();
  await expect(dialog.getByTestId('report-path')).toHaveValue(pdf);
  await expect(dialog.getByTestId('report-since')).toHaveValue(new Date().toISOString().slice(0, 10));
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  fs.mkdirSync('test-results', { recursive: true });
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '2', pdf, path.join('test-results', 'e2e-report')]);
});
