import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { axeCheck, nodeOnScreen, onMap, openCopyOfDemo } from './helpers';

const visibleActors = (page: Page) => onMap(page, (cy) => cy.nodes('[kind = "actor"]:visible').length, null);
const position = (page: Page, id: string) => onMap(page, (cy, nodeId: string) => cy.getElementById(nodeId).position(), id);

async function drag(page: Page, id: string, dx: number, dy: number) {
  const at = await nodeOnScreen(page, id);
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(at.x + (i * dx) / 8, at.y + (i * dy) / 8);
  await page.mouse.up();
}

test('filter to housing, save it as a view with its own positions, reload and find it all still there', async ({ page }) => {
  await openCopyOfDemo(page, 'weergaven');
  const standardA26 = await position(page, 'A26');

  // 1. Filter to the housing sector: the map, the tables and the status bar show the three housing actors.
  await page.getByTestId('filter-sectors').locator('summary').click();
  await page.getByTestId('filter-sectors').getByLabel('Wonen').check();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (3)');
  await expect(page.getByTestId('shown-count')).toHaveText('3 van 46 actoren getoond');
  await expect.poll(() => visibleActors(page)).toBe(3);
  await expect(page.getByTestId('tab-agreements')).toHaveText('Afspraken (1)');

  // 2. Save it as a named view; an empty name is refused in Dutch.
  await page.getByTestId('view-save-as').click();
  const dialog = page.getByTestId('view-dialog');
  await dialog.getByTestId('modal-ok').click();
  await expect(dialog.getByRole('alert')).toHaveText('Geef de weergave een naam.');
  await dialog.getByTestId('view-name').fill('Wonen en huisvesting');
  await dialog.getByTestId('modal-ok').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('statusbar')).toContainText('Weergave "Wonen en huisvesting" bewaard');
  await expect(page.getByTestId('view-select').locator('option:checked')).toHaveText('Wonen en huisvesting');

  // 3. A move in this view is this view's own: the standard view keeps its place.
  await drag(page, 'A26', 80, 40);
  await expect(page.getByTestId('statusbar')).toContainText('verplaatst');
  const inView = await position(page, 'A26');
  expect(Math.hypot(inView.x - standardA26.x, inView.y - standardA26.y)).toBeGreaterThan(20);
  await page.getByTestId('view-select').selectOption({ label: 'Standaard (alles)' });
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');
  await expect.poll(() => visibleActors(page)).toBe(46);
  await expect.poll(async () => (await position(page, 'A26')).x).toBeCloseTo(standardA26.x, 0);

  // 4. After a reload the view is still in the list, with its filters and its positions.
  await page.reload();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');
  await page.getByTestId('view-select').selectOption({ label: 'Wonen en huisvesting' });
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (3)');
  await expect(page.getByTestId('filter-sectors').getByLabel('Wonen')).toBeChecked();
  await expect.poll(() => visibleActors(page)).toBe(3);
  await expect.poll(async () => (await position(page, 'A26')).x).toBeCloseTo(inView.x, 0);
  await page.screenshot({ path: 'test-results/e2e-view-housing.png' });

  // 5. Changing the filters of a named view can be saved into it, and that too is undoable.
  await page.getByTestId('filter-sectors').getByLabel('Werk').check();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (6)');
  await page.getByTestId('view-update').click();
  await expect(page.getByTestId('statusbar')).toContainText('bijgewerkt');
  await expect(page.getByTestId('view-update')).toBeDisabled();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('view-update')).toBeEnabled();
});

test('Ctrl+F finds and selects, focus shows one actor\'s neighbourhood, and the agreements table lists what is due for review', async ({ page }) => {
  await openCopyOfDemo(page, 'zoeken');

  // Search: case and accents do not matter; Enter jumps to the match and selects it.
  await page.locator('body').click({ position: { x: 5, y: 860 } });
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('map-search')).toBeFocused();
  await page.keyboard.type('WOONMAATSCHAPPIJ');
  await expect(page.getByTestId('search-result')).toHaveText('0 van 1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-result')).toHaveText('1 van 1');
  await expect(page.getByTestId('inspector').getByRole('heading', { level: 2 })).toHaveText('Woonmaatschappij Voorbeeldland');
  expect(await onMap(page, (cy) => cy.nodes('.match').length, null)).toBe(1);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('map-search')).toHaveValue('');
  expect(await onMap(page, (cy) => cy.nodes('.dim').length, null)).toBe(0);

  // Focus on the Sociaal Huis: itself and the six actors it has an agreement with.
  await page.getByTestId('table-filter').fill('sociaal huis');
  await page.getByTestId('actor-table').getByRole('button', { name: 'Sociaal Huis Voorbeeldstad' }).click();
  await page.getByTestId('table-filter').fill('');
  await page.getByTestId('inspector-focus').click();
  await expect(page.getByTestId('focus-box')).toContainText('Omgeving van Sociaal Huis Voorbeeldstad');
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (7)');
  await expect.poll(() => visibleActors(page)).toBe(7);
  await page.getByTestId('focus-box').getByRole('button', { name: '2 stappen' }).click();
  await expect.poll(() => visibleActors(page)).toBeGreaterThan(7);
  await page.getByTestId('focus-clear').click();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');

  // Agreements due for review (reference date 15 Nov 2026): overdue ones and those within 90 days.
  await page.getByTestId('tab-agreements').click();
  await page.getByTestId('due-only').check();
  await expect(page.getByTestId('due-only').locator('..')).toContainText('(12)');
  const rows = page.getByTestId('agreement-table').locator('tbody tr[aria-rowindex]');
  await expect(rows).toHaveCount(12);
  await expect(rows.filter({ hasText: 'achterstallig' })).toHaveCount(8);
  await expect(rows.filter({ hasText: 'binnenkort' })).toHaveCount(4);
  // Selecting a row selects the agreement on the map.
  await rows.filter({ hasText: 'Regionale samenwerking' }).getByRole('button').click();
  await expect(page.getByTestId('inspector').getByRole('heading', { level: 2 })).toContainText('Regionale samenwerking');
  expect(await onMap(page, (cy) => cy.edges(':selected').length, null)).toBe(1);
  await page.screenshot({ path: 'test-results/e2e-due-for-review.png' });
});

test('the levels layout puts the local government in the centre; undo puts every node back', async ({ page }) => {
  await openCopyOfDemo(page, 'schikken');
  const before = await position(page, 'A46');
  await page.getByTestId('arrange-menu').locator('summary').click();
  await page.getByTestId('arrange-levels').click();
  await expect(page.getByTestId('arrange-dialog')).toContainText('46 knopen');
  await page.getByTestId('arrange-dialog').getByTestId('modal-ok').click();
  await expect(page.getByTestId('statusbar')).toContainText('Kaart geschikt: Ringen per niveau');
  const r = async (id: string) => {
    const p = await position(page, id);
    return Math.hypot(p.x, p.y);
  };
  // Gemeente and OCMW in the centre, a neighbourhood actor inside a local one, a Flemish one furthest out.
  expect(await r('A01')).toBeLessThan(await r('A04'));
  expect(await r('A04')).toBeLessThan(await r('A03'));
  expect(await r('A03')).toBeLessThan(await r('A12'));
  expect(await r('A12')).toBeLessThan(await r('A46'));
  await page.screenshot({ path: 'test-results/e2e-levels-layout.png' });
  await page.reload();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');
  await expect.poll(async () => Math.round(await r('A01'))).toBeLessThan(100);
  await page.getByTestId('undo').click();
  await expect.poll(async () => (await position(page, 'A46')).x).toBeCloseTo(before.x, 0);
});


test('the main screens have no serious or critical accessibility violations (axe-core)', async ({ page }) => {
  await openCopyOfDemo(page, 'toegankelijk');
  const check = axeCheck(page);
  await check('kaart');
  await page.getByTestId('actor-table').getByRole('button', { name: 'Sociaal Huis Voorbeeldstad' }).click();
  await page.getByTestId('filter-sectors').locator('summary').click();
  await check('actor gekozen, filters open');
  await page.getByTestId('tab-agreements').click();
  await page.getByTestId('actor-table').or(page.getByTestId('agreement-table')).first().waitFor();
  await page.getByTestId('agreement-table').locator('tbody tr[aria-rowindex]').first().getByRole('button').click();
  await check('afspraak gekozen');
  await page.getByTestId('new-actor').click();
  await check('dialoog nieuwe actor');
  await page.keyboard.press('Escape');
  await page.getByTestId('language').selectOption('en');
  await check('English');
  await page.getByTestId('language').selectOption('nl');
});

test('the checks, the gap register and the meetings have no serious or critical accessibility violations (axe-core)', async ({ page }) => {
  await openCopyOfDemo(page, 'toegankelijk-controles');
  const check = axeCheck(page);
  // A finding opened, the coverage matrix with a cell chosen, a gap with its history, a meeting with an agenda item
  // open, the settings.
  await page.getByTestId('check-counts').click();
  await page.locator('[data-testid="finding-RC1:A01"]').getByRole('button').first().click();
  await check('bevinding open');
  await page.getByTestId('tab-coverage').click();
  await page.getByTestId('cov-PSYCHISCH_KWETSBAREN-WONEN').click();
  await check('dekking, cel gekozen');
  await page.getByTestId('tab-gaps').click();
  await page.getByTestId('gap-register').locator('tbody tr').first().getByRole('button').click();
  await expect(page.getByTestId('gap-detail')).toBeVisible();
  await check('lacune open');
  await page.getByTestId('tab-meetings').click();
  await page.getByTestId('meeting-MT1').getByRole('button').click();
  await page.getByTestId('agenda-item-1').locator('summary').click();
  await check('vergadering, agendapunt open');
  await page.getByTestId('tab-settings').click();
  await check('instellingen controles');
});

test('the demo, laid out for the first time on two machines, comes out the same picture (a seeded force layout)', async ({ page }) => {
  // Two fresh web hosts, each with its own work folder: each copies the demo (no places yet) and lays it out.
  const positionsOnAFreshHost = async (port: number) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiekaart-layout-'));
    const host = spawn(process.execPath, ['out/main/web.js', '--workdir', dir, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((resolve) => host.once('exit', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        let said = '';
        host.stdout!.on('data', (d: Buffer) => (said += String(d)).includes('draait op') && resolve());
        host.stderr!.on('data', (d: Buffer) => (said += String(d)));
        host.once('exit', (code) => reject(new Error(`web host stopped (${code}): ${said}`)));
        setTimeout(() => reject(new Error(`web host did not start: ${said}`)), 15_000);
      });
      await page.goto(`http://127.0.0.1:${port}/`);
      await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');
      return await page.evaluate(() => {
        type Node = { id(): string; position(): { x: number; y: number } };
        const cy = (window as unknown as { __regiekaartMap: { nodes(): { map<T>(f: (n: Node) => T): T[] } } }).__regiekaartMap;
        return Object.fromEntries(cy.nodes().map((n) => [n.id(), [Math.round(n.position().x), Math.round(n.position().y)]]));
      });
    } finally {
      await page.goto('about:blank');
      host.kill('SIGTERM');
      const stopped = setTimeout(() => host.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(stopped);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  const first = await positionsOnAFreshHost(4612);
  const second = await positionsOnAFreshHost(4613);
  expect(Object.keys(first).length).toBeGreaterThan(46);
  expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
  // The same picture: every node within a few pixels of where the other machine put it (labels are measured with
  // the fonts as the page has them, which can move a node by a pixel; an unseeded layout moves them by hundreds).
  const furthest = Math.max(...Object.entries(first).map(([id, [x, y]]) => Math.hypot(second[id][0] - x, second[id][1] - y)));
  expect(furthest).toBeLessThan(5);
});
