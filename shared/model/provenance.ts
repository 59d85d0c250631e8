import { formatKbo } from '../util/kbo';
import type { Actor } from './entities';

/** The name of the document's own map among the origins of a view filter. */
export const OWN_MAP = '';

/** The merged map an actor came from (the first that added it), or null for the document's own actors. */
export const originOf = (a: Pick<Actor, 'provenance'>): string | null => a.provenance.find((p) => p.added)?.source ?? null;

/** The maps an actor is in: the document's own (OWN_MAP) unless it came from elsewhere, and every merged map. */
export function mapsOf(a: Pick<Actor, 'provenance'>): string[] {
  const maps = new Set<string>(originOf(a) === null ? [OWN_MAP] : []);
  for (const p of a.provenance) maps.add(p.source);
  return [...maps];
}

/** The merged maps a document holds actors of, in the order they first appear. */
export function mergedSources(actors: readonly Pick<Actor, 'provenance'>[]): string[] {
  const out = new Set<string>();
  for (const a of actors) for (const p of a.provenance) out.add(p.source);
  return [...out];
}

/** The maps an actor is in, by name, for exports and reports of a merged map ("Voorbeeldstad; Noorddorp"). */
export function originLabel(a: Pick<Actor, 'provenance'>, ownName: string): string {
  return mapsOf(a)
    .map((m) => (m === OWN_MAP ? ownName : m))
    .join('; ');
}

type Distinct = Pick<Actor, 'id' | 'kbo' | 'provenance' | 'contact'>;

/** What tells one actor apart by itself: the map it came from or the place in its address, and its KBO number. */
function detailOf(a: Distinct): string {
  const place = a.contact.address?.match(/\b\d{4}\s+([^,\n]+?)\s*$/)?.[0] ?? null;
  return [originOf(a) ?? place, a.kbo ? `KBO ${formatKbo(a.kbo)}` : null].filter(Boolean).join(', ');
}

/**
 * What tells apart actors of the same name ("Sociaal Huis": one of each municipality of a merged map, or of a
 * Sociale Kaart extract), in their order: the map each came from or the place in its address, and its KBO number;
 * and its id where those do not tell it from another one.
 */
export function distinctDetails(actors: readonly Distinct[]): string[] {
  const details = actors.map(detailOf);
  const count = new Map<string, number>();
  for (const d of details) count.set(d, (count.get(d) ?? 0) + 1);
  return details.map((d, i) => (d && count.get(d) === 1 ? d : [d, `id ${actors[i].id}`].filter(Boolean).join(', ')));
}
