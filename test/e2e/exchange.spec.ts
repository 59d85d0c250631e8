import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import readXlsxFile from 'read-excel-file/node';
import { axeCheck, onMap, openCopyOfDemo } from './helpers';
import { WORK_DIR } from './playwright.config';

/** Opens the import dialog on a file and checks it (the preview); returns the dialog. */
async function checkFile(page: Page, file: string) {
  await page.getByTestId('exchange-open').click();
  const dialog = page.getByTestId('exchange-dialog');
  await dialog.getByTestId('exchange-import-path').fill(file);
  await dialog.getByRole('button', { name: 'Controleren' }).click();
  return dialog;
}

test('the whole document out as JSON and back into a new document; a broken file is shown row by row and nothing is written', async ({ page }) => {
  await openCopyOfDemo(page, 'uitwisseling');
  await page.getByTestId('exchange-open').click();
  const dialog = page.getByTestId('exchange-dialog');
  await dialog.getByTestId('exchange-tab-export').check();
  await dialog.getByTestId('exchange-export-json').check();
  const json = path.join(WORK_DIR, 'uitwisseling.json');
  fs.rmSync(json, { force: true });
  await dialog.getByTestId('exchange-export-path').fill(json);
  await dialog.getByRole('button', { name: 'Exporteren' }).click();
  await expect(page.getByTestId('statusbar')).toContainText(`Geëxporteerd: ${json}`);
  const exported = JSON.parse(fs.readFileSync(json, 'utf8'));
  expect(exported.actors).toHaveLength(46);

  // A neighbour's file with mistakes: every one listed with its place, and no way to import it.
  const broken = structuredClone(exported);
  broken.actors[2].name = '';
  broken.agreements[0].parties[1].actorId = 'A404';
  const brokenFile = path.join(WORK_DIR, 'uitwisseling-fout.json');
  fs.writeFileSync(brokenFile, JSON.stringify(broken, null, 2));
  await checkFile(page, brokenFile);
  await expect(dialog.getByTestId('exchange-problem-count')).toContainText('2 problemen: er wordt niets geïmporteerd');
  const problems = dialog.getByTestId('exchange-problems');
  await expect(problems).toContainText(`actors[2] (${broken.actors[2].id}).name`);
  await expect(problems).toContainText('Naam is verplicht.');
  await expect(problems).toContainText('verwijst naar A404, maar dat staat niet in actors.');
  await expect(dialog.getByRole('button', { name: 'Importeren', exact: true })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e-import-problems.png' });
  await axeCheck(page)('import, problemen');

  // The good file: what it holds; the open document has a network, so it goes into a new one.
  await dialog.getByTestId('exchange-import-path').fill(json);
  await dialog.getByRole('button', { name: 'Controleren' }).click();
  await expect(dialog.getByTestId('exchange-counts')).toContainText('46 actoren');
  await expect(dialog.getByTestId('exchange-counts')).toContainText('60 afspraken');
  await expect(dialog.getByTestId('exchange-into-current')).toBeDisabled();
  // It is a map of Voorbeeldstad itself (a backup): not merged into Voorbeeldstad, but restored as a new document.
  await expect(dialog.getByTestId('exchange-into-reason')).toContainText('een kaart van Voorbeeldstad, zoals dit document (een back-up?)');
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

test('a partner list from Excel: columns mapped, what becomes new or updated shown, imported as one undoable step; export to xlsx', async ({ page }) => {
  await openCopyOfDemo(page, 'partners');
  const dialog = await checkFile(page, path.resolve('test/fixtures/other-tools/partners-openpyxl.xlsx'));
  const mapping = dialog.getByTestId('import-mapping');
  await expect(mapping.getByTestId('mapping-kind-0')).toHaveValue('actors');
  await expect(mapping.getByTestId('mapping-kind-1')).toHaveValue('agreements');
  // Suggested from the headers: Organisatie is the name, Ondernemingsnummer the KBO number, Contactpersoon a custom field.
  await expect(mapping.getByLabel('Kolom Organisatie wordt')).toHaveValue('name');
  await expect(mapping.getByLabel('Kolom Ondernemingsnummer wordt')).toHaveValue('kbo');
  await expect(mapping.getByLabel('Kolom Contactpersoon wordt')).toHaveValue('custom');
  const plan = dialog.getByTestId('exchange-plan');
  await expect(plan).toContainText('Actoren: 2 nieuw, 2 bijgewerkt, 0 ongewijzigd, 0 met een probleem');
  await expect(plan).toContainText('Afspraken: 2 nieuw');
  // The user leaves the contact person out, and gives new actors without a type "Burenhulp".
  await mapping.getByLabel('Kolom Contactpersoon wordt').selectOption('ignore');
  await expect(mapping.getByLabel('Kolom Contactpersoon wordt')).toHaveValue('ignore');
  await mapping.getByTestId('mapping-fallback-0-type').selectOption('BURENHULP');
  await expect(mapping.getByTestId('mapping-fallback-0-type')).toHaveValue('BURENHULP');
  await expect(dialog.getByTestId('exchange-into-current')).toBeChecked();
  await page.screenshot({ path: 'test-results/e2e-import-mapping.png' });
  await axeCheck(page)('import, koppeling van kolommen');
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('statusbar')).toContainText('Geïmporteerd uit partners-openpyxl.xlsx: actoren 2 nieuw, 2 bijgewerkt, 0 ongewijzigd; afspraken 2 nieuw');
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (48)');
  await page.getByTestId('table-filter').fill('Repair');
  await expect(page.getByRole('row', { name: /Repair Café Voorbeeldstad/ })).toContainText('Burenhulp');
  // One step back undoes the whole import.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');
  await page.getByTestId('table-filter').fill('');

  // Out again, for Excel.
  await page.getByTestId('exchange-open').click();
  await dialog.getByTestId('exchange-tab-export').check();
  await expect(dialog.getByTestId('exchange-export-xlsx')).toBeChecked();
  const xlsx = path.join(WORK_DIR, 'partners-export.xlsx');
  fs.rmSync(xlsx, { force: true });
  await dialog.getByTestId('exchange-export-path').fill(xlsx);
  await dialog.getByRole('button', { name: 'Exporteren' }).click();
  await expect(page.getByTestId('statusbar')).toContainText(`Geëxporteerd: ${xlsx}`);
  expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  const sheets = (await readXlsxFile(fs.readFileSync(xlsx))) as unknown as { sheet: string }[];
  expect(sheets.map((s) => s.sheet)).toEqual(['Actoren', 'Diensten', 'Afspraken', 'Samenwerkingsverbanden', 'Lidmaatschappen', 'Lacunes']);

  // Back in: the sheets to import are unchanged, those for reading are shown and left out.
  await checkFile(page, xlsx);
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Actoren: 0 nieuw, 0 bijgewerkt, 46 ongewijzigd');
  const gaps = dialog.getByTestId('mapping-sheet-5');
  await expect(gaps.getByRole('heading')).toHaveText('Blad Lacunes (8 rijen)');
  await expect(gaps.getByTestId('mapping-kind-5')).toHaveValue('skip');
  await expect(gaps.getByTestId('mapping-info-5')).toContainText('Dit blad is er om te lezen');
  await gaps.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e-import-export-info-sheets.png' });
});

test('a partner list with a title above its headers: the header row is found, can be chosen, and problems name the rows as Excel numbers them', async ({ page }) => {
  await openCopyOfDemo(page, 'met-titel');
  const dialog = await checkFile(page, path.resolve('test/fixtures/other-tools/partners-met-titel-openpyxl.xlsx'));
  const mapping = dialog.getByTestId('import-mapping');
  const header = mapping.getByTestId('mapping-header-0');
  await expect(header).toHaveValue('4');
  await expect(header.locator('option').nth(0)).toHaveText('rij 1: Partnerlijst Sociaal Huis Voorbeeldstad');
  await expect(header.locator('option').nth(2)).toHaveText('rij 3: (leeg)');
  await expect(mapping.getByTestId('mapping-sheet-0')).toContainText('Blad Lijst (3 rijen)');
  await expect(mapping.getByTestId('mapping-sheet-0')).toContainText('Rij 1 tot 3 staan boven de kopregel en worden niet gelezen.');
  await expect(mapping.getByTestId('mapping-kind-0')).toHaveValue('actors');
  await expect(mapping.getByLabel('Kolom Organisatie wordt')).toHaveValue('name');
  await expect(dialog.getByTestId('exchange-problems')).toContainText('rij 7, kolom "Ondernemingsnummer"');
  await page.screenshot({ path: 'test-results/e2e-import-header-row.png' });
  await axeCheck(page)('import, kopregel onder een titel');
  // The title as the header fits no kind of rows; back to row 4, the columns are suggested again.
  await header.selectOption('1');
  await expect(mapping.getByTestId('mapping-kind-0')).toHaveValue('skip');
  await expect(dialog.getByTestId('exchange-problems')).toContainText('geen blad met actoren, diensten of afspraken gevonden');
  await expect(dialog.getByTestId('exchange-problem-count')).toContainText('Kies hierboven de kopregel en wat elk blad bevat');
  await page.screenshot({ path: 'test-results/e2e-import-header-title.png' });
  await mapping.getByTestId('mapping-header-0').selectOption('4');
  await expect(mapping.getByTestId('mapping-kind-0')).toHaveValue('actors');
  await expect(mapping.getByLabel('Kolom Ondernemingsnummer wordt')).toHaveValue('kbo');
  await dialog.getByTestId('exchange-skip-problems').check();
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('statusbar')).toContainText('actoren 2 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 overgeslagen');
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (48)');
  await page.getByTestId('table-filter').fill('Wijkpunt Zuid');
  await expect(page.getByRole('row', { name: /Wijkpunt Zuid/ })).toContainText('Samenlevingsopbouw');
});

test('a CSV with a broken row: the problems with row and column, and the other rows imported when the user skips it', async ({ page }) => {
  await openCopyOfDemo(page, 'csv-fout');
  const csv = path.join(WORK_DIR, 'nieuwe-partners.csv');
  fs.writeFileSync(csv, '\uFEFFNaam;Type;KBO-nummer\r\nBuurtwinkel De Hoek;Voedselhulp;\r\nZomaar vzw;Andere;0403.170.702\r\n');
  const dialog = await checkFile(page, csv);
  await expect(dialog.getByTestId('exchange-problems')).toContainText('rij 3, kolom "KBO-nummer"');
  await expect(dialog.getByTestId('exchange-problems')).toContainText('klopt niet');
  await expect(dialog.getByRole('button', { name: 'Importeren', exact: true })).toHaveCount(0);
  await dialog.getByTestId('exchange-skip-problems').check();
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('statusbar')).toContainText('actoren 1 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 overgeslagen');
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (47)');

  // A list wrong on every row (a type nobody has): the first 200 problems, and how many more.
  const many = path.join(WORK_DIR, 'verkeerd-type.csv');
  fs.writeFileSync(many, ['Naam;Type', ...Array.from({ length: 1500 }, (_, i) => `Vereniging ${i};Sportclub`)].join('\n'));
  await checkFile(page, many);
  await expect(dialog.getByTestId('exchange-problem-count')).toContainText('1500 problemen');
  await expect(dialog.getByTestId('exchange-problem-count')).toContainText('1500 daarvan zijn waarden die Regiekaart niet kent: kies hierboven wat ze worden.');
  await expect(dialog.getByTestId('exchange-problems').locator('tbody tr')).toHaveCount(201);
  await expect(dialog.getByTestId('exchange-problems-more')).toContainText('en nog 1300 problemen (de eerste 200 staan hierboven');
  await expect(dialog.getByTestId('exchange-problems')).toContainText('rij 201, kolom "Type"');
  await expect(dialog.getByTestId('exchange-problems')).toContainText('"Sportclub" is geen gekend actortype.');
  await page.screenshot({ path: 'test-results/e2e-import-many-problems.png' });

  // The value is listed once, with its rows: choosing what it becomes reads all of them that way.
  const values = dialog.getByTestId('mapping-values-0');
  await expect(values).toContainText('Kolom Type: "Sportclub" (1500 rijen)');
  await values.getByLabel('Sportclub in kolom Type wordt').selectOption({ label: 'Sport-, cultuurdienst, bibliotheek' });
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Actoren: 1500 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 met een probleem');
  await expect(dialog.getByTestId('exchange-problem-count')).toHaveCount(0);
  // The choice stays listed, to be changed again.
  await expect(values.getByLabel('Sportclub in kolom Type wordt')).toHaveValue('VRIJETIJDSDIENST');
  await values.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e-import-value-chosen.png' });
  await axeCheck(page)('importeren, waarden kiezen');
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('statusbar')).toContainText('Geïmporteerd uit verkeerd-type.csv: actoren 1500 nieuw');
  await page.getByTestId('table-filter').fill('Vereniging 1499');
  await expect(page.getByRole('row', { name: /Vereniging 1499/ })).toContainText('Sport-, cultuurdienst, bibliotheek');

  // The choice is remembered: the same list again reads "Sportclub" so, and says it was chosen before.
  await checkFile(page, many);
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Actoren: 0 nieuw, 0 bijgewerkt, 1500 ongewijzigd, 0 met een probleem');
  await expect(values).toContainText('Kolom Type: "Sportclub" (1500 rijen) (gekozen bij een vorige import)');
  await expect(values.getByLabel('Sportclub in kolom Type wordt')).toHaveValue('VRIJETIJDSDIENST');
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  // Undo takes the import back, the remembered choice with it.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (47)');
  await checkFile(page, many);
  await expect(dialog.getByTestId('exchange-problem-count')).toContainText('1500 problemen');
  await expect(values.getByLabel('Sportclub in kolom Type wordt')).toHaveValue('');
});

test('a Gephi map (GEXF from networkx) into the demo, and the demo out as GraphML for yEd', async ({ page }) => {
  await openCopyOfDemo(page, 'gephi');
  const dialog = await checkFile(page, path.resolve('test/fixtures/other-tools/kaart-networkx.gexf'));
  await expect(dialog.getByTestId('mapping-kind-0')).toHaveValue('actors');
  await expect(dialog.getByTestId('mapping-kind-1')).toHaveValue('agreements');
  await expect(dialog.getByLabel('Kolom vrijwilligers wordt')).toHaveValue('custom');
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Actoren: 2 nieuw, 1 bijgewerkt');
  // Row by row: the changes, the updated actor with the fields that change.
  const rows = dialog.getByTestId('exchange-rows');
  await rows.locator('summary').click();
  await expect(rows.getByRole('row').filter({ hasText: 'Bijgewerkt' })).toHaveCount(1);
  await rows.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e-exchange-rows.png' });
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('statusbar')).toContainText('Geïmporteerd uit kaart-networkx.gexf: actoren 2 nieuw, 1 bijgewerkt');
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (48)');

  await page.getByTestId('exchange-open').click();
  await dialog.getByTestId('exchange-tab-export').check();
  await dialog.getByTestId('exchange-export-graphml').check();
  const out = path.join(WORK_DIR, 'gephi.graphml');
  fs.rmSync(out, { force: true });
  await dialog.getByTestId('exchange-export-path').fill(out);
  await dialog.getByRole('button', { name: 'Exporteren' }).click();
  await expect(page.getByTestId('statusbar')).toContainText(`Geëxporteerd: ${out}`);
  const text = fs.readFileSync(out, 'utf8');
  expect(text).toContain('<y:NodeLabel>Buurtwerk De Brug</y:NodeLabel>');
  // 48 actors, and the two partnerships without an actor of their own, as on the map.
  expect(text.match(/<node /g)).toHaveLength(50);
  expect(text).toContain('<y:NodeLabel>Netwerk thuiszorg en zorgzame buurten Voorbeeldstad</y:NodeLabel>');

  // Read back into the same map: nothing new, the partnerships and their memberships matched too.
  await checkFile(page, out);
  const plan = dialog.getByTestId('exchange-plan');
  await expect(plan).toContainText('Actoren: 0 nieuw, 0 bijgewerkt, 48 ongewijzigd');
  await expect(plan).toContainText('Samenwerkingsverbanden: 0 nieuw, 0 bijgewerkt, 8 ongewijzigd');
  await expect(plan).toContainText('Lidmaatschappen: 0 nieuw, 0 bijgewerkt, 9 ongewijzigd');
  await expect(dialog.getByTestId('exchange-note')).toHaveCount(0);

  // Into a new document: the two partnerships without an actor of their own are hubs on its map again, with their
  // members; the six with one (the GBO, the zorgraad …) come with their actor's node and are under it again.
  await dialog.getByTestId('exchange-into-new').check();
  const target = path.join(WORK_DIR, 'uit-graphml.regiekaart');
  fs.rmSync(target, { force: true });
  await dialog.getByTestId('exchange-target').fill(target);
  await expect(plan).toContainText('Samenwerkingsverbanden: 8 nieuw');
  await expect(plan).toContainText('Lidmaatschappen: 9 nieuw');
  await plan.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e-exchange-graphml-back.png' });
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('statusbar')).toContainText('samenwerkingsverbanden 8 nieuw');
  await expect(page.getByTestId('doc-name')).toContainText('uit-graphml.regiekaart');
  await expect.poll(() => onMap(page, (cy) => cy.nodes('[kind = "partnership"]').filter(() => true).map((n) => n.id()).sort(), null)).toEqual(['partnership:P-LSB', 'partnership:P-THUISZORG']);
  await expect.poll(() => onMap(page, (cy) => cy.edges('[kind = "member"]').length, null)).toBe(9);
  await page.getByTestId('table-filter').fill('GBO Voorbeeldregio');
  await page.getByRole('row', { name: /GBO Voorbeeldregio/ }).click();
  await expect(page.getByTestId('inspector').getByTestId('partnership-details')).toContainText('GBO Voorbeeldregio');
  await page.getByTestId('inspector').getByTestId('partnership-details').locator('summary').click();
  await page.getByTestId('inspector').screenshot({ path: 'test-results/e2e-graphml-own-partnership.png' });
});

test('a yEd drawing with groups: read as partnerships of the nodes in them (the default) or as actors, as the user chooses', async ({ page }) => {
  await openCopyOfDemo(page, 'yed-groepen');
  const file = path.resolve('test/fixtures/other-tools/kaart-yed-groepen.graphml');
  let dialog = await checkFile(page, file);
  const groups = dialog.getByTestId('exchange-groups');
  await expect(groups).toContainText('Dit bestand heeft 3 groepen');
  await expect(dialog.getByTestId('exchange-groups-partnerships')).toBeChecked();
  const plan = dialog.getByTestId('exchange-plan');
  // The OCMW is the demo's; the six others are new, and so are the three groups.
  await expect(plan).toContainText('Actoren: 6 nieuw, 0 bijgewerkt, 1 ongewijzigd');
  await expect(plan).toContainText('Samenwerkingsverbanden: 3 nieuw');
  await expect(plan).toContainText('Lidmaatschappen: 7 nieuw');
  await expect(dialog.getByTestId('exchange-note')).toContainText('Soort samenwerkingsverband afgeleid uit de naam: GBO Voorbeeldstad (Geïntegreerd Breed Onthaal)');
  await axeCheck(page);
  await page.screenshot({ path: 'test-results/e2e-import-yed-groups.png' });

  // Not at all (groups that only order the drawing): the nodes in them, and the edge to the GBO group left out.
  await dialog.getByTestId('exchange-groups-ignore').check();
  await expect(plan).toContainText('Actoren: 6 nieuw, 0 bijgewerkt, 1 ongewijzigd');
  await expect(plan).toContainText('Afspraken: 2 nieuw');
  await expect(plan).not.toContainText('Samenwerkingsverbanden');
  await expect(dialog.getByTestId('exchange-note')).toContainText('1 verbinding met een groep is niet ingelezen, zoals de groepen zelf.');

  // As actors: the groups are nodes like the others, and the edge to the GBO group an agreement.
  await dialog.getByTestId('exchange-groups-actors').check();
  await expect(plan).toContainText('Actoren: 9 nieuw, 0 bijgewerkt, 1 ongewijzigd');
  await expect(plan).toContainText('Afspraken: 3 nieuw');
  await expect(plan).not.toContainText('Samenwerkingsverbanden');
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('statusbar')).toContainText('Geïmporteerd uit kaart-yed-groepen.graphml: actoren 9 nieuw');
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (55)');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');

  // As partnerships (the default again, for a file checked anew), into a new document: hubs with their members.
  dialog = await checkFile(page, file);
  await expect(dialog.getByTestId('exchange-groups-partnerships')).toBeChecked();
  await dialog.getByTestId('exchange-into-new').check();
  const target = path.join(WORK_DIR, 'yed-groepen-nieuw.regiekaart');
  fs.rmSync(target, { force: true });
  await dialog.getByTestId('exchange-target').fill(target);
  await expect(plan).toContainText('Actoren: 7 nieuw');
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('doc-name')).toContainText('yed-groepen-nieuw.regiekaart');
  await expect(page.getByTestId('statusbar')).toContainText('samenwerkingsverbanden 3 nieuw');
  await expect.poll(() => onMap(page, (cy) => cy.nodes('[kind = "partnership"]').map((n) => n.data('label') as string).sort(), null)).toEqual(['GBO Voorbeeldstad', 'Overleg Huis van het Kind', 'Werkgroep opvoedingsondersteuning']);
  await expect.poll(() => onMap(page, (cy) => cy.edges('[kind = "member"]').length, null)).toBe(7);
  // Every actor where yEd drew it (the centre of its box), not where the map would put a new node: the new
  // document's places are not mixed up with those of the document open before.
  const places = await onMap(page, (cy) => Object.fromEntries(cy.nodes('[kind = "actor"]').map((n) => [n.data('label') as string, n.position()])), null);
  expect(places).toMatchObject({ 'OCMW Voorbeeldstad': { x: 120, y: 51 }, 'CAW Regio X (incl. JAC)': { x: 120, y: 101 }, 'Sociaal Verhuurkantoor Regio': { x: 240, y: 335 } });
  await page.reload();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (7)');
  await page.waitForFunction(() => !!(window as unknown as { __regiekaartMap?: unknown }).__regiekaartMap);
  expect(await onMap(page, (cy) => Object.fromEntries(cy.nodes('[kind = "actor"]').map((n) => [n.data('label') as string, n.position()])), null)).toEqual(places);
  await page.getByRole('button', { name: 'Tabellen verbergen' }).click();
  await page.getByRole('button', { name: 'Alles tonen' }).click();
  await page.getByTestId('map').screenshot({ path: 'test-results/e2e-import-yed-groups-map.png' });
});

test('a map exported from Kumu: Elements and Connections recognised, its own types kept as custom fields, a connection to two elements two agreements', async ({ page }) => {
  await openCopyOfDemo(page, 'kumu');
  const dialog = await checkFile(page, path.resolve('test/fixtures/other-tools/kaart-kumu.xlsx'));
  await expect(dialog.getByTestId('mapping-kind-0')).toHaveValue('actors');
  await expect(dialog.getByTestId('mapping-kind-1')).toHaveValue('agreements');
  // Kumu's types are the project's own words: the problem says how to keep them.
  const problems = dialog.getByTestId('exchange-problems');
  await expect(problems).toContainText('"Buurtwerk" is geen gekend actortype. Kies wat de waarde wordt (bij "Waarden die Regiekaart niet kent"), of kies bij de kolom "Eigen veld (bewaren)".');
  const types = dialog.getByLabel('Kolom Type wordt');
  await types.nth(0).selectOption('custom');
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Actoren: 4 nieuw, 1 bijgewerkt');
  await types.nth(1).selectOption('custom');
  const plan = dialog.getByTestId('exchange-plan');
  await expect(plan).toContainText('Afspraken: 4 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 met een probleem');
  await expect(dialog.getByTestId('exchange-problems')).toHaveCount(0);
  const rows = dialog.getByTestId('exchange-rows');
  await rows.locator('summary').click();
  await expect(rows.getByRole('row').filter({ hasText: 'Buurtwerk De Brug – Huurdersbond Voorbeeldstad' })).toHaveCount(1);
  await rows.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e-import-kumu.png' });
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('statusbar')).toContainText('Geïmporteerd uit kaart-kumu.xlsx: actoren 4 nieuw, 1 bijgewerkt');
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (50)');

  // The same map as Kumu's JSON blueprint: recognised by its content, and nothing in it is new any more.
  const json = await checkFile(page, path.resolve('test/fixtures/other-tools/kaart-kumu.json'));
  await json.getByLabel('Kolom type wordt').nth(0).selectOption('custom');
  await expect(json.getByTestId('exchange-plan')).toContainText('Actoren: 0 nieuw');
  await json.getByLabel('Kolom type wordt').nth(1).selectOption('custom');
  await expect(json.getByTestId('exchange-plan')).toContainText('Afspraken: 0 nieuw');
  await expect(json.getByTestId('exchange-problems')).toHaveCount(0);
});

test('a Sociale Kaart extract is recognised by its content, mapped and imported with its ids', async ({ page }) => {
  await openCopyOfDemo(page, 'sociale-kaart');
  const dialog = await checkFile(page, path.resolve('test/fixtures/other-tools/sociale-kaart-extract.json'));
  await expect(dialog.getByLabel('Kolom Sociale Kaart-id wordt')).toHaveValue('socialeKaartId');
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Actoren: 2 nieuw, 1 bijgewerkt');
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('statusbar')).toContainText('Geïmporteerd uit sociale-kaart-extract.json: actoren 2 nieuw, 1 bijgewerkt');
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (48)');
});

test('an address book with the address in columns of its own: put together on import, and the contact details and kept columns shown and edited in the inspector', async ({ page }) => {
  await openCopyOfDemo(page, 'adressen');
  const dialog = await checkFile(page, path.resolve('test/fixtures/other-tools/adressen-openpyxl.xlsx'));
  const mapping = dialog.getByTestId('import-mapping');
  await expect(mapping.getByLabel('Kolom Straat wordt')).toHaveValue('street');
  await expect(mapping.getByLabel('Kolom Huisnr wordt')).toHaveValue('houseNumber');
  await expect(mapping.getByLabel('Kolom Gemeente wordt')).toHaveValue('municipality');
  // The list's running number is not a house number: kept as the list's own field.
  await expect(mapping.getByLabel('Kolom Nr. wordt')).toHaveValue('custom');
  await expect(mapping.getByLabel('Kolom Straat wordt').locator('option')).toContainText(['Adres', 'Adres: straat', 'Adres: huisnummer', 'Adres: bus', 'Adres: postcode', 'Adres: gemeente']);
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Actoren: 3 nieuw, 1 bijgewerkt');
  await page.screenshot({ path: 'test-results/e2e-import-address-parts.png' });
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('statusbar')).toContainText('Geïmporteerd uit adressen-openpyxl.xlsx: actoren 3 nieuw, 1 bijgewerkt');

  await page.getByTestId('table-filter').fill('De Brug');
  await page.getByRole('row', { name: /Buurtwerk De Brug/ }).click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByTestId('actor-address')).toHaveValue('Stationsstraat 12 bus 2, 8000 Voorbeeldstad');
  await expect(inspector.getByTestId('actor-custom-value-Nr.')).toHaveValue('2');
  await expect(inspector.getByTestId('actor-active')).toBeChecked();
  // The phone typed in, a kept column taken away, and a field of the user's own added: each one undoable step.
  await inspector.getByTestId('actor-phone').fill('050 44 55 66');
  await inspector.getByTestId('actor-phone').press('Tab');
  await inspector.getByRole('button', { name: 'Eigen veld Nr. verwijderen' }).click();
  await expect(inspector.getByTestId('actor-custom-value-Nr.')).toHaveCount(0);
  await inspector.getByTestId('actor-custom-name').fill('Contactpersoon');
  await inspector.getByTestId('actor-custom-add').click();
  await inspector.getByTestId('actor-custom-value-Contactpersoon').fill('coördinator');
  await inspector.getByTestId('actor-custom-value-Contactpersoon').press('Tab');
  // A second field of the same name is refused with its reason.
  await inspector.getByTestId('actor-custom-name').fill('Contactpersoon');
  await inspector.getByTestId('actor-custom-add').click();
  await expect(inspector.getByTestId('actor-custom')).toContainText('Er is al een veld "Contactpersoon".');
  await page.screenshot({ path: 'test-results/e2e-inspector-contact-custom.png' });
  await inspector.getByTestId('actor-contact').screenshot({ path: 'test-results/e2e-inspector-contact.png' });
  await axeCheck(page)('inspector, contactgegevens en eigen velden');
  await page.reload();
  await page.getByTestId('table-filter').fill('De Brug');
  await page.getByRole('row', { name: /Buurtwerk De Brug/ }).click();
  await expect(inspector.getByTestId('actor-phone')).toHaveValue('050 44 55 66');
  await expect(inspector.getByTestId('actor-custom-value-Contactpersoon')).toHaveValue('coördinator');
  await expect(inspector.getByTestId('actor-custom-value-Nr.')).toHaveCount(0);
  // Undo takes the steps back one by one: the value, the new field, the removed one.
  await page.getByTestId('undo').click();
  await expect(inspector.getByTestId('actor-custom-value-Contactpersoon')).toHaveValue('');
  await page.getByTestId('undo').click();
  await expect(inspector.getByTestId('actor-custom-value-Contactpersoon')).toHaveCount(0);
  await page.getByTestId('undo').click();
  await expect(inspector.getByTestId('actor-custom-value-Nr.')).toHaveValue('2');
  await page.getByTestId('undo').click();
  await expect(inspector.getByTestId('actor-phone')).toHaveValue('');
});

test("two partner lists, each numbered 1, 2, 3 in an ID column of its own: the second is matched by name, says why, and keeps its numbers", async ({ page }) => {
  await openCopyOfDemo(page, 'genummerd');
  let dialog = await checkFile(page, path.resolve('test/fixtures/other-tools/partners-vrijwilligers-genummerd-openpyxl.xlsx'));
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Actoren: 3 nieuw, 0 bijgewerkt, 1 ongewijzigd');
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('statusbar')).toContainText('Geïmporteerd uit partners-vrijwilligers-genummerd-openpyxl.xlsx');

  dialog = await checkFile(page, path.resolve('test/fixtures/other-tools/partners-kinderarmoede-genummerd-openpyxl.xlsx'));
  await expect(dialog.getByTestId('import-mapping').getByLabel('Kolom ID wordt').first()).toHaveValue('id');
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Actoren: 1 nieuw, 3 bijgewerkt, 0 ongewijzigd');
  await expect(dialog.getByTestId('exchange-note')).toContainText('kolom "ID" is een eigen nummering van het bestand, geen id uit deze kaart');
  await expect(dialog.getByTestId('exchange-note')).toContainText('rij 2: id "1" is "Repair Café Voorbeeldstad" in de kaart, de rij noemt "Huis van het Kind Voorbeeldstad"');
  await page.screenshot({ path: 'test-results/e2e-import-own-numbering.png' });
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('statusbar')).toContainText('Geïmporteerd uit partners-kinderarmoede-genummerd-openpyxl.xlsx');

  // The first list's actors keep their names; the second list's number is a field of the actor it found by name.
  await page.getByTestId('table-filter').fill('Repair Café');
  await expect(page.getByRole('row', { name: /Repair Café Voorbeeldstad/ })).toHaveCount(1);
  await page.getByTestId('table-filter').fill('De Brug');
  await expect(page.getByRole('row', { name: /Buurtwerk De Brug/ })).toHaveCount(1);
  await page.getByRole('row', { name: /Buurtwerk De Brug/ }).click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByTestId('actor-email')).toHaveValue('info@debrug.example');
  await expect(inspector.getByTestId('actor-custom-value-ID')).toHaveValue('4');
});

test("Gephi's node table and edge table as one import: the second file added in the dialog, both checked together, imported as one step that one undo takes back", async ({ page }) => {
  await openCopyOfDemo(page, 'gephi-tabellen');
  const nodes = path.join(WORK_DIR, 'nodes.csv');
  const edges = path.join(WORK_DIR, 'edges.csv');
  fs.writeFileSync(nodes, 'Id,Label,timeset\r\n0,Buurtwerk Het Anker,\r\n1,Repair Café Noord,\r\n2,Speel-o-theek De Knikker,\r\n');
  fs.writeFileSync(edges, 'Source,Target,Type,Id,Label,timeset,Weight\r\n0,1,Undirected,0,Vrijwilligerspool Noord,,1.0\r\n2,0,Undirected,1,Speelnamiddag,,1.0\r\n');
  // A LibreOffice sheet is not read: the dialog says how to save it.
  const ods = path.join(WORK_DIR, 'partners.ods');
  fs.writeFileSync(ods, 'PK');
  const dialog = await checkFile(page, ods);
  await expect(dialog.getByRole('alert')).toHaveText('partners.ods is een rekenblad van LibreOffice of OpenOffice. Bewaar het daar als Excel 2007-365 (.xlsx) of als CSV, en importeer dat bestand.');
  await dialog.getByTestId('exchange-import-path').fill(nodes);
  await dialog.getByRole('button', { name: 'Controleren' }).click();
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Actoren: 3 nieuw');
  await expect(dialog.getByTestId('mapping-sheet-0')).toContainText('Blad nodes (3 rijen)');
  // With one file, one quiet link; it opens the list and the path field.
  await expect(dialog.getByTestId('import-files')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e-import-one-file.png' });
  await dialog.getByTestId('import-files-more').click();
  const files = dialog.getByTestId('import-files');
  await expect(files.getByTestId('import-files-path')).toBeFocused();
  // A file that cannot go with it is refused with its name; the preview stays.
  await files.getByTestId('import-files-path').fill(path.resolve('test/fixtures/other-tools/kaart-networkx.gexf'));
  await files.getByTestId('import-files-add').click();
  await expect(dialog.getByRole('alert')).toContainText('kaart-networkx.gexf: samen importeren gaat met CSV- en Excelbestanden (.csv, .xlsx).');
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Actoren: 3 nieuw');
  // The edge table, added: checked together with the nodes.
  await files.getByTestId('import-files-path').fill(edges);
  await files.getByTestId('import-files-add').click();
  await expect(dialog.getByRole('heading', { name: 'Inhoud van nodes.csv en edges.csv' })).toBeVisible();
  await expect(files.getByRole('listitem')).toHaveText(['nodes.csv', /edges\.csv/]);
  // Each sheet named by its file.
  await expect(dialog.getByTestId('mapping-sheet-0').getByRole('heading')).toHaveText('nodes.csv (3 rijen)');
  await expect(dialog.getByTestId('mapping-sheet-1').getByRole('heading')).toHaveText('edges.csv (2 rijen)');
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Afspraken: 2 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 met een probleem');
  await expect(dialog.getByTestId('exchange-note')).toContainText('edges.csv: kolom "Type" is de richting van elke verbinding (zo schrijft Gephi ze), geen soort afspraak: bewaard als eigen veld.');
  await page.screenshot({ path: 'test-results/e2e-import-two-files.png' });
  await axeCheck(page)('import van twee bestanden');
  // Taken away again, and added back: the preview follows.
  await files.getByRole('button', { name: 'edges.csv weghalen uit deze import' }).click();
  await expect(dialog.getByRole('heading', { name: 'Inhoud van nodes.csv' })).toBeVisible();
  await expect(dialog.getByTestId('exchange-plan')).not.toContainText('Afspraken');
  await files.getByTestId('import-files-path').fill(edges);
  await files.getByTestId('import-files-path').press('Enter');
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Afspraken: 2 nieuw');
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('statusbar')).toContainText('Geïmporteerd uit nodes.csv en edges.csv: actoren 3 nieuw, 0 bijgewerkt, 0 ongewijzigd; afspraken 2 nieuw');
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (49)');
  await page.getByTestId('tab-agreements').click();
  await page.getByTestId('table-filter').fill('Vrijwilligerspool Noord');
  await expect(page.getByRole('row', { name: /Vrijwilligerspool Noord/ })).toContainText('Buurtwerk Het Anker');
  await page.getByTestId('table-filter').fill('');
  // One step, named after both files; one undo takes all of it back.
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Geïmporteerd uit nodes\.csv en edges\.csv/);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');
});

test('a list of agreements with parties the map does not have: the nearest actor suggested, or, ticked, new actors made in the same step', async ({ page }) => {
  await openCopyOfDemo(page, 'nieuwe-partijen');
  const csv = path.join(WORK_DIR, 'afspraken-nieuwe-partijen.csv');
  fs.writeFileSync(csv, 'Titel;Partij 1;Partij 2\r\nDoorverwijzing;CAW Regio X;Sociaal Huis Voorbeeldstad\r\nPool;Vrijwilligerscentrale Zuid;Sociaal Huis Voorbeeldstad\r\n');
  const dialog = await checkFile(page, csv);
  await expect(dialog.getByTestId('exchange-problems')).toContainText('"CAW Regio X" is geen actor in het document of in dit bestand. Bedoelt u "CAW Regio X (incl. JAC)"?');
  // The box shows the core's new plan, as the other choices of the mapping do.
  await dialog.getByTestId('mapping-new-parties-0').click();
  await expect(dialog.getByTestId('mapping-new-parties-0')).toBeChecked();
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Actoren: 2 nieuw');
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Afspraken: 2 nieuw');
  await expect(dialog.getByTestId('exchange-note')).toContainText('Kijk na of het geen tikfout is: "CAW Regio X" lijkt op "CAW Regio X (incl. JAC)".');
  await expect(dialog.getByTestId('exchange-problems')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e-import-new-parties.png' });
  await axeCheck(page)('import, nieuwe partijen');
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (48)');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');
});

test('a party name not found: the user says which actor it is (or a new one); the name is remembered as an other name, so the next import finds it; the inspector edits other names', async ({ page }) => {
  await openCopyOfDemo(page, 'andere-namen');
  const csv = path.join(WORK_DIR, 'afspraken-andere-namen.csv');
  fs.writeFileSync(csv, 'Titel;Partij 1;Partij 2\r\nOnthaal;CAW Regio X;Sociaal Huis Voorbeeldstad\r\nDoorverwijzing;CAW Regio X;CGG Regio X\r\nVoedselhulp;Het Mandje;Buurtpool Zuid\r\n');
  let dialog = await checkFile(page, csv);
  const parties = dialog.getByTestId('mapping-parties-0');
  await expect(parties).toContainText('Partijen die niet gevonden zijn');
  await expect(parties).toContainText('Kolom Partij 1: "CAW Regio X" (2 keer)');
  const party = (name: string) => parties.getByRole('combobox', { name: `Welke actor is "${name}"?` });
  // The nearest actor is offered first; any actor of the map can be chosen; or a new one.
  await party('CAW Regio X').selectOption({ label: 'CAW Regio X (incl. JAC)' });
  await expect(dialog.getByTestId('exchange-problems')).not.toContainText('"CAW Regio X"');
  await party('Het Mandje').selectOption({ label: 'Sociale kruidenier Het Mandje vzw' });
  await party('Buurtpool Zuid').selectOption({ label: 'Nieuwe actor "Buurtpool Zuid" maken' });
  await expect(dialog.getByTestId('exchange-problems')).toHaveCount(0);
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Actoren: 1 nieuw, 2 bijgewerkt');
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Afspraken: 3 nieuw');
  await expect(dialog.getByTestId('exchange-note').filter({ hasText: 'Onthouden' })).toContainText('Onthouden voor een volgende import: "CAW Regio X" als andere naam van "CAW Regio X (incl. JAC)", "Het Mandje" als andere naam van "Sociale kruidenier Het Mandje vzw".');
  // The choices stay chosen in the preview made anew.
  await expect(party('CAW Regio X')).toHaveValue('A12');
  await page.screenshot({ path: 'test-results/e2e-import-party-choices.png' });
  await axeCheck(page)('import, partijen kiezen');
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (47)');
  // The actor has the name among its other names.
  await page.getByTestId('tab-actors').click();
  await page.getByTestId('table-filter').fill('CAW Regio X');
  await page.getByTestId('actor-table').getByRole('button', { name: 'CAW Regio X (incl. JAC)' }).click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByTestId('actor-aliases')).toHaveValue('CAW Regio X');
  // The same list again: every name is found, nothing changes.
  dialog = await checkFile(page, csv);
  await expect(dialog.getByTestId('exchange-problems')).toHaveCount(0);
  await expect(dialog.getByTestId('mapping-parties-0')).toHaveCount(0);
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Afspraken: 0 nieuw, 0 bijgewerkt, 3 ongewijzigd');
  await expect(dialog.getByTestId('exchange-note').filter({ hasText: 'andere naam' })).toContainText('Gevonden onder een andere naam: "CAW Regio X" is "CAW Regio X (incl. JAC)", "Het Mandje" is "Sociale kruidenier Het Mandje vzw"');
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  // Another name typed in the inspector, one per line: saved as one step, found by the search, undone.
  const aliases = inspector.getByTestId('actor-aliases');
  await aliases.click();
  await aliases.press('End');
  await aliases.pressSequentially('\nCAW X\nCGG Regio X\n\ncaw regio x ');
  await aliases.blur();
  await expect(aliases).toHaveValue('CAW Regio X\nCAW X\nCGG Regio X');
  // A name another actor has is kept, with a warning that an import then finds that one.
  await expect(inspector.getByTestId('actor-aliases-warning')).toHaveText('"CGG Regio X" is ook een naam van CGG Regio X. Een import vindt bij die naam de actor die hem als eigen naam heeft, en anders geen van beide.');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /CAW Regio X \(incl\. JAC\)/);
  await page.getByTestId('table-filter').fill('CAW X');
  await expect(page.getByTestId('actor-table').getByRole('button', { name: 'CAW Regio X (incl. JAC)' })).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e-inspector-aliases.png' });
  await page.getByTestId('undo').click();
  await expect(aliases).toHaveValue('CAW Regio X');
  // Undoing the import takes the remembered name away with the rest of it.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (46)');
  await page.getByTestId('table-filter').fill('CAW Regio X');
  await page.getByTestId('actor-table').getByRole('button', { name: 'CAW Regio X (incl. JAC)' }).click();
  await expect(inspector.getByTestId('actor-aliases')).toHaveValue('');
});

test('a partner list whose new actors resemble actors of the map: listed, new as proposed, or said to be one of them (then updated, not duplicated)', async ({ page }) => {
  await openCopyOfDemo(page, 'lijkt-op');
  const csv = path.join(WORK_DIR, 'actoren-lijkt-op.csv');
  fs.writeFileSync(csv, 'Naam;E-mail\r\nCAW Regio X vzw;onthaal@caw.example\r\nLDC De Linde;\r\nBuurtwerk Zonnewijzer;\r\n');
  const dialog = await checkFile(page, csv);
  const like = dialog.getByTestId('mapping-parties-0');
  await expect(like).toContainText('Nieuwe actoren die lijken op een actor van de kaart');
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Actoren: 3 nieuw, 0 bijgewerkt');
  const row = like.getByRole('combobox', { name: 'Is "CAW Regio X vzw" een actor van de kaart?' });
  await expect(row).toHaveValue('');
  await expect(row.locator('option').nth(1)).toHaveText('CAW Regio X (incl. JAC)');
  await row.selectOption({ label: 'CAW Regio X (incl. JAC)' });
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Actoren: 2 nieuw, 1 bijgewerkt');
  await page.screenshot({ path: 'test-results/e2e-import-same-actors.png' });
  await axeCheck(page)('import, lijkt op');
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (48)');
  await page.getByTestId('table-filter').fill('CAW Regio X vzw');
  await page.getByTestId('actor-table').getByRole('button', { name: 'CAW Regio X (incl. JAC)' }).click();
  await expect(page.getByTestId('inspector').getByTestId('actor-aliases')).toHaveValue('CAW Regio X vzw');
  await expect(page.getByTestId('inspector').getByTestId('actor-email')).toHaveValue('onthaal@caw.example');
});

test('a name two actors have (a Sociaal Huis of two municipalities): each told apart by place and KBO number, and the one chosen is the party', async ({ page }) => {
  await openCopyOfDemo(page, 'zelfde-naam');
  const actors = path.join(WORK_DIR, 'actoren-zelfde-naam.csv');
  fs.writeFileSync(actors, 'Naam;KBO-nummer;Adres\r\nSociaal Huis;0212.345.668;Markt 1, 9000 Noorddorp\r\nSociaal Huis;0207.437.468;Kerkstraat 2, 9100 Zuiddorp\r\n');
  let dialog = await checkFile(page, actors);
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Actoren: 2 nieuw');
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (48)');
  const csv = path.join(WORK_DIR, 'afspraken-zelfde-naam.csv');
  fs.writeFileSync(csv, 'Titel;Partij 1;Partij 2\r\nGBO Zuiddorp;Sociaal Huis;CAW Regio X (incl. JAC)\r\nSchuldhulp Zuiddorp;sociaal huis;CAW Regio X (incl. JAC)\r\n');
  dialog = await checkFile(page, csv);
  await expect(dialog.getByTestId('exchange-problems')).toContainText('"Sociaal Huis" past op 2 actoren');
  const parties = dialog.getByTestId('mapping-parties-0');
  await expect(parties).toContainText('Partijen: zeg welke actor het is');
  await expect(parties).toContainText('Kolom Partij 1: "Sociaal Huis" (2 keer), de naam van 2 actoren');
  await expect(parties).toContainText('wordt niet onthouden');
  await expect(parties).not.toContainText('Of maak er een nieuwe actor van');
  const party = parties.getByRole('combobox', { name: 'Welke actor is "Sociaal Huis"?' });
  // The actors of that name first, told apart; no new one of that name; in the list of all, told apart too.
  await expect(party.locator('optgroup').first().locator('option')).toHaveText(['Sociaal Huis (9000 Noorddorp, KBO 0212.345.668)', 'Sociaal Huis (9100 Zuiddorp, KBO 0207.437.468)']);
  await expect(party.locator('option', { hasText: 'Nieuwe actor' })).toHaveCount(0);
  await expect(party.locator('optgroup').nth(1).locator('option', { hasText: 'Sociaal Huis (' })).toHaveCount(0);
  await party.selectOption({ label: 'Sociaal Huis (9100 Zuiddorp, KBO 0207.437.468)' });
  await expect(dialog.getByTestId('exchange-problems')).toHaveCount(0);
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Afspraken: 2 nieuw');
  await expect(dialog.getByTestId('exchange-plan')).not.toContainText('Actoren');
  await page.screenshot({ path: 'test-results/e2e-import-same-name.png' });
  await axeCheck(page)('import, zelfde naam');
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  // Both agreements are with the Zuiddorp one.
  await page.getByTestId('tab-agreements').click();
  await page.getByTestId('table-filter').fill('Zuiddorp');
  await page.getByRole('button', { name: 'GBO Zuiddorp' }).click();
  await expect(page.getByTestId('inspector')).toContainText('Sociaal Huis');
  await page.getByTestId('tab-actors').click();
  await page.getByTestId('table-filter').fill('Sociaal Huis');
  const rows = page.getByTestId('actor-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
});

test('in English, the message after a spreadsheet import says what it did in English', async ({ page }) => {
  await openCopyOfDemo(page, 'engels-import');
  await page.getByTestId('language').selectOption('en');
  const csv = path.join(WORK_DIR, 'english-partners.csv');
  fs.writeFileSync(csv, 'Naam;Type\r\nBuurtwerk Het Anker;Andere\r\nSociaal Huis Voorbeeldstad;\r\n');
  await page.getByTestId('exchange-open').click();
  const dialog = page.getByTestId('exchange-dialog');
  await dialog.getByTestId('exchange-import-path').fill(csv);
  await dialog.getByRole('button', { name: 'Check' }).click();
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Actors: 1 new, 0 updated, 1 unchanged, 0 with a problem');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('statusbar')).toContainText('Imported from english-partners.csv: actors 1 new, 0 updated, 1 unchanged. One step to undo.');
});

const visibleActors = (page: Page) => onMap(page, (cy) => cy.nodes('[kind = "actor"]:visible').length, null);
const actorCount = async (page: Page) => Number((await page.getByTestId('tab-actors').textContent())!.match(/\((\d+)\)/)![1]);

/** Opens the import dialog on a file and has it checked. */
async function checkImport(page: Page, file: string) {
  const dialog = await checkFile(page, file);
  return dialog;
}

test("a newcomer's first map: a partner list from Excel, a Gephi file and a neighbour's JSON into one map without a duplicate, out to Gephi and Excel; a broken file changes nothing", async ({ page }) => {
  await openCopyOfDemo(page, 'eerstelijnszone');
  // 1. The partner list from Excel, and 2. a drawing from Gephi.
  let dialog = await checkImport(page, path.resolve('test/fixtures/other-tools/partners-openpyxl.xlsx'));
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('tab-actors')).toHaveText('Actoren (48)');
  dialog = await checkImport(page, path.resolve('test/fixtures/other-tools/kaart-networkx.gexf'));
  await expect(dialog.getByTestId('exchange-plan')).toContainText('Actoren:');
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(dialog).toBeHidden();
  const beforeMerge = await actorCount(page);

  // 3. The neighbour's map: into a map that holds a network, a JSON map is merged after review.
  const neighbour = path.resolve('test/fixtures/neighbour/noorddorp.json');
  dialog = await checkImport(page, neighbour);
  const review = dialog.getByTestId('merge-review');
  await expect(review).toContainText('Deze kaart bevat al het netwerk van Voorbeeldstad');
  await expect(dialog.getByTestId('exchange-into-current')).toBeChecked();
  await expect(dialog.getByText('Samenvoegen met deze kaart')).toBeVisible();
  await expect(review.getByTestId('merge-summary')).toContainText('Actoren: 7 nieuw, 8 gekoppeld');
  // Renaming the other map (Enter applies, it does not merge) renames the default view with it; and back.
  await review.getByTestId('merge-source').fill('Noorddorp (ELZ)');
  await review.getByTestId('merge-source').press('Enter');
  await expect(review.getByTestId('merge-view')).toHaveValue('Voorbeeldstad + Noorddorp (ELZ)');
  await review.getByTestId('merge-source').fill('Noorddorp');
  await review.getByTestId('merge-source').press('Enter');
  await expect(review.getByTestId('merge-view')).toHaveValue('Voorbeeldstad + Noorddorp');
  await expect(review.getByTestId('merge-actor-N12')).toContainText('KBO-nummer');
  await expect(review.getByTestId('merge-match-N12')).toHaveValue('A05');
  await expect(review.getByTestId('merge-summary')).toContainText('Niet overgenomen, want eigen aan Noorddorp: 1 organisatie-eenheid, 1 functie, 1 roltoewijzing');
  // AZ Voorbeeldland is spelled differently over there: the user links it by hand.
  await expect(review.getByTestId('merge-match-N16')).toHaveValue('NIEUW');
  // Ours whose name holds all of theirs' words is offered beside it (and among the options).
  await expect(review.getByTestId('merge-actor-N16')).toContainText('nieuw; lijkt op "AZ Voorbeeldland (ziekenhuisnetwerk)": kies die om te koppelen');
  await expect(review.getByTestId('merge-match-N16').getByRole('option', { name: 'AZ Voorbeeldland (ziekenhuisnetwerk)' })).toHaveCount(1);
  await review.getByTestId('merge-actor-N16').screenshot({ path: 'test-results/e2e-merge-near.png' });
  await review.getByTestId('merge-match-N16').selectOption({ label: 'Andere actor kiezen…' });
  // Enter on half a name neither picks nor merges; Escape closes the search, not the dialog.
  await review.getByTestId('merge-pick-N16').pressSequentially('AZ Voor');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(review.getByTestId('merge-match-N16')).toHaveValue('NIEUW');
  await expect(page.getByTestId('tab-actors')).toHaveText(`Actoren (${beforeMerge})`);
  await review.getByTestId('merge-match-N16').selectOption({ label: 'Andere actor kiezen…' });
  await review.getByTestId('merge-pick-N16').fill('AZ Voorbeeldland (ziekenhuisnetwerk) (A41)');
  await expect(review.getByTestId('merge-match-N16')).toHaveValue('A41');
  await expect(review.getByTestId('merge-actor-N16')).toContainText('uw keuze');
  await expect(review.getByTestId('merge-summary')).toContainText('Actoren: 6 nieuw, 9 gekoppeld');
  // Differences: ours stays unless chosen; the user takes Noorddorp's newer review date.
  const reviewDate = review.getByTestId('merge-diff-agreements:R13:reviewDate');
  await expect(reviewDate).toContainText('31/12/2026');
  await expect(reviewDate).toContainText('30/06/2027');
  await expect(review.getByTestId('merge-take-ours-agreements:R13:reviewDate')).toBeChecked();
  // All of theirs at once, and back.
  await review.getByTestId('merge-all-theirs').click();
  await expect(review.getByTestId('merge-take-theirs-actors:A10:level')).toBeChecked();
  await expect(review.getByTestId('merge-take-theirs-agreements:R13:reviewDate')).toBeChecked();
  await review.getByTestId('merge-all-ours').click();
  await expect(review.getByTestId('merge-take-ours-actors:A10:level')).toBeChecked();
  await review.getByTestId('merge-take-theirs-agreements:R13:reviewDate').check();
  await expect(review.getByTestId('merge-take-theirs-agreements:R13:reviewDate')).toBeChecked();
  await expect(review.getByTestId('merge-diff-actors:A10:level')).toContainText('Bovenlokaal');
  await expect(review.getByTestId('merge-take-ours-actors:A10:level')).toBeChecked();
  await page.screenshot({ path: 'test-results/e2e-merge-review.png', fullPage: true });
  await axeCheck(page)('samenvoegen, overzicht');
  await dialog.getByRole('button', { name: 'Samenvoegen', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('statusbar')).toContainText('samengevoegd met Noorddorp (actoren 6 nieuw, 9 gekoppeld');
  await expect(page.getByTestId('tab-actors')).toHaveText(`Actoren (${beforeMerge + 6})`);
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Samengevoegd met Noorddorp/);

  // The supra-local view, the origin filter, and the provenance of an actor.
  await expect(page.getByTestId('view-select').locator('option')).toContainText(['Standaard (alles)', 'Voorbeeldstad + Noorddorp']);
  const origins = page.getByTestId('filter-origins');
  await origins.locator('summary').click();
  await origins.getByLabel('Noorddorp').check();
  await expect.poll(() => visibleActors(page)).toBe(15);
  await origins.getByLabel('Eigen kaart (Voorbeeldstad)').check();
  await expect.poll(() => visibleActors(page)).toBe(beforeMerge + 6);
  await page.getByTestId('filters-clear').click();
  await page.getByTestId('table-filter').fill('Het Anker');
  await page.getByRole('row', { name: /het anker/i }).click();
  await expect(page.getByTestId('inspector-provenance')).toContainText('Ook in de kaart van Noorddorp (daar N12, gekoppeld op KBO-nummer');
  await page.getByTestId('table-filter').fill('');
  await page.screenshot({ path: 'test-results/e2e-merged-map.png' });

  // A broken file: exactly what is wrong, and the map stays as it is.
  const broken = path.join(WORK_DIR, 'noorddorp-kapot.json');
  fs.writeFileSync(broken, fs.readFileSync(neighbour, 'utf8').replace('"providerId": "N06"', '"providerId": "N99"').replace('"name": "Dorpsraad Noorddorp"', '"name": ""'));
  dialog = await checkImport(page, broken);
  await expect(dialog.getByTestId('exchange-problem-count')).toContainText('2 problemen');
  const problems = dialog.getByTestId('exchange-problems');
  await expect(problems.getByRole('row', { name: /services\[2\] \(NS3\)\.providerId/ })).toContainText('verwijst naar N99, maar dat staat niet in actors.');
  await expect(problems.getByRole('row', { name: /actors\[4\] \(N05\)\.name/ })).toContainText('Naam is verplicht.');
  await expect(dialog.getByRole('button', { name: 'Samenvoegen', exact: true })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByTestId('tab-actors')).toHaveText(`Actoren (${beforeMerge + 6})`);

  // Out to Gephi and to Excel: every actor once.
  const gexf = path.join(WORK_DIR, 'eerstelijnszone.gexf');
  const xlsx = path.join(WORK_DIR, 'eerstelijnszone.xlsx');
  for (const [choice, out] of [['gexf', gexf], ['xlsx', xlsx]] as const) {
    fs.rmSync(out, { force: true });
    await page.getByTestId('exchange-open').click();
    await dialog.getByTestId('exchange-tab-export').check();
    await dialog.getByTestId(`exchange-export-${choice}`).check();
    await dialog.getByTestId('exchange-export-path').fill(out);
    await dialog.getByRole('button', { name: 'Exporteren' }).click();
    await expect(page.getByTestId('statusbar')).toContainText(`Geëxporteerd: ${out}`);
  }
  // (The partnerships without an actor of their own are nodes too, with ids of their own.)
  const labels = [...fs.readFileSync(gexf, 'utf8').matchAll(/<node id="(?!partnership:)[^"]*" label="([^"]*)"/g)].map((m) => m[1]);
  expect(labels).toHaveLength(beforeMerge + 6);
  expect(new Set(labels).size).toBe(labels.length);
  const sheets = (await readXlsxFile(fs.readFileSync(xlsx))) as unknown as { sheet: string; data: unknown[][] }[];
  const actorsSheet = sheets.find((s) => s.sheet === 'Actoren')!.data.slice(1).map((r) => String(r[0]));
  expect(actorsSheet).toHaveLength(beforeMerge + 6);
  expect(new Set(actorsSheet).size).toBe(actorsSheet.length);
  expect(actorsSheet).toContain('Gemeente Noorddorp');

  // The merge is one step back.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('tab-actors')).toHaveText(`Actoren (${beforeMerge})`);
});
