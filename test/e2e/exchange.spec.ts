import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openCopyOfDemo } from './helpers';
import { WORK_DIR } from './playwright.config';

test('the whole document out as JSON and back into a new document; a broken file is shown row by row and nothing is written', async ({ page }) => {
  await openCopyOfDemo(page, 'uitwisseling');
  await page.getByTestId('exchange-open').click();
  const dialog = page.getByTestId('exchange-dialog');
  await dialog.getByTestId('exchange-tab-export').check();
  const json = path.join(WORK_DIR, 'uitwisseling.json');
  fs.rmSync(json, { force: true });
  await dialog.getByTestId('exchange-export-path').fill(json);
  await dialog.getByRole('button', { name: 'Exporteren' }).click();
  await expect(page.getByTestId('statusbar')).toContainText(`JSON bewaard: ${json}`);
  const exported = JSON.parse(fs.readFileSync(json, 'utf8'));
  expect(exported.actors).toHaveLength(46);

  // A neighbour's file with mistakes: every one listed with its place, and no way to import it.
  const broken = structuredClone(exported);
  broken.actors[2].name = '';
  broken.agreements[0].parties[1].actorId = 'A404';
  const brokenFile = path.join(WORK_DIR, 'uitwisseling-fout.json');
  fs.writeFileSync(brokenFile, JSON.stringify(broken, null, 2));
  await page.getByTestId('exchange-open').click();
  await dialog.getByTestId('exchange-import-path').fill(brokenFile);
  await dialog.getByRole('button', { name: 'Controleren' }).click();
  await expect(dialog.getByTestId('exchange-problem-count')).toContainText('2 problemen: er wordt niets geïmporteerd');
  const problems = dialog.getByTestId('exchange-problems');
  await expect(problems).toContainText(`actors[2] (${broken.actors[2].id}).name`);
  await expect(problems).toContainText('Naam is verplicht.');
  await expect(problems).toContainText('verwijst naar A404, maar dat staat niet in actors.');
  await expect(dialog.getByRole('button', { name: 'Importeren', exact: true })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e-import-problems.png' });

  // The good file: what it holds; the open document has a network, so it goes into a new one.
  await dialog.getByTestId('exchange-import-path').fill(json);
  await dialog.getByRole('button', { name: 'Controleren' }).click();
  await expect(dialog.getByTestId('exchange-counts')).toContainText('46 actoren');
  await expect(dialog.getByTestId('exchange-counts')).toContainText('60 afspraken');
  await expect(dialog.getByTestId('exchange-into-current')).toBeDisabled();
  await expect(dialog.getByTestId('exchange-into-reason')).toContainText('bevat al een netwerk');
  await expect(dialog.getByTestId('exchange-into-new')).toBeChecked();
  const target = path.join(WORK_DIR, 'uit-json.regiekaart');
  fs.rmSync(target, { force: true });
  await dialog.getByTestId('exchange-target').fill(target);
  await page.screenshot({ path: 'test-results/e2e-import-preview.png' });
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('statusbar')).toContainText('Nieuw document uit uitwisseling.json: 46 actoren, 60 afspraken.');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('doc-name')).toContainText('uit-json.regiekaart');
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');
  // The restore is one step to undo.
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Geïmporteerd uit uitwisseling\.json/);
  // Nothing of the broken file reached any document.
  expect(fs.readdirSync(WORK_DIR).filter((f) => f.startsWith('uitwisseling-fout') && f !== 'uitwisseling-fout.json')).toEqual([]);
});
