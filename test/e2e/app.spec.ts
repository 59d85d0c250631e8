import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { WORK_DIR } from './playwright.config';

const consoleErrors: string[] = [];

async function openApp(page: Page) {
  consoleErrors.length = 0;
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto('/');
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');
}

const actorNodeCount = (page: Page) =>
  page.evaluate(() => (window as unknown as { __regiekaartMap: { nodes(s: string): { length: number } } }).__regiekaartMap.nodes('[kind = "actor"]').length);

test('opens the Voorbeeldstad demo with its 46 actors on the map and in the table', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('actor-table').locator('tbody tr[aria-rowindex]').first()).toBeVisible();
  await expect(page.getByTestId('statusbar')).toContainText('46 actoren · 60 afspraken · 8 lacunes');
  await expect(page.getByTestId('doc-name')).toContainText('Regiekaart Voorbeeldstad');
  await expect.poll(() => actorNodeCount(page)).toBe(46);
  // The map is really on screen: a sizeable canvas, with every actor drawn inside it.
  const box = (await page.getByTestId('map').boundingBox())!;
  expect(box.width).toBeGreaterThan(400);
  expect(box.height).toBeGreaterThan(400);
  const outside = await page.evaluate(
    ({ w, h }) => {
      const cy = (window as unknown as { __regiekaartMap: { nodes(s: string): { map<T>(f: (n: { renderedPosition(): { x: number; y: number } }) => T): T[] } } }).__regiekaartMap;
      return cy.nodes('[kind = "actor"]').map((n) => n.renderedPosition()).filter((p) => p.x < 0 || p.y < 0 || p.x > w || p.y > h).length;
    },
    { w: box.width, h: box.height },
  );
  expect(outside).toBe(0);
  await expect(page.getByTestId('legend')).toContainText('Welzijn');
  await expect(page.getByTestId('legend')).toContainText('Samenwerkingsverband');
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'test-results/e2e-demo.png' });
  expect(consoleErrors).toEqual([]);
});

test('shows the selected actor in the inspector, from the list and from the map', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Sociaal Huis Voorbeeldstad' }).click();
  await page.waitForTimeout(400); // the map centres on the selection with a short animation
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText('Sociaal Huis Voorbeeldstad');
  await expect(inspector).toContainText('Gecontroleerd door');
  await expect(inspector.getByTestId('inspector-agreements')).toContainText('Warme doorverwijzing');
  await expect(inspector.getByTestId('inspector-agreements')).toContainText('Concept');
  // Tap a node on the canvas: the inspector follows.
  const pos = await page.evaluate(() => {
    const cy = (window as unknown as { __regiekaartMap: { getElementById(id: string): { renderedPosition(): { x: number; y: number } } } }).__regiekaartMap;
    return cy.getElementById('A30').renderedPosition();
  });
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + pos.x, box.y + pos.y);
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText('Maatwerkbedrijf De Schakel vzw');
  await expect(inspector).toContainText('Werk');
});

test('searches the actor table, sorts it, and switches to English and back', async ({ page }) => {
  await openApp(page);
  const rows = page.getByTestId('actor-table').locator('tbody tr[aria-rowindex]');
  await page.getByTestId('table-filter').fill('ldc');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('LDC De Linde');
  // Sorting by name, descending: the other one comes first.
  const nameHeader = page.getByTestId('actor-table').getByRole('columnheader', { name: 'Naam' });
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first()).toContainText('LDC Het Anker');
  await page.getByTestId('language').selectOption('en');
  await expect(page.getByTestId('tab-actors')).toHaveText('Actors (46)');
  await expect(page.getByRole('columnheader', { name: 'Name' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actors (46)');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('language').selectOption('nl');
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');
});

test('opens a read-only file with a visible notice, and saves a copy', async ({ page }) => {
  await openApp(page);
  const readOnly = path.join(WORK_DIR, 'alleen-lezen.regiekaart');
  fs.rmSync(readOnly, { force: true });
  await page.getByRole('button', { name: 'Kopie opslaan' }).click();
  await page.getByTestId('path-input').fill(readOnly);
  await page.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(page.getByTestId('statusbar')).toContainText('Kopie opgeslagen');
  expect(fs.existsSync(readOnly)).toBe(true);
  fs.chmodSync(readOnly, 0o444);

  await page.getByRole('button', { name: 'Openen' }).click();
  await page.getByTestId('path-input').fill(readOnly);
  await page.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(page.getByTestId('readonly-banner')).toContainText('alleen-lezen');
  await expect(page.getByTestId('doc-name')).toContainText('alleen-lezen.regiekaart');
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');
  fs.chmodSync(readOnly, 0o644);

  // Back to the demo through the Recent menu.
  await page.getByTestId('recent-menu').locator('summary').click();
  await page.getByTestId('recent-menu').getByRole('button', { name: 'Voorbeeldstad.regiekaart' }).click();
  await expect(page.getByTestId('doc-name')).toContainText('Voorbeeldstad.regiekaart');
  await expect(page.getByTestId('readonly-banner')).toHaveCount(0);
});

test('says in Dutch what is wrong with a file that is not a network map, and keeps the open one', async ({ page }) => {
  await openApp(page);
  const bad = path.join(WORK_DIR, 'notities.regiekaart');
  fs.writeFileSync(bad, 'Dit is een tekstbestand.');
  await page.getByRole('button', { name: 'Openen' }).click();
  await page.getByTestId('path-input').fill(bad);
  await page.getByRole('button', { name: 'OK', exact: true }).click();
  // The message shows in the dialog itself, where the user is looking.
  await expect(page.getByTestId('dialog-error')).toContainText('notities.regiekaart is geen Regiekaart-bestand');
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByTestId('doc-name')).toContainText('Voorbeeldstad');
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');
});

test('serves the page with a strict Content-Security-Policy that blocks inline scripts and styles', async ({ page }) => {
  const res = await page.goto('/');
  expect(res!.headers()['content-security-policy']).toContain("script-src 'self'");
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.appendChild(s);
    const st = document.createElement('style');
    st.textContent = 'body { background: red }';
    document.head.appendChild(st);
    await new Promise((r) => setTimeout(r, 100));
    return { ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, violations };
  });
  expect(outcome.ran).toBe(false);
  expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem', 'style-src-elem']));
});
