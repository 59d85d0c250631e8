import { describe, expect, it } from 'vitest';
import { planDelete, type DocumentState } from '../../shared/edit/cascade';
import { NetworkDataSchema, PositionSchema, ViewSchema } from '../../shared/model';

const actor = (id: string, extra = {}) => ({ id, name: `Actor ${id}`, type: 'CAW', sectors: ['WELZIJN'], legalForm: 'PRIVATE_NONPROFIT', level: 'LOKAAL', ...extra });
const party = (actorId: string, role = 'PARTNER') => ({ actorId, role });

function state(): DocumentState {
  const data = NetworkDataSchema.parse({
    meta: { title: 'Test' },
    actors: [actor('A'), actor('B', { controlledById: 'A' }), actor('C')],
    services: [{ id: 'S1', providerId: 'A', name: 'Onthaal' }, { id: 'S2', providerId: 'B', name: 'Budgetbegeleiding' }],
    partnerships: [{ id: 'P', name: 'GBO', kind: 'GBO', leadActorId: 'A' }],
    members: [{ id: 'M1', partnershipId: 'P', actorId: 'A', agreementId: 'R3' }, { id: 'M2', partnershipId: 'P', actorId: 'B' }],
    agreements: [
      { id: 'R1', type: 'CONVENANT', title: 'Twee', status: 'ACTIEF', parties: [party('A'), party('B')] },
      { id: 'R2', type: 'CONVENANT', title: 'Drie', status: 'ACTIEF', parties: [party('A'), party('B'), party('C')] },
      { id: 'R3', type: 'LIDMAATSCHAP', title: 'Lid', status: 'ACTIEF', partnershipId: 'P', parties: [party('B')] },
    ],
    gaps: [{ id: 'G', title: 'Geen nazorg', severity: 'HIGH', status: 'OPEN', actorIds: ['A', 'C'], agreementIds: ['R1'] }],
  });
  return {
    ...data,
    views: [ViewSchema.parse({ id: 'STANDAARD', name: 'Standaard' })],
    positions: [PositionSchema.parse({ id: 'STANDAARD|A', viewId: 'STANDAARD', nodeId: 'A', x: 1, y: 2 })],
  };
}

describe('planDelete', () => {
  it('deleting an actor takes its services, memberships, positions and two-party agreements, and unlinks the rest', () => {
    const plan = planDelete(state(), 'actor', ['A']);
    expect(plan.deletes.map((d) => `${d.kind}:${d.id}`).sort()).toEqual(['actor:A', 'agreement:R1', 'member:M1', 'position:STANDAARD|A', 'service:S1']);
    expect(plan.deletes.find((d) => d.id === 'S1')!.because).toBe('Actor A');
    const updated = Object.fromEntries(plan.updates.map((u) => [`${u.kind}:${u.value.id}`, u.value]));
    expect(Object.keys(updated).sort()).toEqual(['actor:B', 'agreement:R2', 'gap:G', 'partnership:P']);
    expect(updated['actor:B'].controlledById).toBeNull();
    expect((updated['agreement:R2'].parties as { actorId: string }[]).map((p) => p.actorId)).toEqual(['B', 'C']);
    // The gap loses both the actor and the agreement that went with it, in one update.
    expect(updated['gap:G']).toMatchObject({ actorIds: ['C'], agreementIds: [] });
    expect(updated['partnership:P'].leadActorId).toBeNull();
  });

  it('leaves what does not depend on the deleted thing alone', () => {
    const plan = planDelete(state(), 'actor', ['C']);
    expect(plan.deletes.map((d) => d.id)).toEqual(['C']);
    expect(plan.updates.map((u) => u.value.id).sort()).toEqual(['G', 'R2']);
    expect(planDelete(state(), 'service', ['S2'])).toEqual({ deletes: [{ kind: 'service', id: 'S2', label: 'Budgetbegeleiding', because: null }], updates: [] });
  });

  it('an agreement held up by a partnership goes with the partnership once it has fewer than two parties', () => {
    const plan = planDelete(state(), 'partnership', ['P']);
    expect(plan.deletes.map((d) => `${d.kind}:${d.id}`).sort()).toEqual(['agreement:R3', 'member:M1', 'member:M2', 'partnership:P']);
    // M1 pointed at R3, but M1 goes too: no update is planned for something that is deleted.
    expect(plan.updates).toEqual([]);
  });

  it('agenda items live inside their meeting: a deleted actor, function or service leaves them, the meeting stays', () => {
    const base = state();
    const s: DocumentState = {
      ...base,
      functions: [{ id: 'F', actorId: 'A', title: 'Schepen', orgUnitId: null, notes: null }],
      meetings: NetworkDataSchema.parse({
        meta: { title: 'x' },
        meetings: [
          {
            id: 'MT',
            title: 'Zorgraad',
            chairActorId: 'A',
            items: [
              { id: '1', title: 'Evaluatie', type: 'EVALUATIE', serviceIds: ['S1', 'S2'], rapporteurActorId: 'A', chairFunctionId: 'F' },
              { id: '2', title: 'Info', type: 'INFORMATIE', rapporteurActorId: 'C' },
            ],
          },
        ],
      }).meetings,
    };
    const byActor = planDelete(s, 'actor', ['A']).updates.find((u) => u.kind === 'meeting')!.value;
    expect(byActor.chairActorId).toBeNull();
    // A's service S1 and its function F go with A, and leave the item too; C's item is untouched.
    expect(byActor.items).toMatchObject([{ rapporteurActorId: null, serviceIds: ['S2'], chairFunctionId: null }, { rapporteurActorId: 'C' }]);
    const byFunction = planDelete(s, 'function', ['F']).updates.find((u) => u.kind === 'meeting')!.value;
    expect(byFunction.items).toMatchObject([{ chairFunctionId: null, rapporteurActorId: 'A' }, {}]);
    const byService = planDelete(s, 'service', ['S2']).updates.find((u) => u.kind === 'meeting')!.value;
    expect((byService.items as { serviceIds: string[] }[])[0].serviceIds).toEqual(['S1']);
    expect(planDelete(s, 'actor', ['B']).updates.find((u) => u.kind === 'meeting')!.value.items).toMatchObject([{ rapporteurActorId: 'A', serviceIds: ['S1'] }, { rapporteurActorId: 'C' }]);
    expect(planDelete(s, 'agreement', ['R1']).updates.some((u) => u.kind === 'meeting')).toBe(false);
    // A deleted gap leaves the item that discussed it.
    const withGap = { ...s, meetings: s.meetings.map((m) => ({ ...m, items: m.items.map((it) => ({ ...it, gapIds: ['G'] })) })) };
    expect(planDelete(withGap, 'gap', ['G']).updates.find((u) => u.kind === 'meeting')!.value.items).toMatchObject([{ gapIds: [] }, { gapIds: [] }]);
  });

  it('deleting a view takes its positions, and the report builder scoped to it falls back to the whole network', () => {
    expect(planDelete(state(), 'view', ['STANDAARD']).deletes.map((d) => d.kind)).toEqual(['view', 'position']);
    const withReport: DocumentState = { ...state(), reportSettings: { id: 'RAPPORT', options: { sections: ['cover'], viewId: 'STANDAARD', orientation: 'portrait', lang: 'nl', dueDays: 90 }, lastExportAt: null, lastExportPath: null } };
    const plan = planDelete(withReport, 'view', ['STANDAARD']);
    expect(plan.updates.map((u) => u.kind)).toEqual(['reportSettings']);
    expect(plan.updates[0].value.options).toEqual({ sections: ['cover'], orientation: 'portrait', lang: 'nl', dueDays: 90 });
  });
});
