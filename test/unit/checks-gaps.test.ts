import { describe, expect, it } from 'vitest';
import { coverage } from '../../shared/checks/coverage';
import { runChecks } from '../../shared/checks';
import { DEFAULT_CHECK_SETTINGS } from '../../shared/checks/context';
import { NetworkDataSchema, type NetworkData } from '../../shared/model';
import { DEFAULT_VOCAB } from '../../shared/vocab';
import { buildVoorbeeldstad } from '../../electron/core/demo/voorbeeldstad';

const demo = NetworkDataSchema.parse(buildVoorbeeldstad());
const variant = (edit: (d: NetworkData) => void) => {
  const d = structuredClone(demo);
  edit(d);
  return NetworkDataSchema.parse(d);
};
const party = (actorId: string) => ({ actorId, role: 'PARTNER', functionId: null, orgUnitId: null, cluster: null });
const of = (rule: string, d: NetworkData = demo, settings = DEFAULT_CHECK_SETTINGS) => runChecks(d, DEFAULT_VOCAB, settings).filter((f) => f.ruleId === rule);

describe('gap rules', () => {
  it('G1: a priority pair with no provider is a gap, one provider is fragile, two are fine', () => {
    const only = (targetGroup: string, lifeDomain: string) => ({ ...DEFAULT_CHECK_SETTINGS, priorityPairs: [{ targetGroup, lifeDomain }] });
    expect(of('G1', demo, only('PSYCHISCH_KWETSBAREN', 'WONEN'))[0].severity).toBe('HIGH');
    expect(of('G1', demo, only('DAK_THUISLOZEN', 'WONEN'))[0]).toMatchObject({ severity: 'LOW', actorIds: ['A12'] });
    // The CAW's regional service covers Voorbeeldstad through the region that contains it; so does the OCMW's own.
    expect(of('G1', demo, only('ARMOEDE', 'INKOMEN'))).toEqual([]);
    // Ward services do not cover the whole municipality, and the text says where they do work.
    const ward = of('G1', demo, only('GEISOLEERDE_OUDEREN', 'SOCIALE_CONTACTEN'))[0];
    expect(ward.explanation).toContain('alleen aanbod in Centrum, Zuidwijk');
  });

  it('G2: the GBO misses an active health-fund member while its membership is a concept; signed, it is complete', () => {
    // GAP2: the pen-holder's GBO agreement R01 has ended and DMW Ziekenfonds B's membership R05 is a concept.
    expect(of('G2')[0]).toMatchObject({ severity: 'MEDIUM', agreementIds: ['R01', 'R05'] });
    expect(of('G2')[0].explanation).toContain('DMW Ziekenfonds B');
    const renewed = variant((d) => {
      d.agreements.find((a) => a.id === 'R05')!.status = 'ACTIEF';
      Object.assign(d.agreements.find((a) => a.id === 'R01')!, { status: 'ACTIEF', endDate: '2031-12-31' });
    });
    expect(of('G2', renewed)).toEqual([]);
    const noCaw = variant((d) => (d.members = d.members.filter((m) => !(m.partnershipId === 'P-GBO' && m.actorId === 'A12'))));
    expect(of('G2', noCaw)[0]).toMatchObject({ severity: 'HIGH' });
    expect(of('G2', noCaw)[0].explanation).toContain('CAW');
  });

  it('G3: the Sociaal Huis with information, desk and referral is enough; without those functions it is a gap', () => {
    expect(of('G3')).toEqual([]);
    expect(of('G3', variant((d) => (d.services.find((s) => s.id === 'S03')!.functions = ['INFO'])))).toHaveLength(1);
  });

  it('G4: co-serving without agreement, one finding per target group × life domain; informal is not enough; an unsigned protocol is named', () => {
    const youth = (d = demo) => of('G4', d).find((f) => f.key === 'G4:JONGEREN+WELZIJN');
    expect(youth()!.actorIds).toEqual(['A12', 'A37']);
    expect(youth()!.agreementIds).toEqual(['R53']);
    expect(youth()!.explanation).toContain('informele afspraak');
    expect(of('G4').map((f) => f.actorIds.join('+'))).toContain('A03+A09');
    const signed = variant((d) => d.agreements.push({ ...d.agreements.find((a) => a.id === 'R53')!, id: 'R99', type: 'PROTOCOL_TOELEIDING', title: 'Protocol JAC' }));
    expect(youth(signed)).toBeUndefined();
    // Three providers of work for the long-term unemployed, none linked: one finding naming all three, and it keeps
    // its key when one of them gets an agreement with another.
    const work = of('G4').find((f) => f.key === 'G4:LANGDURIG_WERKZOEKENDEN+WERK')!;
    expect(work.actorIds).toEqual(['A28', 'A29', 'A30']);
    const two = variant((d) => d.agreements.push({ ...d.agreements.find((a) => a.id === 'R53')!, id: 'R98', type: 'SAMENWERKINGSOVEREENKOMST', title: 'Trajectwerking', parties: ['A28', 'A29'].map(party) }));
    const after = of('G4', two).find((f) => f.key === work.key)!;
    expect(after.title).toContain('2 losse groepen');
    expect(after.explanation).toMatch(/1\) VDAB[^;]*\(A28\), Wijk-werk[^;]*\(A29\); 2\) Maatwerkbedrijf/);
    // Linked through each other counts as linked: a chain of agreements makes one group.
    const chain = variant((d) => d.agreements.push(...['A28+A29', 'A29+A30'].map((pair, i) => ({ ...d.agreements.find((a) => a.id === 'R53')!, id: `R9${i}`, type: 'SAMENWERKINGSOVEREENKOMST', title: pair, parties: pair.split('+').map(party) }))));
    expect(of('G4', chain).some((f) => f.key === work.key)).toBe(false);
  });

  it('G5: ended but still active is high, past review medium, ending within the window low', () => {
    const byId = new Map(of('G5').map((f) => [f.agreementIds[0], f.severity]));
    expect(byId.get('R01')).toBe('HIGH');
    for (const id of ['R23', 'R32', 'R56', 'R57', 'R45', 'R42', 'R07']) expect(byId.get(id), id).toBe('MEDIUM');
    expect(byId.get('R06')).toBe('LOW'); // ends 2026-12-31, 46 days after the reference date
    expect(byId.has('R08')).toBe(false); // review 2027-01-01 is not past
    expect(of('G5', demo, { ...DEFAULT_CHECK_SETTINGS, warningDays: 30 }).some((f) => f.agreementIds[0] === 'R06')).toBe(false);
  });

  it('G6: no links at all is medium, only signals is low', () => {
    const sev = new Map(of('G6').map((f) => [f.actorIds[0], f.severity]));
    expect(sev.get('A30')).toBe('MEDIUM');
    expect(sev.get('A35')).toBe('LOW');
    expect(sev.has('A03')).toBe(false);
  });

  it('G7: the missing link to the homelessness network, and none once the OCMW joins it', () => {
    expect(of('G7').map((f) => f.title)).toEqual(['Geen band met het bovenlokaal netwerk dak- en thuisloosheid']);
    const joined = variant((d) => d.members.push({ id: 'M99', partnershipId: 'P-DTL', actorId: 'A02', role: 'MEMBER' } as never));
    expect(of('G7', joined)).toEqual([]);
    const noLivc = variant((d) => {
      d.agreements = d.agreements.filter((a) => !a.parties.some((p) => p.actorId === 'A34'));
      d.roles = d.roles.filter((r) => r.partnershipId !== 'P-LIVCR');
      d.members = d.members.filter((m) => m.partnershipId !== 'P-LIVCR');
    });
    expect(of('G7', noLivc).find((f) => f.title.includes('LIVC-R'))?.severity).toBe('HIGH');
  });

  it('G8: isolated older people in Noordwijk have no outreach; an outreach service for the whole municipality closes it', () => {
    const f = of('G8').find((x) => x.title.includes('geïsoleerde ouderen'))!;
    expect(f.title).toContain('Noordwijk');
    const closed = variant((d) => d.services.push({ id: 'S99', providerId: 'A04', name: 'Huisbezoeken', targetGroups: ['GEISOLEERDE_OUDEREN'], lifeDomains: ['SOCIALE_CONTACTEN'], areaIds: ['VS'], outreach: true } as never));
    expect(of('G8', closed).some((x) => x.title.includes('geïsoleerde ouderen'))).toBe(false);
  });

  it('G9: the LLK without a link to the Huis van het Kind; with a membership it is fine', () => {
    expect(of('G9')[0].actorIds).toEqual(['A19', 'A21']);
    expect(of('G9', variant((d) => d.members.push({ id: 'M98', partnershipId: 'P-HVK', actorId: 'A21', role: 'MEMBER' } as never)))).toEqual([]);
  });

  it('G10–G14 on changed data', () => {
    expect(of('G10')).toEqual([]);
    expect(of('G10', variant((d) => d.members.forEach((m) => (m.cluster = null))))).toHaveLength(1);
    expect(of('G11')).toEqual([]);
    const silent = variant((d) => (d.agreements = d.agreements.filter((a) => a.type !== 'SIGNAAL')));
    expect(of('G11', silent)).toHaveLength(1);
    expect(of('G12')).toEqual([]);
    // Burenhulp Zuidwijk is tied to professionals by an informal arrangement (R39) and the home-care network; without both it stands alone.
    expect(of('G12', variant((d) => (d.agreements = d.agreements.filter((a) => a.id !== 'R39'))))).toEqual([]);
    const alone = variant((d) => {
      d.agreements = d.agreements.filter((a) => a.id !== 'R39');
      d.members = d.members.filter((m) => m.actorId !== 'A38');
    });
    expect(of('G12', alone)[0].actorIds).toEqual(['A38']);
    expect(of('G13')).toEqual([]);
    expect(of('G13', variant((d) => (d.agreements.find((a) => a.id === 'R08')!.documentRef = null)))).toHaveLength(1);
    expect(of('G14')).toEqual([]);
    const stale = variant((d) => Object.assign(d.actors.find((a) => a.id === 'A12')!, { socialeKaartId: 'SK-1', socialeKaartSyncedAt: '2025-06-01' }));
    expect(of('G14', stale)[0].actorIds).toEqual(['A12']);
    const fresh = variant((d) => Object.assign(d.actors.find((a) => a.id === 'A12')!, { socialeKaartId: 'SK-1', socialeKaartSyncedAt: '2026-06-01' }));
    expect(of('G14', fresh)).toEqual([]);
  });
});

describe('coverage matrix', () => {
  it('counts providers covering the municipality per target group × life domain, as G1 does, and marks priorities', () => {
    const cov = coverage(demo, DEFAULT_VOCAB);
    // GAP1: nothing covers psychisch kwetsbaren × wonen for Voorbeeldstad, and it is a priority.
    expect(cov.cell('PSYCHISCH_KWETSBAREN', 'WONEN')).toMatchObject({ providerIds: [], priority: true });
    // Every priority cell agrees with G1: 0 → a high finding, 1 → a low one, more → none.
    for (const { targetGroup, lifeDomain } of DEFAULT_CHECK_SETTINGS.priorityPairs) {
      const n = cov.cell(targetGroup, lifeDomain).providerIds.length;
      const f = of('G1').find((x) => x.key === `G1:${[targetGroup, lifeDomain].sort().join('+')}`);
      expect(f?.severity ?? 'NONE', `${targetGroup} × ${lifeDomain}`).toBe(n === 0 ? 'HIGH' : n === 1 ? 'LOW' : 'NONE');
    }
    // A ward-only service does not cover the municipality; a supra-local one whose area contains it does.
    const ward = demo.services.find((s) => s.id === 'S04')!;
    expect(cov.cell('GEISOLEERDE_OUDEREN', 'SOCIALE_CONTACTEN').serviceIds).not.toContain(ward.id);
    const wider = variant((d) => (d.services.find((s) => s.id === 'S04')!.areaIds = [d.areas.find((a) => a.type === 'ELZ')!.id]));
    expect(coverage(wider, DEFAULT_VOCAB).cell('GEISOLEERDE_OUDEREN', 'SOCIALE_CONTACTEN').providerIds).toContain('A04');
    expect(cov.targetGroups).not.toContain('BREDE_DOELGROEP');
  });
});
