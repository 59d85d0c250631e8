import { mapsOf, type NetworkData, type ViewFilters } from '../model';
import { pushTo } from '../util/multimap';

/** What a view shows, by entity id (not by map element id). */
export interface Visible {
  actors: Set<string>;
  agreements: Set<string>;
  partnerships: Set<string>;
}

const any = <T>(wanted: T[], have: readonly T[]) => wanted.length === 0 || have.some((h) => wanted.includes(h));
/** Codes an entity leaves empty say "not specified": such an entity is not filtered out on them. */
const anyOrUnset = <T>(wanted: T[], have: readonly T[]) => wanted.length === 0 || have.length === 0 || have.some((h) => wanted.includes(h));

/** The map node a partnership is drawn as: its own actor (GBO, zorgraad…) or a hub of its own. */
export const partnershipNodeId = (p: { id: string; actorId: string | null }) => p.actorId ?? `partnership:${p.id}`;

/**
 * Applies a view's filters to a network. Within one filter any chosen code matches; across filters all must hold.
 * Actors are filtered on sector (any of theirs), level, type, the maps they come from (own or merged), and on the
 * target groups and life domains of their services (or of the partnership they are the body of). An agreement is shown when its own type, status, target
 * groups and life domains pass and at least two of its ends (parties or partnership) are shown; a partnership hub
 * when one of its members is (or no actor filter is set). A focus then keeps what lies within `depth` steps of one actor, a step being one
 * agreement or one membership.
 */
export function filterNetwork(data: NetworkData, f: ViewFilters): Visible {
  const servicesOf = new Map<string, { tg: string[]; ld: string[] }>();
  const add = (actorId: string, tg: readonly string[], ld: readonly string[]) => {
    const s = servicesOf.get(actorId) ?? { tg: [], ld: [] };
    s.tg.push(...tg);
    s.ld.push(...ld);
    servicesOf.set(actorId, s);
  };
  for (const s of data.services) if (s.active) add(s.providerId, s.targetGroups, s.lifeDomains);
  for (const p of data.partnerships) if (p.actorId) add(p.actorId, p.targetGroups, p.lifeDomains);

  const actors = new Set<string>();
  for (const a of data.actors) {
    const s = servicesOf.get(a.id) ?? { tg: [], ld: [] };
    if (
      any(f.sectors, a.sectors) &&
      any(f.levels, [a.level]) &&
      any(f.actorTypes, [a.type]) &&
      any(f.targetGroups, s.tg) &&
      any(f.lifeDomains, s.ld) &&
      any(f.origins, mapsOf(a))
    ) {
      actors.add(a.id);
    }
  }
  const focusId = f.focus?.actorId;
  if (focusId && data.actors.some((a) => a.id === focusId)) actors.add(focusId);

  const actorFiltered = [f.sectors, f.levels, f.actorTypes, f.targetGroups, f.lifeDomains, f.origins].some((c) => c.length > 0);
  const nodeOf = new Map(data.partnerships.map((p) => [p.id, partnershipNodeId(p)]));
  const partnerships = new Set<string>();
  for (const p of data.partnerships) {
    if (p.actorId ? !actors.has(p.actorId) : !anyOrUnset(f.targetGroups, p.targetGroups) || !anyOrUnset(f.lifeDomains, p.lifeDomains)) continue;
    if (p.actorId || !actorFiltered || data.members.some((m) => m.partnershipId === p.id && actors.has(m.actorId))) partnerships.add(p.id);
  }
  const shownNode = (id: string) => actors.has(id) || (id.startsWith('partnership:') && partnerships.has(id.slice('partnership:'.length)));
  const endsOf = (ag: NetworkData['agreements'][number]) => {
    const ends = new Set(ag.parties.map((p) => p.actorId));
    const pn = ag.partnershipId ? nodeOf.get(ag.partnershipId) : undefined;
    if (pn) ends.add(pn);
    return [...ends];
  };
  const agreements = new Set<string>();
  for (const ag of data.agreements) {
    if (
      any(f.agreementTypes, [ag.type]) &&
      any(f.agreementStatuses, [ag.status]) &&
      anyOrUnset(f.targetGroups, ag.targetGroups) &&
      anyOrUnset(f.lifeDomains, ag.lifeDomains) &&
      endsOf(ag).filter(shownNode).length >= 2
    ) {
      agreements.add(ag.id);
    }
  }
  if (!focusId || !actors.has(focusId)) return { actors, agreements, partnerships };

  // Focus: breadth-first over what the filters left, one step per agreement or membership.
  const adj = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (a === b) return;
    (adj.get(a) ?? adj.set(a, new Set()).get(a)!).add(b);
    (adj.get(b) ?? adj.set(b, new Set()).get(b)!).add(a);
  };
  for (const ag of data.agreements) {
    if (!agreements.has(ag.id)) continue;
    const ends = endsOf(ag).filter(shownNode);
    for (const a of ends) for (const b of ends) link(a, b);
  }
  for (const m of data.members) {
    const pn = nodeOf.get(m.partnershipId);
    if (pn && actors.has(m.actorId) && shownNode(pn)) link(m.actorId, pn);
  }
  const depth = new Map<string, number>([[focusId, 0]]);
  let frontier = [focusId];
  for (let d = 1; d <= f.focus!.depth && frontier.length; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const nb of adj.get(id) ?? []) {
        if (!depth.has(nb)) {
          depth.set(nb, d);
          next.push(nb);
        }
      }
    }
    frontier = next;
  }
  const reached = (id: string) => depth.has(id);
  return {
    actors: new Set([...actors].filter(reached)),
    partnerships: new Set([...partnerships].filter((id) => reached(nodeOf.get(id)!))),
    agreements: new Set(data.agreements.filter((ag) => agreements.has(ag.id) && endsOf(ag).filter(reached).length >= 2).map((ag) => ag.id)),
  };
}

/** True when a filter set filters nothing. */
export const isUnfiltered = (f: ViewFilters) =>
  !f.focus && [f.sectors, f.levels, f.actorTypes, f.targetGroups, f.lifeDomains, f.agreementTypes, f.agreementStatuses, f.origins].every((c) => c.length === 0);

/** Lower-case without accents, so "Sociaal huis" finds "Sociaal Huis" and "geintegreerd" finds "Geïntegreerd". */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('nl');

/**
 * Search as the map's Ctrl+F does it: actors by name, other name, id, KBO number or one of their services' names;
 * agreements by title or id; partnerships by name. Returns map element ids, actors first, in name order.
 */
export function searchNetwork(data: NetworkData, query: string): string[] {
  const q = fold(query.trim());
  if (!q) return [];
  const digits = q.replace(/[^0-9]/g, '');
  const serviceNames = new Map<string, string[]>();
  for (const s of data.services) pushTo(serviceNames, s.providerId, fold(s.name));
  const actors = data.actors
    .filter(
      (a) =>
        fold(a.name).includes(q) ||
        a.aliases.some((n) => fold(n).includes(q)) ||
        fold(a.id) === q ||
        (digits.length >= 4 && !!a.kbo && a.kbo.replace(/[^0-9]/g, '').includes(digits)) ||
        (serviceNames.get(a.id) ?? []).some((n) => n.includes(q)),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
    .map((a) => a.id);
  const partnerships = data.partnerships.filter((p) => !p.actorId && fold(p.name).includes(q)).map((p) => `partnership:${p.id}`);
  const agreements = data.agreements.filter((a) => fold(a.title).includes(q) || fold(a.id) === q).map((a) => `agreement:${a.id}`);
  return [...actors, ...partnerships, ...agreements];
}

/** Whether two filter sets show the same thing (the order in which codes were ticked does not matter). */
export function sameFilters(a: ViewFilters, b: ViewFilters): boolean {
  const keys = ['sectors', 'levels', 'actorTypes', 'targetGroups', 'lifeDomains', 'agreementTypes', 'agreementStatuses', 'origins'] as const;
  const same = (x: string[], y: string[]) => x.length === y.length && [...x].sort().join('\u0000') === [...y].sort().join('\u0000');
  return keys.every((k) => same(a[k], b[k])) && a.focus?.actorId === b.focus?.actorId && a.focus?.depth === b.focus?.depth;
}

/** The map element ids a view hides (edges of hidden nodes are hidden with them). */
export function hiddenElements(data: NetworkData, v: Visible): Set<string> {
  const hidden = new Set<string>();
  for (const a of data.actors) if (!v.actors.has(a.id)) hidden.add(a.id);
  for (const p of data.partnerships) if (!p.actorId && !v.partnerships.has(p.id)) hidden.add(`partnership:${p.id}`);
  for (const ag of data.agreements) if (!v.agreements.has(ag.id)) hidden.add(`agreement:${ag.id}`);
  return hidden;
}
