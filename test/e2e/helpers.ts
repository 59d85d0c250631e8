import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { WORK_DIR } from './playwright.config';

/** What the e2e suites need of the map's Cytoscape instance (window.__regiekaartMap). */
export type Cy = {
  getElementById(id: string): { empty(): boolean; isNode(): boolean; renderedPosition(): { x: number; y: number }; position(): { x: number; y: number }; data(k: string): unknown };
  nodes(sel?: string): {
    length: number;
    filter(f: (n: { data(k: string): unknown }) => boolean): { map<T>(f: (n: { id(): string }) => T): T[] };
    map<T>(f: (n: { id(): string; data(k: string): unknown; position(): { x: number; y: number } }) => T): T[];
  };
  edges(sel?: string): { length: number; map<T>(f: (e: { id(): string }) => T): T[] };
};

/** Runs a function against the map's Cytoscape instance in the page. */
export function onMap<T, A>(page: Page, fn: (cy: Cy, arg: A) => T, arg: A): Promise<T> {
  return page.evaluate(
    ([src, a]) => {
      const cy = (window as unknown as { __regiekaartMap: Cy }).__regiekaartMap;
      return new Function('cy', 'a', `return (${src})(cy, a);`)(cy, a) as T;
    },
    [fn.toString(), arg] as const,
  );
}

export async function nodeOnScreen(page: Page, id: string) {
  const p = await onMap(page, (cy, nodeId: string) => cy.getElementById(nodeId).renderedPosition(), id);
  const box = (await page.getByTestId('map').boundingBox())!;
  return { x: box.x + p.x, y: box.y + p.y };
}

/**
 * Opens the demo, saves a copy under the given name (in the work folder, or at `file`) and opens that copy, so a
 * test never edits the shared demo.
 */
export async function openCopyOfDemo(page: Page, name: string, file = path.join(WORK_DIR, `${name}.regiekaart`)): Promise<string> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/');
  await page.getByRole('button', { name: 'Voorbeeldstad', exact: true }).click();
  await expect(page.getByTestId('doc-name')).toContainText('Voorbeeldstad.regiekaart');
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');
  await page.getByRole('button', { name: 'Kopie opslaan' }).click();
  await page.getByTestId('path-input').fill(file);
  await page.getByRole('button', { name: 'OK', exact: true }).click();
  await page.getByRole('button', { name: 'Openen', exact: true }).click();
  await page.getByTestId('path-input').fill(file);
  await page.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(page.getByTestId('doc-name')).toContainText(`${name}.regiekaart`);
  // The copy's own snapshot, not the demo's (the workspace shows once all of it is there).
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');
  expect(errors).toEqual([]);
  return file;
}


/** Fails on serious or critical accessibility violations (axe-core) of the page as it is now, naming the screen. */
export const axeCheck = (page: Page) => async (what: string) => {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};
