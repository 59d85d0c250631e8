import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tmpDir } from '../helpers/tmp';
import { LATEST_VERSION } from '../../electron/core/db/migrations';


describe('command line', () => {
  it('writes the demo and reports 46 actors and 60 agreements as JSON', async () => {
    const file = path.join(tmpDir(), 'v.regiekaart');
    const demo = await cli('demo', file);
    expect(demo.code).toBe(0);
    expect(demo.out).toMatch(/46 actoren, 60 afspraken, 8 lacunes/);
    const info = await cli('info', file, '--json');
    expect(info.code).toBe(0);
    const json = JSON.parse(info.out);
    expect(json).toMatchObject({ schemaVersion: LATEST_VERSION, title: 'Regiekaart Voorbeeldstad', counts: { actors: 46, agreements: 60, gaps: 8, governanceModels: 0 } });
    expect(json.counts.services).toBeGreaterThan(20);
    const text = await cli('info', file);
    expect(text.out).toMatch(/Actoren:\s+46/);
    expect(text.out).toMatch(new RegExp(`Schemaversie:\\s+${LATEST_VERSION}\\b`));
  });

  it('check prints the findings, as text and as JSON faithful to the rule engine, with --fail-on as exit code', async () => {
    const file = path.join(tmpDir(), 'v.regiekaart');
    await cli('demo', file);
    const json = await cli('check', file, '--json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out);
    // The same findings the engine gives for the same file.
    const { NetworkDocument } = await import('../../electron/core/document');
    const { runChecks } = await import('../../shared/checks');
    const { mergeVocab } = await import('../../shared/vocab');
    const doc = await NetworkDocument.open(file);
    const expected = runChecks(doc.snapshot(), mergeVocab(doc.vocab()));
    doc.close();
    expect(report.count).toBe(expected.length);
    expect(report.findings.map((f: { key: string }) => f.key)).toEqual(expected.map((f) => f.key));
    const rc7 = report.findings.find((f: { ruleId: string }) => f.ruleId === 'RC7');
    expect(rc7).toMatchObject({ severity: 'MEDIUM', status: 'open', agreements: [{ id: 'R08', title: 'Gezinszorg – enkel eigen dienst' }, { id: 'R59' }] });
    expect(rc7.actors).toContainEqual({ id: 'A03', name: 'Sociaal Huis Voorbeeldstad' });
    const text = await cli('check', file);
    expect(text.out).toMatch(/^\d+ bevindingen in /);
    expect(text.out).toMatch(/RC1 +hoog +open +Geen geldig beheersmodel/);
    expect(text.out).toContain('R08 Gezinszorg – enkel eigen dienst');
    expect((await cli('check', file, '--fail-on', 'high')).code).toBe(3);
    // Once every high finding has a measure in force, --fail-on high passes; medium ones still fail.
    const { applyBatch } = await import('../../electron/core/edit/apply');
    const { EditBatchSchema } = await import('../../shared/edit/commands');
    const mitigated = await NetworkDocument.open(file);
    const highs = runChecks(mitigated.snapshot(), mergeVocab(mitigated.vocab())).filter((f) => f.severity === 'HIGH');
    applyBatch(mitigated, EditBatchSchema.parse({ label: 'Maatregelen', steps: highs.map((f) => ({ op: 'create', kind: 'mitigation', value: { findingKey: f.key, ruleId: f.ruleId, measure: 'ANDERE', reviewDate: '2030-12-31' } })) }));
    mitigated.close();
    expect((await cli('check', file, '--fail-on', 'high')).code).toBe(0);
    expect((await cli('check', file, '--fail-on', 'medium')).code).toBe(3);
    const bad = await cli('check', file, '--fail-on', 'ernstig');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--fail-on verwacht high, medium of low');
  });

  it('refuses to overwrite without --force, and leaves no half-written file', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'v.regiekaart');
    fs.writeFileSync(file, 'bestaand');
    const r = await cli('demo', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bestaat al.*--force/);
    expect(fs.readFileSync(file, 'utf8')).toBe('bestaand');
    expect((await cli('demo', file, '--force')).code).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['v.regiekaart']);
  });

  it('answers bad input in Dutch on stderr with a non-zero exit code', async () => {
    const missing = await cli('info', path.join(tmpDir(), 'nergens.regiekaart'));
    expect(missing).toMatchObject({ code: 1, out: '' });
    expect(missing.err).toMatch(/^Fout: Het bestand .* bestaat niet\./);
    const unknown = await cli('exporteer');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/Onbekende opdracht "exporteer"/);
    const badOption = await cli('info', 'x.regiekaart', '--xml');
    expect(badOption.code).toBe(2);
    expect(badOption.err).toMatch(/Onbekende optie/);
    expect((await cli('info')).err).toMatch(/Geef precies één bestand op/);
  });

  it('runs as a process with the right exit codes (npm run cli)', () => {
    const file = path.join(tmpDir(), 'p.regiekaart');
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args], { encoding: 'utf8' });
    expect(run('demo', file).status).toBe(0);
    const info = run('info', file, '--json');
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout).counts.actors).toBe(46);
    const bad = run('info', `${file}.nope`);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/bestaat niet/);
  });
});
