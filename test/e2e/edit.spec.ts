import { expect, test, type Page } from '@playwright/test';
import { axeCheck, nodeOnScreen, onMap, openCopyOfDemo } from './helpers';

test('a newcomer adds a local actor with a service, draws a referral protocol to it, adds a party, undoes, redoes and finds it all after a reload', async ({ page }) => {
  await openCopyOfDemo(page, 'bewerken');

  // 1. A new actor, first with a KBO number whose check digits are wrong: the dialog says so and keeps it open.
  await page.getByTestId('new-actor').click();
  const dialog = page.getByTestId('actor-dialog');
  await dialog.getByTestId('actor-name').fill('Buurtwerk De Brug');
  await dialog.getByTestId('actor-type').selectOption('BURENHULP');
  await dialog.getByTestId('actor-level').selectOption('BUURT');
  await dialog.getByTestId('actor-kbo').fill('0403.170.702');
  await dialog.getByTestId('modal-ok').click();
  await expect(dialog.getByRole('alert').first()).toContainText(/ondernemingsnummer|controle/i);
  await expect(page.getByTestId('statusbar')).toContainText('46 actoren');
  await dialog.getByTestId('actor-kbo').fill('0403.170.701');
  await dialog.getByTestId('modal-ok').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('statusbar')).toContainText('47 actoren');
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText('Buurtwerk De Brug');
  await expect(inspector).toContainText('0403.170.701');
  const newId = await onMap(page, (cy) => cy.nodes('[kind = "actor"]').filter((n) => n.data('label') === 'Buurtwerk De Brug').map((n) => n.id())[0], null);
  expect(newId).toBeTruthy();

  // 2. A service for a target group.
  await inspector.getByTestId('service-new').click();
  await inspector.getByTestId('service-name').fill('Buurtgerichte ondersteuning');
  await inspector.getByTestId('service-target-groups').getByRole('checkbox', { name: 'Ouderen', exact: true }).check();
  await inspector.getByTestId('service-add').click();
  await expect(inspector.getByTestId('inspector-services')).toContainText('Buurtgerichte ondersteuning — Ouderen');

  // 3. In connect mode, drag from the Sociaal Huis to the new actor: a referral protocol between them.
  await page.getByTestId('connect-mode').click();
  await expect(page.getByTestId('connect-banner')).toBeVisible();
  const from = await nodeOnScreen(page, 'A03');
  const to = await nodeOnScreen(page, newId);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 12, from.y + ((to.y - from.y) * i) / 12);
  await page.waitForTimeout(250); // a person rests on the target for a moment; the map lights it up
  await page.mouse.up();
  const agDialog = page.getByTestId('agreement-dialog');
  await expect(agDialog).toBeVisible();
  await expect(agDialog.getByTestId('agreement-parties')).toContainText('Sociaal Huis Voorbeeldstad');
  await expect(agDialog.getByTestId('agreement-parties')).toContainText('Buurtwerk De Brug');
  await agDialog.getByTestId('agreement-type').selectOption('PROTOCOL_TOELEIDING');
  // The roles follow the type: the Sociaal Huis refers, the new actor receives.
  await expect(agDialog.getByLabel('Rol van Sociaal Huis Voorbeeldstad')).toHaveValue('REFERRER');
  await expect(agDialog.getByLabel('Rol van Buurtwerk De Brug')).toHaveValue('RECEIVER');
  await agDialog.getByTestId('modal-ok').click();
  await expect(agDialog.getByTestId('agreement-title').locator('..')).toContainText('Naam is verplicht');
  await agDialog.getByTestId('agreement-title').fill('Doorverwijzing naar Buurtwerk De Brug');
  await agDialog.getByTestId('modal-ok').click();
  await expect(agDialog).toBeHidden();
  await expect(page.getByTestId('statusbar')).toContainText('61 afspraken');
  await expect(page.getByTestId('connect-banner')).toBeHidden();
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText('Doorverwijzing naar Buurtwerk De Brug');
  const agreementEdge = await onMap(
    page,
    (cy, id: string) => {
      const e = cy.getElementById(id);
      return e.empty() ? null : { line: e.data('line'), source: e.data('source'), target: e.data('target'), type: e.data('type') };
    },
    (await page.evaluate(() => (window as unknown as { __regiekaartMap: { $(s: string): { id(): string }[] } }).__regiekaartMap.$(':selected')[0].id())) as string,
  );
  // A concept referral protocol: drawn dashed, from the referrer to the receiver.
  expect(agreementEdge).toEqual({ line: 'dashed', source: 'A03', target: newId, type: 'PROTOCOL_TOELEIDING' });
  await page.screenshot({ path: 'test-results/e2e-edit-agreement.png' });

  const agreementNode = () =>
    page.evaluate(() => {
      const cy = (window as unknown as { __regiekaartMap: { nodes(s: string): { map<T>(f: (n: { id(): string }) => T): T[] } } }).__regiekaartMap;
      return cy.nodes('[kind = "agreement"]').map((n) => n.id());
    });
  const before = (await agreementNode()).length;
  // 4. A third party, chosen by search in the inspector: the agreement becomes its own node with three party edges.
  await inspector.getByTestId('agreement-add-party').selectOption({ label: 'CAW Regio X (incl. JAC)' });
  await inspector.getByTestId('agreement-add-party-button').click();
  await expect(inspector.getByTestId('agreement-parties').locator('li')).toHaveCount(3);
  await expect.poll(async () => (await agreementNode()).length).toBe(before + 1);

  // 5. Undo takes the third party away again; redo brings it back. Both are saved edits.
  await page.getByTestId('map').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('statusbar')).toContainText('Ongedaan gemaakt');
  await expect.poll(async () => (await agreementNode()).length).toBe(before);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await agreementNode()).length).toBe(before + 1);
  await page.getByTestId('undo').click();
  await expect.poll(async () => (await agreementNode()).length).toBe(before);
  await page.keyboard.press('Control+y');
  await expect.poll(async () => (await agreementNode()).length).toBe(before + 1);

  // 6. Move the new actor: the position is saved in the view.
  await page.getByTestId('connect-mode').click({ trial: true });
  const at = await nodeOnScreen(page, newId);
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(at.x + i * 10, at.y + i * 5);
  await page.mouse.up();
  await expect(page.getByTestId('statusbar')).toContainText('verplaatst');
  const moved = await onMap(page, (cy, id: string) => cy.getElementById(id).position(), newId);

  // 7. After a reload (a restart of the UI on the same file), everything is still there.
  await page.reload();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (47)');
  await page.getByTestId('table-filter').fill('buurtwerk');
  await page.getByTestId('actor-table').getByRole('button', { name: 'Buurtwerk De Brug' }).click();
  await expect(inspector.getByTestId('inspector-services')).toContainText('Buurtgerichte ondersteuning');
  await expect(inspector.getByTestId('inspector-agreements')).toContainText('Doorverwijzing naar Buurtwerk De Brug');
  await expect.poll(async () => (await agreementNode()).length).toBe(before + 1);
  const after = await onMap(page, (cy, id: string) => cy.getElementById(id).position(), newId);
  expect(Math.abs(after.x - moved.x)).toBeLessThan(0.2);
  expect(Math.abs(after.y - moved.y)).toBeLessThan(0.2);
  await page.screenshot({ path: 'test-results/e2e-edit-reloaded.png' });
});

test('deleting an actor names what goes with it, and undo brings it all back', async ({ page }) => {
  await openCopyOfDemo(page, 'verwijderen');
  await page.getByTestId('actor-table').getByRole('button', { name: 'Thuiszorg Plus vzw (gezinszorg)' }).click();
  await page.getByTestId('inspector').getByTestId('inspector-delete').click();
  const dialog = page.getByTestId('delete-dialog');
  await expect(dialog).toContainText('U verwijdert: Thuiszorg Plus vzw (gezinszorg).');
  await expect(dialog).toContainText('Gaat mee');
  await expect(dialog).toContainText('Protocol toeleiding gevraagd');
  await page.screenshot({ path: 'test-results/e2e-delete-dialog.png' });
  await dialog.getByTestId('modal-ok').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('statusbar')).toContainText('45 actoren');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('statusbar')).toContainText('46 actoren · 60 afspraken');
});

test('org units, a governance model, a role and a new partnership with members are edited in the inspector, each undoable', async ({ page }) => {
  await openCopyOfDemo(page, 'structuur');
  const inspector = page.getByTestId('inspector');
  const status = page.getByTestId('statusbar');
  await page.getByTestId('actor-table').getByRole('button', { name: /^Gemeente Voorbeeldstad/ }).click();

  // An org unit: a name is required, in Dutch; then it is added.
  const units = inspector.getByTestId('inspector-units');
  await units.getByTestId('inspector-units-new').click();
  await units.getByTestId('inspector-units-add').click();
  await expect(units.getByRole('alert')).toBeVisible();
  await units.getByTestId('inspector-units-new-name').fill('Cel Wonen');
  await units.getByTestId('inspector-units-new-kind').selectOption('CEL');
  await units.getByTestId('inspector-units-add').click();
  await expect(status).toContainText('Eenheid "Cel Wonen" toegevoegd');
  await expect(units).toContainText('Cel Wonen (Cel)');

  // A governance model that keeps the roles apart through that unit.
  const gov = inspector.getByTestId('inspector-governance');
  await gov.getByTestId('inspector-governance-new').click();
  await gov.getByTestId('inspector-governance-new-title').fill('Beheersmodel regie en aanbod');
  await gov.getByTestId('inspector-governance-new-status').selectOption('ACTIEF');
  await gov.getByTestId('inspector-governance-new-separatedUnitIds').getByLabel('Cel Wonen').check();
  await gov.getByTestId('inspector-governance-add').click();
  await expect(status).toContainText('Beheersmodel "Beheersmodel regie en aanbod" toegevoegd');
  await expect(gov).toContainText('Beheersmodel regie en aanbod (Actief (goedgekeurd))');

  // Editing an existing role in place: one change, one undo step.
  const roles = inspector.getByTestId('inspector-roles');
  await roles.locator('summary').first().click();
  await roles.getByTestId('inspector-roles-edit-statutory').first().check();
  await expect(status).toContainText('gewijzigd');
  await page.keyboard.press('Control+z');
  await expect(status).toContainText('Ongedaan gemaakt');
  await expect(roles.getByTestId('inspector-roles-edit-statutory').first()).not.toBeChecked();

  // A new partnership with its own hub on the map, and a member added to it.
  await page.getByTestId('new-partnership').click();
  const dialog = page.getByTestId('partnership-dialog');
  await dialog.getByTestId('new-partnership-name').fill('Woonoverleg Voorbeeldstad');
  await dialog.getByTestId('new-partnership-leadActorId').selectOption({ label: 'Gemeente Voorbeeldstad (regie-cel lokaal sociaal beleid)' });
  await dialog.getByTestId('modal-ok').click();
  await expect(dialog).toBeHidden();
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText('Woonoverleg Voorbeeldstad');
  const members = inspector.getByTestId('partnership-members');
  await members.getByTestId('partnership-members-new').click();
  await members.getByTestId('partnership-members-new-actorId').selectOption({ label: 'Woonmaatschappij Voorbeeldland' });
  await members.getByTestId('partnership-members-add').click();
  await expect(members).toContainText('Woonmaatschappij Voorbeeldland (Lid)');
  const hubId = await onMap(page, (cy) => cy.nodes('[kind = "partnership"]').filter((n) => n.data('label') === 'Woonoverleg Voorbeeldstad').map((n) => n.id())[0], null);
  expect(hubId).toMatch(/^partnership:/);
  await expect.poll(() => onMap(page, (cy, id: string) => cy.edges(`[kind = "member"][target = "${id}"]`).length, hubId)).toBe(1);
  await page.screenshot({ path: 'test-results/e2e-partnership.png' });

  // Deleting the partnership names its membership; undo brings both back.
  await inspector.getByTestId('inspector-delete').click();
  const del = page.getByTestId('delete-dialog');
  await expect(del).toContainText('Woonoverleg Voorbeeldstad');
  await expect(del).toContainText('Gaat mee');
  await del.getByTestId('modal-ok').click();
  await expect(del).toBeHidden();
  await expect.poll(() => onMap(page, (cy, id: string) => cy.getElementById(id).empty(), hubId)).toBe(true);
  await page.keyboard.press('Control+z');
  await expect(status).toContainText('Ongedaan gemaakt');
  await expect.poll(() => onMap(page, (cy, id: string) => cy.edges(`[kind = "member"][target = "${id}"]`).length, hubId)).toBe(1);
});

test('a covenant between two actors gets a third party chosen on the map; arrow keys move the selection, as one undoable move', async ({ page }) => {
  await openCopyOfDemo(page, 'convenant');
  const inspector = page.getByTestId('inspector');
  const status = page.getByTestId('statusbar');

  // Connect the Sociaal Huis and the CGG with a covenant, from the inspector (the keyboard way to connect).
  await page.getByTestId('actor-table').getByRole('button', { name: 'Sociaal Huis Voorbeeldstad' }).click();
  await inspector.getByTestId('inspector-new-agreement').click();
  const dialog = page.getByTestId('agreement-dialog');
  await dialog.getByTestId('agreement-type').selectOption('CONVENANT');
  await dialog.getByTestId('agreement-title').fill('Convenant eerstelijnspsychologie');
  await dialog.getByTestId('agreement-add-party').selectOption({ label: 'CGG Regio X' });
  await dialog.getByTestId('agreement-add-party-button').click();
  await dialog.getByTestId('modal-ok').click();
  await expect(dialog).toBeHidden();
  const edgeId = await onMap(page, (cy) => cy.edges(':selected').map((e) => e.id())[0], null);
  expect(await onMap(page, (cy, id: string) => ({ type: cy.getElementById(id).data('type'), directed: cy.getElementById(id).data('directed') }), edgeId)).toEqual({ type: 'CONVENANT', directed: false });

  // A third party, picked on the map: the agreement becomes its own node.
  await inspector.getByTestId('agreement-pick-party').click();
  await expect(page.getByTestId('map-hint')).toContainText('Klik op de actor');
  const caw = await nodeOnScreen(page, 'A12');
  await page.mouse.click(caw.x, caw.y);
  await expect(status).toContainText('"CAW Regio X (incl. JAC)" als partij toegevoegd aan "Convenant eerstelijnspsychologie"');
  await expect(page.getByTestId('map-hint')).toHaveCount(0);
  await expect(inspector.getByTestId('agreement-parties').locator('li')).toHaveCount(3);
  await expect.poll(() => onMap(page, (cy, id: string) => cy.getElementById(id).isNode(), edgeId)).toBe(true);

  // Arrow keys: three presses, one saved move, one undo.
  await page.getByTestId('actor-table').getByRole('button', { name: 'Sociaal Huis Voorbeeldstad' }).click();
  await page.getByTestId('actor-table').getByRole('button', { name: 'Sociaal Huis Voorbeeldstad' }).focus();
  const start = await onMap(page, (cy) => cy.getElementById('A03').position(), null);
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(status).toContainText('"Sociaal Huis Voorbeeldstad" verplaatst');
  const end = await onMap(page, (cy) => cy.getElementById('A03').position(), null);
  expect(Math.round(end.x - start.x)).toBe(60);
  expect(Math.round(end.y - start.y)).toBe(10);
  await page.getByTestId('undo').click();
  await expect.poll(async () => Math.round((await onMap(page, (cy) => cy.getElementById('A03').position(), null)).x - start.x)).toBe(0);
});

test('a multi-edit changes one field of several actors as one undoable edit', async ({ page }) => {
  await openCopyOfDemo(page, 'multi');
  const table = page.getByTestId('actor-table');
  await table.getByRole('button', { name: 'LDC De Linde (OCMW)' }).click();
  await table.locator('tr', { hasText: 'LDC Het Anker' }).click({ modifiers: ['Control'] });
  const multi = page.getByTestId('multi-actors');
  await expect(multi).toContainText('Voor alle 2 actoren');
  await expect(multi.getByTestId('multi-level')).toHaveValue('BUURT');
  await multi.getByTestId('multi-level').selectOption('LOKAAL');
  await expect(page.getByTestId('statusbar')).toContainText('Niveau van 2 elementen gewijzigd');
  await expect(table.locator('tr', { hasText: 'LDC Het Anker' })).toContainText('Lokaal');
  await expect(table.locator('tr', { hasText: 'LDC De Linde' })).toContainText('Lokaal');
  // The map redraws only what changed, and these two did: their level marker follows the edit and its undo.
  const marks = () => onMap(page, (cy) => cy.nodes('[kind = "actor"]').filter((n) => String(n.data('label')).startsWith('LDC ')).map((n) => String((n as unknown as { data(k: string): unknown }).data('mark'))).sort(), null);
  await expect.poll(marks).toEqual(['L', 'L']);
  await page.getByTestId('undo').click();
  await expect(table.locator('tr', { hasText: 'LDC Het Anker' })).toContainText('Buurt');
  await expect(table.locator('tr', { hasText: 'LDC De Linde' })).toContainText('Buurt');
  await expect.poll(marks).toEqual(['B', 'B']);
});

test('a long checklist (board seats) has a search: ticked names stay listed, the others as far as the search goes', async ({ page }) => {
  await openCopyOfDemo(page, 'zetels');
  await page.getByTestId('actor-table').getByRole('button', { name: 'Sociaal Huis Voorbeeldstad' }).click();
  const seats = page.getByTestId('inspector').getByTestId('actor-board-members');
  const names = () => seats.locator('label').allTextContents();
  // 45 other actors: all listed, with a search field.
  expect(await names()).toHaveLength(45);
  await seats.getByTestId('actor-board-members-search').fill('jac');
  expect(await names()).toEqual(['CAW Regio X (incl. JAC)']);
  await seats.getByRole('checkbox', { name: 'CAW Regio X (incl. JAC)' }).check();
  await expect(page.getByTestId('statusbar')).toContainText('gewijzigd');
  // Another search: the ticked seat stays in the list, above the fold of what is found.
  await seats.getByTestId('actor-board-members-search').fill('burenhulp');
  expect(await names()).toEqual(['Burenhulp Zuidwijk', 'CAW Regio X (incl. JAC)']);
  await expect(seats.getByTestId('actor-board-members-chosen')).toHaveText('Gekozen: CAW Regio X (incl. JAC)');
  await seats.getByTestId('actor-board-members-search').fill('geen-zulke-naam');
  expect(await names()).toEqual(['CAW Regio X (incl. JAC)']);
  await expect(seats).toContainText('Geen andere namen met deze tekst.');
  // Accents and case do not matter.
  await seats.getByTestId('actor-board-members-search').fill('ZIEKENHUISNETWERK');
  expect(await names()).toContain('AZ Voorbeeldland (ziekenhuisnetwerk)');
  await seats.getByTestId('actor-board-members-search').fill('');
  expect(await names()).toHaveLength(45);
  await expect(seats.getByTestId('actor-board-members-more')).toHaveCount(0);
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(seats.getByRole('checkbox', { name: 'CAW Regio X (incl. JAC)' })).not.toBeChecked();
});

/** Selects the Sociaal Huis in the table: its name field in the inspector, holding the stored name. */
async function sociaalHuisName(page: Page) {
  await page.getByRole('button', { name: 'Sociaal Huis Voorbeeldstad', exact: true }).click();
  const name = page.getByTestId('inspector').getByTestId('actor-name');
  await expect(name).toHaveValue('Sociaal Huis Voorbeeldstad');
  return name;
}

test('what is typed is saved after a pause, before the field is left: a reload keeps it, and one undo takes back the whole field', async ({ page }) => {
  await openCopyOfDemo(page, 'typen');
  const name = await sociaalHuisName(page);
  // Typed in two goes with a pause between, the field never left.
  await name.press('End');
  await name.pressSequentially(' Noord', { delay: 30 });
  await expect(page.getByTestId('statusbar')).toContainText('Sociaal Huis Voorbeeldstad Noord', { timeout: 5000 });
  await name.pressSequentially(' en Zuid', { delay: 30 });
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Sociaal Huis Voorbeeldstad Noord en Zuid/, { timeout: 5000 });
  // A half-typed KBO number is not saved (nor shown as wrong) until the field is left.
  const kbo = page.getByTestId('inspector').getByTestId('actor-kbo');
  await kbo.fill('0403.17');
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('inspector').getByRole('alert')).toHaveCount(0);
  // The window closes (a reload: the UI starts again on the same file) without the field ever being left.
  await page.reload();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');
  await page.getByRole('button', { name: 'Sociaal Huis Voorbeeldstad Noord en Zuid', exact: true }).click();
  await expect(page.getByTestId('inspector').getByTestId('actor-kbo')).toHaveValue('');
  // Both goes of typing are one undo step.
  await page.getByTestId('undo').click();
  await expect(page.getByRole('button', { name: 'Sociaal Huis Voorbeeldstad', exact: true })).toBeVisible();
  await expect(page.getByTestId('undo')).toBeDisabled();
});

test('an undo right after leaving a field stays undone when the saved map comes back late', async ({ page }) => {
  await openCopyOfDemo(page, 'laat');
  const name = await sociaalHuisName(page);
  // A slow machine: the changed map takes longer to come back than the typing pause.
  await page.route('**/api/network.snapshot', async (route) => {
    await new Promise((r) => setTimeout(r, 2500));
    await route.continue().catch(() => undefined); // the page may have gone on (reloaded) meanwhile
  });
  await name.fill('Sociaal Huis Oost');
  // Leaving the field saves the name; Ctrl+Z takes it back before the map has come back.
  await name.evaluate((el) => (el as HTMLElement).blur());
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('redo')).toBeEnabled();
  await page.waitForTimeout(3000);
  await page.unroute('**/api/network.snapshot');
  await page.reload();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');
  await expect(page.getByRole('button', { name: 'Sociaal Huis Voorbeeldstad', exact: true })).toBeVisible();
  await expect(page.getByTestId('redo')).toHaveAttribute('title', /Sociaal Huis Oost/);
});

test('closing the window right after typing or an arrow key keeps them: what waits for its pause is sent as the page goes', async ({ page }) => {
  await openCopyOfDemo(page, 'sluiten');
  const name = await sociaalHuisName(page);
  // Typed, and the window goes (a reload) well within the typing pause, the field never left.
  await name.fill('Sociaal Huis Centrum');
  await page.reload();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');
  const table = page.getByTestId('actor-table');
  await expect(table.getByRole('button', { name: 'Sociaal Huis Centrum', exact: true })).toBeVisible();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Sociaal Huis Centrum/);

  // One arrow key on the selected node, and the window goes before the run of presses is over.
  await table.getByRole('button', { name: 'Sociaal Huis Centrum', exact: true }).click();
  await table.getByRole('button', { name: 'Sociaal Huis Centrum', exact: true }).focus();
  const start = await onMap(page, (cy) => cy.getElementById('A03').position(), null);
  await page.keyboard.press('ArrowDown');
  await page.reload();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');
  await expect.poll(async () => Math.round((await onMap(page, (cy) => cy.getElementById('A03').position(), null)).y - start.y)).toBe(10);
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /verplaatst/);
});

test('the Electron host’s flush before closing: window.regiekaartFlush sends what is typed and resolves once it is saved', async ({ page }) => {
  await openCopyOfDemo(page, 'flush');
  const name = await sociaalHuisName(page);
  // A slow disk: the save takes a second; the window may close only after it.
  await page.route('**/api/edit.apply', async (route) => {
    await new Promise((r) => setTimeout(r, 1000));
    await route.continue();
  });
  await name.fill('Sociaal Huis West');
  const undo = await page.evaluate(async () => {
    await window.regiekaartFlush!();
    const history = (await (window as unknown as { api: Record<string, (i: object) => Promise<{ ok: boolean; value?: { undo: { label: string } | null } }>> }).api['history.state']({})).value;
    return history?.undo?.label ?? null;
  });
  expect(undo).toContain('Sociaal Huis West');
});

test('what is typed in a dialog that adds an actor survives a reload: the map offers it, the dialog goes on from it, adding it clears it', async ({ page }) => {
  await openCopyOfDemo(page, 'concept');
  await page.getByTestId('new-actor').click();
  const dialog = page.getByTestId('actor-dialog');
  await dialog.getByTestId('actor-name').fill('Buurtwerk Zonnewijzer');
  await dialog.getByTestId('actor-type').selectOption('BURENHULP');
  await dialog.getByTestId('actor-notes').fill('Contact via Els, dinsdagvoormiddag.');
  // The window goes away at once, the dialog still open, nothing added: no typing pause has passed.
  await page.reload();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');
  const banner = page.getByTestId('drafts-banner');
  await expect(banner).toContainText('Niet afgewerkt: nieuwe actor "Buurtwerk Zonnewijzer"');
  await page.screenshot({ path: 'test-results/e2e-draft-banner.png' });
  await axeCheck(page)('onafgewerkt');
  await banner.getByTestId('draft-resume-actor').click();
  await expect(dialog.getByTestId('draft-restored')).toContainText('U gaat verder met wat u typte');
  await axeCheck(page)('concept hersteld');
  await expect(dialog.getByTestId('actor-name')).toHaveValue('Buurtwerk Zonnewijzer');
  await expect(dialog.getByTestId('actor-type')).toHaveValue('BURENHULP');
  await expect(dialog.getByTestId('actor-notes')).toHaveValue('Contact via Els, dinsdagvoormiddag.');
  await page.screenshot({ path: 'test-results/e2e-draft-restored.png' });
  await dialog.getByTestId('actor-level').selectOption('BUURT');
  await dialog.getByTestId('modal-ok').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (47)');
  await expect(banner).toHaveCount(0);
  // Added, the draft is gone for good: not offered after a reload, and a new actor starts empty.
  await page.reload();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (47)');
  await expect(banner).toHaveCount(0);
  await page.getByTestId('new-actor').click();
  await expect(dialog.getByTestId('actor-name')).toHaveValue('');
  await expect(dialog.getByTestId('draft-restored')).toHaveCount(0);
  // Cancelled after a pause in typing, the draft is thrown away too.
  await dialog.getByTestId('actor-name').fill('Wordt geannuleerd');
  await page.waitForTimeout(1200);
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (47)');
  await expect(banner).toHaveCount(0);
});

test('the Electron host’s flush before closing also waits for a new thing’s draft to be kept', async ({ page }) => {
  await openCopyOfDemo(page, 'flush-concept');
  await page.getByTestId('new-actor').click();
  await page.route('**/api/drafts.put', async (route) => {
    await new Promise((r) => setTimeout(r, 1000));
    await route.continue();
  });
  await page.getByTestId('actor-dialog').getByTestId('actor-name').fill('Repair Café Zuid');
  const kept = await page.evaluate(async () => {
    await window.regiekaartFlush!();
    const drafts = (await (window as unknown as { api: Record<string, (i: object) => Promise<{ ok: boolean; value?: { label: string }[] }>> }).api['drafts.list']({})).value;
    return drafts?.map((d) => d.label) ?? null;
  });
  expect(kept).toEqual(['Repair Café Zuid']);
});

test('typing still in its pause goes to the map it was typed in, not to the one opened right after', async ({ page }) => {
  const file = await openCopyOfDemo(page, 'voor-het-wisselen');
  // An agenda item being typed, and another tab chosen at once: the form goes, what was typed is kept.
  await page.getByTestId('tab-meetings').click();
  await page.getByTestId('meeting-MT1').getByRole('button').click();
  await page.getByTestId('agenda-new').click();
  await page.getByTestId('agenda-new-title').fill('Wachtlijst schuldbemiddeling');
  await page.getByTestId('tab-actors').click();
  // A new unit of the Sociaal Huis being typed, and another map opened at once (the demo has the same ids).
  await sociaalHuisName(page);
  await page.getByTestId('inspector-units-new').click();
  await page.getByTestId('inspector-units-new-name').fill('Dienst Schuldbemiddeling');
  await page.getByRole('button', { name: 'Voorbeeldstad', exact: true }).click();
  await expect(page.getByTestId('doc-name')).toContainText('Voorbeeldstad.regiekaart');
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('drafts-banner')).toHaveCount(0);
  // The map it was typed in has both.
  await page.getByRole('button', { name: 'Openen', exact: true }).click();
  await page.getByTestId('path-input').fill(file);
  await page.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(page.getByTestId('doc-name')).toContainText('voor-het-wisselen.regiekaart');
  const banner = page.getByTestId('drafts-banner');
  await expect(banner).toContainText('Agendapunt "Wachtlijst schuldbemiddeling"');
  await expect(banner).toContainText('"Dienst Schuldbemiddeling"');
});
