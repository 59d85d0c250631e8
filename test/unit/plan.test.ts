import { describe, expect, it } from 'vitest';
import { planTables, type MappedSheet } from '../../shared/exchange/plan';
import { suggestColumns } from '../../shared/exchange/fields';
import { NetworkDataSchema } from '../../shared/model';
import { DEFAULT_VOCAB, mergeVocab } from '../../shared/vocab';

const sheet = (kind: MappedSheet['kind'], header: string[], rows: string[][]): MappedSheet => ({ name: 'blad', kind, header, rows, columns: suggestColumns(kind, header) });
const empty = NetworkDataSchema.parse({ meta: { title: 'leeg' } });

describe('the planner reads repeated cells once, and each row still gets its own value and its own problems', () => {
  it('a repeated list of codes is one list per row; a repeated wrong code or date is a problem on every row', () => {
    const header = ['Naam', 'Sectoren', 'Type', 'Actief'];
    const ok = planTables(empty, mergeVocab(DEFAULT_VOCAB), [sheet('actors', header, [
      ['Een', 'Welzijn; Wonen', 'CAW (incl. JAC)', 'ja'],
      ['Twee', 'Welzijn; Wonen', 'CAW (incl. JAC)', 'ja'],
      ['Drie', 'Welzijn', 'caw incl jac', 'nee'],
    ])]);
    expect(ok.problems).toEqual([]);
    const values = ok.writes.map((w) => w.value as { sectors: string[]; type: string; active: boolean });
    expect(values.map((v) => v.sectors)).toEqual([['WELZIJN', 'WONEN'], ['WELZIJN', 'WONEN'], ['WELZIJN']]);
    expect(values[0].sectors).not.toBe(values[1].sectors);
    values[0].sectors.push('ONDERWIJS');
    expect(values[1].sectors).toEqual(['WELZIJN', 'WONEN']);
    expect(values.map((v) => [v.type, v.active])).toEqual([['CAW', true], ['CAW', true], ['CAW', false]]);

    const bad = planTables(empty, mergeVocab(DEFAULT_VOCAB), [sheet('actors', ['Naam', 'Type', 'Actief'], [
      ['Een', 'Geen Type', 'misschien'],
      ['Twee', 'Geen Type', 'misschien'],
    ])]);
    expect(bad.problems.map((p) => p.where)).toEqual(['rij 2, kolom "Type"', 'rij 2, kolom "Actief"', 'rij 3, kolom "Type"', 'rij 3, kolom "Actief"']);
    expect(bad.problems[2].message).toBe(bad.problems[0].message);
    expect(bad.writes).toEqual([]);
  });

  it('a party cell with one name or with several, split on ; | and line breaks', () => {
    const actors = sheet('actors', ['Naam'], [['Een'], ['Twee'], ['Drie']]);
    const agreements = sheet('agreements', ['Titel', 'Partijen'], [['A', 'Een; Twee'], ['B', ' Een |Drie\nTwee '], ['C', 'Een']]);
    const plan = planTables(empty, mergeVocab(DEFAULT_VOCAB), [actors, agreements]);
    const names = new Map(plan.writes.filter((w) => w.entity === 'actor').map((w) => [w.value.id, (w.value as { name: string }).name]));
    const parties = plan.writes.filter((w) => w.entity === 'agreement').map((w) => (w.value as { parties: { actorId: string }[] }).parties.map((p) => names.get(p.actorId)));
    expect(parties).toEqual([['Een', 'Twee'], ['Een', 'Drie', 'Twee']]);
    expect(plan.problems).toEqual([{ where: 'rij 4', message: 'een afspraak heeft minstens twee partijen.' }]);
  });
});
