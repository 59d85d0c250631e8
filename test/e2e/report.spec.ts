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
  // The zorgraad preset is chosen: its sections ticked (the map with its legend among them), the full tables not.
  await expect(dialog.getByTestId('report-preset-zorgraad')).toBeChecked();
  await expect(dialog.getByTestId('report-section-gaps')).toBeChecked();
  await expect(dialog.getByTestId('report-section-map')).toBeChecked();
  await expect(dialog.getByTestId('report-section-agreements')).not.toBeChecked();
  // Without a path the web host cannot save: the builder says so in Dutch.
  await dialog.getByRole('button', { name: 'PDF maken' }).click();
  await expect(dialog).toContainText('Geef op waar de PDF moet komen.');
  // Ticking a section by hand makes it one's own choice.
  await dialog.getByTestId('report-section-agreements').check();
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
  await expect(dialog.getByTestId('report-section-agreements')).toBeChecked();
  await expect(dialog.getByTestId('report-preset-eigen')).toBeChecked();
  await expect(dialog.getByTestId('report-path')).toHaveValue(pdf);
  await expect(dialog.getByTestId('report-since')).toHaveValue(new Date().toISOString().slice(0, 10));
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  fs.mkdirSync('test-results', { recursive: true });
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '2', pdf, path.join('test-results', 'e2e-report')]);
});

test('the map as drawn is exported as SVG (every shown actor, vector) and as a 2× PNG', async ({ page }) => {
  await openCopyOfDemo(page, 'kaart-export');
  // Only housing on the map: the export shows what is shown.
  await page.getByTestId('filter-sectors').locator('summary').click();
  await page.getByTestId('filter-sectors').getByLabel('Wonen').check();
  await page.getByTestId('map-export-open').click();
  const dialog = page.getByTestId('map-export-dialog');
  const svg = path.join(WORK_DIR, 'kaart-wonen.svg');
  await dialog.getByTestId('map-export-path').fill(svg);
  await dialog.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByTestId('statusbar')).toContainText(`Kaart bewaard: ${svg}`);
  const text = fs.readFileSync(svg, 'utf8');
  expect(text).toMatch(/^<svg [^>]*viewBox="/);
  expect(text).toContain('Woonmaatschappij Voorbeeldland');
  expect(text).not.toContain('CGG Regio X');

  await page.getByTestId('map-export-open').click();
  await dialog.getByTestId('map-export-png').check();
  await dialog.getByTestId('map-export-scale').selectOption('2');
  const png = path.join(WORK_DIR, 'kaart-wonen');
  await dialog.getByTestId('map-export-path').fill(png);
  await dialog.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByTestId('statusbar')).toContainText(`Kaart bewaard: ${png}.png`);
  const bytes = fs.readFileSync(`${png}.png`);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  // IHDR: width and height at bytes 16 and 20; 2× the drawn map is wider than the map on screen.
  const width = bytes.readUInt32BE(16);
  const mapBox = (await page.getByTestId('map').boundingBox())!;
  expect(width).toBeGreaterThan(100);
  expect(bytes.readUInt32BE(20)).toBeGreaterThan(100);
  expect(width).toBeLessThan(mapBox.width * 8);
});
