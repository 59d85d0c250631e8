import { describe, expect, it } from 'vitest';
import { filterNetwork, isUnfiltered, searchNetwork } from '../../shared/graph/filter';
import { EMPTY_FILTERS, NetworkDataSchema, type ViewFilters } from '../../shared/model';
import { buildVoorbeeldstad } from '../../electron/core/demo/voorbeeldstad';

const demo = NetworkDataSchema.parse(buildVoorbeeldstad());
const f = (over: Partial<ViewFilters>): ViewFilters => ({ ...EMPTY_FILTERS, ...over });
const sorted = (s: Set<string>) => [...s].sort();

describe('filterNetwork on Voorbeeldstad', () => {
  it('no filter shows everything', () => {
    const v = filterNetwork(demo, EMPTY_FILTERS);
    expect(v.actors.size).toBe(demo.actors.length);
    expect(v.agreements.size).toBe(demo.agreements.length);
    expect(v.partnerships.size).toBe(demo.partnerships.length);
    expect(isUnfiltered(EMPTY_FILTERS)).toBe(true);
  });

  it('housing shows the housing actors and only the agreements between them', () => {
    const v = filterNetwork(demo, f({ sectors: ['WONEN'] }));
    const expected = demo.actors.filter((a) => a.sectors.includes('WONEN')).map((a) => a.id).sort();
    expect(sorted(v.actors)).toEqual(expected);
    expect(expected).toEqual(['A26', 'A27', 'A43']);
    // R27: the housing company is a member of the homelessness network; R23 (OCMW ↔ housing company) crosses out.
    expect(v.agreements.has('R27')).toBe(true);
    expect(v.agreements.has('R23')).toBe(false);
    for (const id of v.agreements) {
      const ag = demo.agreements.find((a) => a.id === id)!;
      expect(ag.parties.filter((p) => v.actors.has(p.actorId)).length).toBeGreaterThanOrEqual(ag.partnershipId ? 1 : 2);
    }
    expect(isUnfiltered(f({ sectors: ['WONEN'] }))).toBe(false);
  });

  it('filters combine: OR within one, AND across', () => {
    const both = filterNetwork(demo, f({ sectors: ['WONEN', 'WERK'] }));
    const werk = filterNetwork(demo, f({ sectors: ['WERK'] }));
    expect(both.actors.size).toBe(3 + werk.actors.size);
    const local = filterNetwork(demo, f({ sectors: ['WONEN', 'WERK'], levels: ['LOKAAL'] }));
    expect(sorted(local.actors)).toEqual(demo.actors.filter((a) => a.level === 'LOKAAL' && a.sectors.some((s) => s === 'WONEN' || s === 'WERK')).map((a) => a.id).sort());
  });

  it('agreement type and status filters keep the actors but drop other agreements', () => {
    const v = filterNetwork(demo, f({ agreementTypes: ['PROTOCOL_TOELEIDING'], agreementStatuses: ['ACTIEF'] }));
    expect(v.actors.size).toBe(demo.actors.length);
    expect(sorted(v.agreements)).toEqual(demo.agreements.filter((a) => a.type === 'PROTOCOL_TOELEIDING' && a.status === 'ACTIEF').map((a) => a.id).sort());
    expect(v.agreements.has('R59')).toBe(false); // a concept protocol
  });

  it('target group and life domain filters go through services', () => {
    const tg = demo.services.find((s) => s.targetGroups.length)!.targetGroups[0];
    const v = filterNetwork(demo, f({ targetGroups: [tg] }));
    const providers = new Set(demo.services.filter((s) => s.active && s.targetGroups.includes(tg)).map((s) => s.providerId));
    for (const p of demo.partnerships) if (p.actorId && p.targetGroups.includes(tg)) providers.add(p.actorId);
    expect(sorted(v.actors)).toEqual([...providers].sort());
    expect(v.actors.size).toBeGreaterThan(0);
  });

  it('focus keeps one actor and what lies within n steps', () => {
    const one = filterNetwork(demo, f({ focus: { actorId: 'A03', depth: 1 } }));
    const direct = new Set(['A03']);
    for (const ag of demo.agreements) if (ag.parties.some((p) => p.actorId === 'A03')) ag.parties.forEach((p) => direct.add(p.actorId));
    expect(sorted(one.actors)).toEqual([...direct].sort());
    expect(one.actors.has('A12')).toBe(true);
    expect(one.actors.has('A46')).toBe(false);
    const two = filterNetwork(demo, f({ focus: { actorId: 'A03', depth: 2 } }));
    expect(two.actors.size).toBeGreaterThan(one.actors.size);
    for (const id of one.actors) expect(two.actors.has(id)).toBe(true);
    // The focused actor stays even when another filter would hide it.
    const housing = filterNetwork(demo, f({ sectors: ['WONEN'], focus: { actorId: 'A03', depth: 1 } }));
    expect(sorted(housing.actors)).toEqual(['A03']);
    expect(housing.agreements.size).toBe(0);
  });
});

describe('searchNetwork', () => {
  it('finds by name without caring for case or accents, by id, by KBO and by service', () => {
    expect(searchNetwork(demo, 'sociaal huis')[0]).toBe('A03');
    expect(searchNetwork(demo, 'a17')).toContain('A17');
    const withKbo = demo.actors.find((a) => a.kbo)!;
    expect(searchNetwork(demo, withKbo.kbo!.slice(0, 6))).toContain(withKbo.id);
    const service = demo.services[0];
    expect(searchNetwork(demo, service.name)).toContain(service.providerId);
    expect(searchNetwork(demo, 'GEINTEGREERD').length + searchNetwork(demo, 'zorgraad').length).toBeGreaterThan(0);
    expect(searchNetwork(demo, '   ')).toEqual([]);
    expect(searchNetwork(demo, 'bestaat-niet-xyz')).toEqual([]);
  });
});
