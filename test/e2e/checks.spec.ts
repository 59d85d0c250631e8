import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { openCopyOfDemo } from './helpers';

const count = async (page: Page, severity: string) => Number(await page.getByTestId(`count-${severity}`).textContent());
const finding = (page: Page, key: string) => page.getByTestId(`finding-${key}`);

test('a regisseur reads the conflicts, records a beheersmodel and sees RC1 mitigated, records a lapsed measure, promotes a coverage gap, and check --json agrees', async ({ page }) => {
  const file = await openCopyOfDemo(page, 'controles');

  // 1. The toolbar counts what needs action; the button opens the findings, grouped by severity and rule.
  const high = await count(page, 'HIGH');
  expect(high).toBeGreaterThan(5);
  await page.getByTestId('check-counts').click();
  const panel = page.getByTestId('findings');
  await expect(panel).toBeVisible();
  // The three deliberate conflicts of §6.4, in plain Dutch.
  for (const rule of ['RC1', 'RC2', 'RC7', 'RC3', 'RC6', 'RC10', 'RC4', 'RC5', 'RC8']) await expect(panel.locator(`[data-testid^="finding-${rule}:"]`).first(), rule).toBeVisible();
  await expect(finding(page, 'RC4:MT1+punt 1')).toContainText('evalueert zijn eigen aanbod');

  // 2. Choosing a finding explains it and selects its actors on the map.
  const rc1 = finding(page, 'RC1:A01');
  await rc1.getByRole('button').first().click();
  await expect(rc1).toContainText('Er is geen beheersmodel vastgelegd');
  await expect(rc1).toContainText('Wat helpt');
  await expect(page.getByTestId('inspector')).toContainText('geselecteerd');

  // 3. Record the beheersmodel: RC1 stays listed, now mitigated, and the toolbar has one high finding fewer.
  await rc1.getByTestId('record-governance').click();
  const dialog = page.getByTestId('mitigation-dialog');
  await dialog.getByTestId('mitigation-title').fill('Beheersmodel regie en aanbod (raadsbesluit)');
  await dialog.getByTestId('mitigation-reviewDate').fill('2031-12-31');
  await dialog.getByTestId('modal-ok').click();
  await expect(dialog).toBeHidden();
  await expect(rc1).toContainText('Gemilderd');
  await expect(rc1).toContainText('Beheersmodel regie en aanbod (raadsbesluit)');
  await expect.poll(() => count(page, 'HIGH')).toBe(high - 1);
  // Undo takes the model away again (one step), redo brings it back.
  await page.getByTestId('undo').click();
  await expect(rc1).toContainText('Open');
  await page.getByTestId('redo').click();
  await expect(rc1).toContainText('Gemilderd');

  // 4. A measure whose review date has passed reopens its finding instead of hiding it.
  const rc8 = panel.locator('[data-testid^="finding-RC8:"]').first();
  await rc8.getByRole('button').first().click();
  await rc8.getByTestId('record-mitigation').click();
  await dialog.getByTestId('mitigation-measure').selectOption('ONTHOUDING');
  await dialog.getByTestId('mitigation-description').fill('Onthouding bij stemmingen over middelen voor eigen diensten');
  await dialog.getByTestId('mitigation-owner').fill('Schepen van Welzijn');
  await dialog.getByTestId('mitigation-reviewDate').fill('2026-06-30');
  await dialog.getByTestId('modal-ok').click();
  await expect(rc8).toContainText('Heropend');

  // 5. The coverage matrix: a fragile priority cell opens to its one provider, and goes to the register in one action.
  await page.getByTestId('tab-coverage').click();
  const cell = page.getByTestId('cov-KWETSBARE_GEZINNEN-KINDEROPVANG');
  await expect(cell).toHaveText('1');
  await cell.click();
  const detail = page.getByTestId('coverage-detail');
  await expect(detail).toContainText('prioriteit');
  await expect(detail.getByRole('listitem')).toHaveCount(1);
  await detail.getByTestId('coverage-promote').click();
  const register = page.getByTestId('gap-register');
  await expect(register).toBeVisible();
  const row = register.getByRole('row').filter({ hasText: 'Kwetsbare gezinnen' });
  await expect(row).toContainText('G1');
  await expect(page.getByTestId('tab-gaps')).toHaveText('Lacuneregister (9)');

  // 6. Work on it: status and owner, and the history shows the change.
  await row.getByRole('button').click();
  const gap = page.getByTestId('gap-detail');
  await gap.getByTestId('gap-status').selectOption('IN_BEHANDELING');
  await gap.getByTestId('gap-owner').fill('Regie-cel');
  await gap.getByTestId('gap-owner').blur();
  await expect(page.getByTestId('gap-history')).toContainText('Status: Open → In behandeling');
  await expect(page.getByTestId('gap-history')).toContainText('Eigenaar: — → Regie-cel');

  // 7. Settings are document data: a shorter warning window is saved and survives a reload.
  await page.getByTestId('tab-settings').click();
  await page.getByTestId('settings-warningDays').fill('30');
  await page.getByTestId('settings-warningDays').blur();
  await expect(page.getByTestId('statusbar')).toContainText('Instellingen controles gewijzigd');
  await page.reload();
  await page.getByTestId('tab-settings').click();
  await expect(page.getByTestId('settings-warningDays')).toHaveValue('30');
  // Typed and the window reloaded at once, the field never left: kept too, and one undo takes it back.
  await page.getByTestId('settings-warningDays').fill('45');
  await page.reload();
  await page.getByTestId('tab-settings').click();
  await expect(page.getByTestId('settings-warningDays')).toHaveValue('45');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('settings-warningDays')).toHaveValue('30');

  // 8. The command line gives a machine the same findings with the same status.
  await page.getByTestId('check-counts').click();
  const uiKeys = (await page.locator('[data-testid^="finding-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('finding-'.length)))).sort();
  // The app holds the file while it is open (no second writer): switch to another document first.
  await page.getByRole('button', { name: 'Voorbeeldstad', exact: true }).click();
  await expect(page.getByTestId('doc-name')).toContainText('Voorbeeldstad.regiekaart');
  const json = JSON.parse(execFileSync(process.execPath, ['out/main/cli.js', 'check', file, '--json'], { encoding: 'utf8' })) as { findings: { key: string; status: string; ruleId: string }[] };
  expect(json.findings.map((f) => f.key).sort()).toEqual(uiKeys);
  expect(json.findings.find((f) => f.ruleId === 'RC1')!.status).toBe('mitigated');
  expect(json.findings.find((f) => f.ruleId === 'RC8')!.status).toBe('reopened');
});

test('a measure being written for a finding survives a reload: offered above the map, and that finding’s dialog goes on from it', async ({ page }) => {
  await openCopyOfDemo(page, 'maatregel-concept');
  await page.getByTestId('check-counts').click();
  const rc8 = page.getByTestId('findings').locator('[data-testid^="finding-RC8:"]').first();
  await rc8.getByRole('button').first().click();
  await rc8.getByTestId('record-mitigation').click();
  const dialog = page.getByTestId('mitigation-dialog');
  await dialog.getByTestId('mitigation-measure').selectOption('ONTHOUDING');
  await dialog.getByTestId('mitigation-description').fill('Onthouding bij stemmingen over middelen voor eigen diensten');
  await page.reload();
  await expect(page.getByTestId('drafts-banner')).toContainText('Niet afgewerkt: Maatregel vastleggen (RC8) "Onthouding bij stemmingen');
  await page.getByTestId('check-counts').click();
  await rc8.getByRole('button').first().click();
  await rc8.getByTestId('record-mitigation').click();
  await expect(dialog.getByTestId('draft-restored')).toBeVisible();
  await expect(dialog.getByTestId('mitigation-measure')).toHaveValue('ONTHOUDING');
  await expect(dialog.getByTestId('mitigation-description')).toHaveValue('Onthouding bij stemmingen over middelen voor eigen diensten');
  await dialog.getByTestId('mitigation-owner').fill('Schepen van Welzijn');
  await dialog.getByTestId('modal-ok').click();
  await expect(dialog).toBeHidden();
  await expect(rc8).toContainText('Gemilderd');
  await page.reload();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');
  await expect(page.getByTestId('drafts-banner')).toHaveCount(0);
});
