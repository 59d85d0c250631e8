import { describe, expect, it } from 'vitest';
import { runChecks, type Finding } from '../../shared/checks';
import { NetworkDataSchema, type NetworkData } from '../../shared/model';
import { DEFAULT_VOCAB } from '../../shared/vocab';
import { buildVoorbeeldstad } from '../../electron/core/demo/voorbeeldstad';

const demo = NetworkDataSchema.parse(buildVoorbeeldstad());
/** The demo, changed by `edit` (on a deep copy). */
const variant = (edit: (d: NetworkData) => void) => {
  const d = structuredClone(demo);
  edit(d);
  return NetworkDataSchema.parse(d);
};
const run = (d: NetworkData = demo) => runChecks(d, DEFAULT_VOCAB);
const of = (rule: string, d?: NetworkData) => run(d).filter((f) => f.ruleId === rule);
const model = (over: Record<string, unknown> = {}) => ({
  id: 'BM1',
  actorId: 'A01',
  title: 'Beheersmodel regie en aanbod',
  status: 'ACTIEF',
  adoptedDate: '2026-01-15',
  reviewDate: '2031-12-31',
  separatedUnitIds: ['U2'],
  ...over,
});
const mentions = (f: Finding, ...names: string[]) => names.every((n) => `${f.title} ${f.explanation}`.includes(n));

describe('role conflicts on Voorbeeldstad (domain.md §6.4)', () => {
  it('finds the three deliberate conflicts, each with Dutch text naming who is involved and a mitigation', () => {
    const rules = new Set(run().map((f) => f.ruleId));
    for (const r of ['RC1', 'RC2', 'RC7', 'RC3', 'RC6', 'RC10', 'RC4', 'RC5', 'RC8']) expect(rules, r).toContain(r);
    for (const f of run().filter((x) => x.ruleId.startsWith('RC'))) {
      expect(f.title.length).toBeGreaterThan(10);
      expect(f.mitigation.length).toBeGreaterThan(20);
      expect(f.actorIds.length).toBeGreaterThan(0);
    }
    // RCX1: home care.
    const rc7 = of('RC7')[0];
    expect(rc7.agreementIds).toEqual(['R08', 'R59']);
    expect(mentions(rc7, 'Sociaal Huis Voorbeeldstad', 'Dienst Gezinszorg OCMW Voorbeeldstad', 'Thuiszorg Plus vzw (gezinszorg)')).toBe(true);
    expect(rc7.actorIds).not.toContain('A07'); // a residential care centre is not home care
    // RCX2: the subsidy call.
    expect(of('RC3')[0].agreementIds).toEqual(['R37', 'R38']);
    expect(of('RC6')[0].evidence).toEqual(expect.arrayContaining(['RA4', 'U1', 'F2']));
    expect(of('RC10')[0]).toMatchObject({ agreementIds: ['R60'], severity: 'HIGH' });
    // RCX3: the zorgraad.
    expect(of('RC8')[0]).toMatchObject({ severity: 'HIGH', agreementIds: ['R09', 'R58'] });
    expect(of('RC5').find((f) => f.evidence.includes('RA8'))!.evidence).toEqual(expect.arrayContaining(['RA8', 'F1']));
    // On the agenda of the zorgraad's meeting: the OCMW reports on its own day care and LDC (RC4), chaired by F1 (RC5).
    expect(of('RC4')).toEqual([expect.objectContaining({ key: 'RC4:MT1+punt 1', actorIds: expect.arrayContaining(['A02', 'A04', 'A06', 'A17']) })]);
    expect(of('RC5').filter((f) => f.evidence.includes('MT1')).map((f) => f.key)).toEqual(['RC5:MT1+punt 1', 'RC5:MT1+punt 2']);
    // RC2 weighs more because RC3 and RC7 hold too.
    expect(of('RC2')[0].severity).toBe('HIGH');
  });

  it('keys are stable from run to run', () => {
    expect(run().map((f) => f.key)).toEqual(run().map((f) => f.key));
  });
});

describe('RC1 no beheersmodel', () => {
  it('an adopted model in force shows the conflict as mitigated, not hidden', () => {
    const [f] = of('RC1', variant((d) => d.governanceModels.push(model() as never)));
    expect(f).toMatchObject({ status: 'MITIGATED', mitigationIds: ['BM1'] });
    expect(f.explanation).toContain('Beheersmodel regie en aanbod');
    expect(of('RC1')[0].status).toBe('OPEN');
  });
  it('reopens when the model is past its review date, and stays open while it is a draft', () => {
    const expired = of('RC1', variant((d) => d.governanceModels.push(model({ reviewDate: '2026-01-01' }) as never)));
    expect(expired).toHaveLength(1);
    expect(expired[0].status).toBe('REOPENED');
    expect(expired[0].explanation).toContain('evaluatiedatum 2026-01-01 voorbij');
    expect(of('RC1', variant((d) => d.governanceModels.push(model({ status: 'CONCEPT' }) as never)))[0].status).toBe('OPEN');
  });
  it('counts a controlled entity as the local government itself', () => {
    // Only services of entities the OCMW controls remain: still the local government's own.
    const d = variant((x) => {
      x.services = x.services.filter((s) => s.providerId === 'A08' || !['A01', 'A02', 'A03', 'A04', 'A06', 'A21'].includes(s.providerId));
    });
    expect(of('RC1', d)[0].actorIds).toContain('A08');
    // Without the control link, the same home-care service is someone else's.
    const independent = variant((x) => {
      x.services = x.services.filter((s) => !['A01', 'A02', 'A03', 'A04', 'A06', 'A21', 'A25', 'A34', 'A44'].includes(s.providerId));
      x.actors.find((a) => a.id === 'A08')!.controlledById = null;
    });
    expect(of('RC1', independent)).toEqual([]);
  });
  it('does not fire for a local government that is no regisseur', () => {
    expect(of('RC1', variant((d) => (d.roles = d.roles.filter((r) => r.role !== 'REGISSEUR'))))).toEqual([]);
  });
});

describe('RC2 regisseur of competing supply', () => {
  it('counts a supra-local provider whose area contains the municipality', () => {
    const f = of('RC2')[0];
    expect(f.actorIds).toContain('A09'); // Thuiszorg Plus works in the ELZ, which contains Voorbeeldstad
  });
  it('does not fire when the other provider works in another municipality only', () => {
    const d = variant((x) => {
      x.members = x.members.filter((m) => m.partnershipId !== 'P-THUISZORG' || x.actors.find((a) => a.id === m.actorId)?.controlledById || m.actorId === 'A09');
      for (const s of x.services) if (s.providerId === 'A09') s.areaIds = ['ND'];
    });
    expect(of('RC2', d)).toEqual([]);
  });
});

describe('RC3 funds itself', () => {
  it('does not fire for a grant to an independent partner drafted by a unit without a stake', () => {
    const d = variant((x) => {
      x.agreements = x.agreements.filter((a) => a.id !== 'R38');
      for (const a of x.agreements) if (a.id === 'R37') a.parties[0].orgUnitId = 'U2';
    });
    expect(of('RC3', d)).toEqual([]);
  });
  it('fires when the drafting unit runs the applicant, even if the applicant is not controlled', () => {
    const d = variant((x) => {
      x.agreements = x.agreements.filter((a) => a.id !== 'R38');
      x.services.find((s) => s.providerId === 'A05')!.orgUnitId = 'U1';
    });
    expect(of('RC3', d).map((f) => f.agreementIds)).toEqual([['R37']]);
  });
});

describe('RC5 chairs own case', () => {
  it('a statutory role (the mayor organises the LIVC-R) is not flagged', () => {
    const d = variant((x) => {
      x.meetings = [];
      x.roles = x.roles.filter((r) => r.id !== 'RA8');
      x.roles.push({ id: 'RA99', role: 'CHAIR', actorId: 'A01', partnershipId: 'P-LIVCR', statutory: true } as never);
    });
    expect(of('RC5', d)).toEqual([]);
    const notStatutory = variant((x) => {
      x.meetings = [];
      x.roles = x.roles.filter((r) => r.id !== 'RA8');
      x.roles.push({ id: 'RA99', role: 'CHAIR', actorId: 'A01', partnershipId: 'P-ZORGRAAD', statutory: false } as never);
    });
    expect(of('RC5', notStatutory)).toHaveLength(1);
  });
});

describe('RC4 and RC5 on the agenda', () => {
  const item = (d: NetworkData) => d.meetings[0].items[0];
  it('RC4: no finding with external input, or with a rapporteur from outside the local government', () => {
    expect(of('RC4', variant((x) => (item(x).externalInput = true)))).toEqual([]);
    expect(of('RC4', variant((x) => (item(x).rapporteurActorId = 'A13')))).toEqual([]);
    // An evaluation of someone else's service is no self-evaluation.
    expect(of('RC4', variant((x) => (item(x).serviceIds = ['S09'])))).toEqual([]);
  });
  it('RC5: handing the chair to someone outside the local government for the item ends it; an information item never counts', () => {
    const handed = variant((x) => (item(x).chairActorId = 'A12'));
    expect(of('RC5', handed).map((f) => f.key)).not.toContain('RC5:MT1+punt 1');
    expect(of('RC5', handed).map((f) => f.key)).toContain('RC5:MT1+punt 2');
    const info = variant((x) => (x.meetings[0].items[2].serviceIds = ['S04']));
    expect(of('RC5', info).map((f) => f.key)).not.toContain('RC5:MT1+punt 3');
  });
});

describe('RC11 conditional funding', () => {
  it('fires for a local grant that demands exclusive referral to the funder, not for one without such a clause', () => {
    const grant = (conditions: unknown) =>
      variant((x) =>
        x.agreements.push({
          ...x.agreements.find((a) => a.id === 'R53')!,
          id: 'R97',
          type: 'SUBSIDIE',
          title: 'Werkingssubsidie Het Mandje',
          status: 'ACTIEF',
          parties: [
            { actorId: 'A01', role: 'FUNDER', functionId: null, orgUnitId: null, cluster: null },
            { actorId: 'A39', role: 'RECIPIENT', functionId: null, orgUnitId: null, cluster: null },
          ],
          conditions: conditions as never,
        }),
      );
    const [f] = of('RC11', grant({ exclusiveReferral: true, restrictsOffer: false, description: 'Enkel doorverwijzen naar de sociale dienst van het OCMW' }));
    expect(f).toMatchObject({ severity: 'HIGH', agreementIds: ['R97'], actorIds: ['A01', 'A39'] });
    expect(f.explanation).toContain('exclusief door te verwijzen');
    expect(of('RC11', grant(null))).toEqual([]);
    expect(of('RC11', grant({ exclusiveReferral: false, restrictsOffer: false, description: null }))).toEqual([]);
  });
});

describe('RC12 hidden control', () => {
  it('warns when the local government holds board seats in a vzw it is not recorded to control', () => {
    const seats = variant((x) => (x.actors.find((a) => a.id === 'A39')!.boardMemberIds = ['A01']));
    expect(of('RC12', seats)).toEqual([expect.objectContaining({ severity: 'LOW', actorIds: ['A01', 'A39'] })]);
    // Recorded as controlled: no warning (and the other rules count it as the local government's own).
    const recorded = variant((x) => Object.assign(x.actors.find((a) => a.id === 'A39')!, { boardMemberIds: ['A01'], controlledById: 'A01' }));
    expect(of('RC12', recorded)).toEqual([]);
    expect(of('RC12')).toEqual([]);
  });
});

describe('mitigations', () => {
  const rc8Key = () => of('RC8')[0].key;
  const measure = (over: Record<string, unknown>) => ({ id: 'MG1', ruleId: 'RC8', measure: 'ONTHOUDING', description: 'Onthouding bij stemmingen over eigen diensten', owner: 'Schepen van Welzijn', decisionRef: 'Notulen zorgraad 2026-12-10', reviewDate: '2027-06-30', ...over });
  it('a measure linked to a finding mitigates it until its review date, then reopens it', () => {
    const live = of('RC8', variant((x) => x.mitigations.push(measure({ findingKey: rc8Key() }) as never)))[0];
    expect(live).toMatchObject({ status: 'MITIGATED', mitigationIds: ['MG1'] });
    const lapsed = of('RC8', variant((x) => x.mitigations.push(measure({ findingKey: rc8Key(), reviewDate: '2026-06-30' }) as never)))[0];
    expect(lapsed.status).toBe('REOPENED');
  });
  it('a measure for a rule and an actor answers that rule wherever the actor is involved, and nothing else', () => {
    const d = variant((x) => x.mitigations.push(measure({ ruleId: 'RC5', actorId: 'A17' }) as never));
    const rc5 = of('RC5', d);
    expect(rc5.filter((f) => f.actorIds.includes('A17')).every((f) => f.status === 'MITIGATED')).toBe(true);
    expect(of('RC8', d)[0].status).toBe('OPEN');
  });
});

describe('RC7 gatekeeping referrals', () => {
  it('does not fire when the protocol also refers to the other provider', () => {
    const d = variant((x) => x.agreements.find((a) => a.id === 'R08')!.parties.push({ actorId: 'A09', role: 'RECEIVER', functionId: null, orgUnitId: null, cluster: null }));
    expect(of('RC7', d)).toEqual([]);
  });
});

describe('RC8 dual capacity in the zorgraad', () => {
  it('is medium without funds to the local government, and gone without a mandate', () => {
    expect(of('RC8', variant((x) => (x.agreements = x.agreements.filter((a) => a.id !== 'R58'))))[0].severity).toBe('MEDIUM');
    expect(of('RC8', variant((x) => (x.agreements = x.agreements.filter((a) => a.id !== 'R09'))))).toEqual([]);
  });
});

describe('RC9 data asymmetry', () => {
  it('fires for a pen-holder without any data-sharing agreement, and not with one', () => {
    expect(of('RC9')).toEqual([]);
    const d = variant((x) => (x.agreements = x.agreements.filter((a) => a.type !== 'GEGEVENSDELING')));
    expect(of('RC9', d).map((f) => f.evidence.find((e) => e.startsWith('P-')))).toEqual(expect.arrayContaining(['P-GBO', 'P-LIVCR']));
  });
});

describe('RC10 advice on a competitor', () => {
  it('does not fire when the advice concerns the local government itself', () => {
    const d = variant((x) => {
      const r = x.agreements.find((a) => a.id === 'R60')!;
      r.parties = r.parties.map((p) => (p.role === 'SUBJECT' ? { ...p, actorId: 'A04' } : p));
    });
    expect(of('RC10', d)).toEqual([]);
  });
});
