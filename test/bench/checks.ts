/**
 * Check speed (issue 4): the whole rule set over a synthetic network shaped like a real one, at two sizes, and the
 * growth between them. Everything scales with the actor count: services (1.5 per actor), agreements (3 per actor),
 * partnerships (one per 20 actors, 10 members each), roles, units and areas stay realistic in kind.
 */
import { median } from './timing';
import { runChecks } from '../../shared/checks';
import { NetworkDataSchema, type NetworkData } from '../../shared/model';
import { DEFAULT_VOCAB } from '../../shared/vocab';
import { mulberry32 } from '../../shared/graph/seeded';

const codes = (kind: 'targetGroup' | 'lifeDomain' | 'actorType') => DEFAULT_VOCAB[kind].map((v) => v.code);

/**
 * A deterministic pseudo-random sequence, so both sizes and every run see the same network: mulberry32, the map's
 * layout seed generator. (The former LCG multiplied past 2^53, lost its low bits and left a third of the actors
 * without a single agreement.)
 */
const rng = mulberry32;

export function checkNetwork(n: number): NetworkData {
  const rand = rng(n);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const tgs = codes('targetGroup').filter((c) => c !== 'BREDE_DOELGROEP');
  const lds = codes('lifeDomain');
  const types = codes('actorType').filter((t) => t !== 'GEMEENTE' && t !== 'OCMW');
  const areas = [
    { id: 'REG', name: 'Regio', type: 'ELZ' },
    { id: 'VS', name: 'Stad', type: 'GEMEENTE', parentIds: ['REG'] },
    ...['W1', 'W2', 'W3', 'W4'].map((id) => ({ id, name: `Wijk ${id}`, type: 'WIJK', parentIds: ['VS'] })),
  ];
  const actors = Array.from({ length: n }, (_, i) => ({
    id: `A${i}`,
    name: `Actor ${i}`,
    type: i === 0 ? 'GEMEENTE' : i === 1 ? 'OCMW' : pick(types),
    sectors: ['WELZIJN'],
    legalForm: i < 2 ? 'PUBLIC_LOCAL' : pick(['PRIVATE_NONPROFIT', 'PUBLIC_LOCAL', 'INFORMAL', 'PRIVATE_FORPROFIT']),
    level: 'LOKAAL',
    areaId: 'VS',
    // One in fifty is run by the local government (an LDC, an AGB, a service centre).
    controlledById: i > 1 && i % 50 === 0 ? 'A1' : null,
  }));
  const services = Array.from({ length: Math.round(1.5 * n) }, (_, i) => ({
    id: `S${i}`,
    providerId: `A${i % n}`,
    name: `Dienst ${i}`,
    targetGroups: [pick(tgs), ...(rand() < 0.3 ? [pick(tgs)] : [])],
    lifeDomains: [pick(lds)],
    areaIds: [rand() < 0.2 ? pick(['W1', 'W2', 'W3', 'W4']) : rand() < 0.1 ? 'REG' : 'VS'],
    outreach: rand() < 0.1,
  }));
  const agreementTypes = ['SAMENWERKINGSOVEREENKOMST', 'PROTOCOL_TOELEIDING', 'SUBSIDIE', 'INFORMEEL', 'CONVENANT', 'GEGEVENSDELING'];
  const agreements = Array.from({ length: 3 * n }, (_, i) => {
    const a = Math.floor(rand() * n);
    let b = Math.floor(rand() * n);
    if (b === a) b = (a + 1) % n;
    const type = pick(agreementTypes);
    return {
      id: `R${i}`,
      type,
      title: `Afspraak ${i}`,
      status: pick(['ACTIEF', 'ACTIEF', 'ACTIEF', 'TE_HERZIEN', 'CONCEPT', 'VERLOPEN']),
      reviewDate: rand() < 0.1 ? '2026-10-01' : null,
      documentRef: rand() < 0.9 ? { path: `afspraken/${i}.pdf` } : null,
      parties: [
        { actorId: `A${a}`, role: type === 'SUBSIDIE' ? 'FUNDER' : 'PARTNER' },
        { actorId: `A${b}`, role: type === 'SUBSIDIE' ? 'RECIPIENT' : 'PARTNER' },
      ],
    };
  });
  const partnerships = Array.from({ length: Math.ceil(n / 20) }, (_, i) => ({ id: `P${i}`, name: `Netwerk ${i}`, kind: 'OVERLEG', areaIds: ['VS'] }));
  const members = partnerships.flatMap((p, i) =>
    Array.from({ length: 10 }, (_, k) => ({ id: `M${i}-${k}`, partnershipId: p.id, actorId: `A${(i * 37 + k * 101) % n}`, role: k === 0 ? 'PENHOUDER' : 'MEMBER' })),
  );
  const roles = partnerships.filter((_, i) => i % 3 === 0).map((p, i) => ({ id: `RA${i}`, actorId: 'A0', partnershipId: p.id, role: 'REGISSEUR' }));
  return NetworkDataSchema.parse({
    meta: { title: `Checks ${n}`, referenceDate: '2026-11-15', municipalityAreaId: 'VS' },
    areas,
    actors,
    services,
    agreements,
    partnerships,
    members: members.filter((m, k) => members.findIndex((x) => x.partnershipId === m.partnershipId && x.actorId === m.actorId) === k),
    roles,
  });
}

export interface ChecksTiming {
  n: number;
  ms: number;
  findings: number;
  /** One plain pass over the same snapshot (every row touched once): the floor any check run sits on. */
  floorMs: number;
}

export async function timeChecks(n: number, runs = 5): Promise<ChecksTiming> {
  const data = checkNetwork(n);
  let findings = 0;
  const ms = await median(() => void (findings = runChecks(data, DEFAULT_VOCAB).length), runs);
  const floorMs = await median(() => {
    const seen = new Map<string, number>();
    for (const list of [data.actors, data.services, data.agreements, data.members, data.partnerships]) for (const row of list) seen.set(row.id, (seen.get(row.id) ?? 0) + 1);
    for (const ag of data.agreements) for (const p of ag.parties) seen.set(p.actorId, (seen.get(p.actorId) ?? 0) + 1);
  }, runs);
  return { n, ms, findings, floorMs };
}
