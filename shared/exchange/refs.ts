import type { ImportProblem } from './problems';

/** The lists of a network that hold entities with ids. */
export type ListKey =
  | 'areas'
  | 'actors'
  | 'orgUnits'
  | 'functions'
  | 'services'
  | 'partnerships'
  | 'members'
  | 'agreements'
  | 'roles'
  | 'governanceModels'
  | 'gaps'
  | 'meetings'
  | 'mitigations'
  | 'views';

export const LIST_KEYS: readonly ListKey[] = ['areas', 'actors', 'orgUnits', 'functions', 'services', 'partnerships', 'members', 'agreements', 'roles', 'governanceModels', 'gaps', 'meetings', 'mitigations', 'views'];

/**
 * Every reference between entities, as a path inside the referring entity (`[]` walks a list) and the list it
 * points into. Imports check them before writing, so a dangling one is reported with where it is.
 */
export const REFERENCES: Partial<Record<ListKey, readonly (readonly [path: string, target: ListKey])[]>> = {
  areas: [['parentIds[]', 'areas']],
  actors: [
    ['areaId', 'areas'],
    ['controlledById', 'actors'],
    ['boardMemberIds[]', 'actors'],
  ],
  orgUnits: [
    ['actorId', 'actors'],
    ['parentUnitId', 'orgUnits'],
  ],
  functions: [
    ['actorId', 'actors'],
    ['orgUnitId', 'orgUnits'],
  ],
  services: [
    ['providerId', 'actors'],
    ['orgUnitId', 'orgUnits'],
    ['areaIds[]', 'areas'],
  ],
  partnerships: [
    ['actorId', 'actors'],
    ['leadActorId', 'actors'],
    ['areaId', 'areas'],
  ],
  members: [
    ['partnershipId', 'partnerships'],
    ['actorId', 'actors'],
    ['agreementId', 'agreements'],
  ],
  agreements: [
    ['parties[].actorId', 'actors'],
    ['parties[].functionId', 'functions'],
    ['parties[].orgUnitId', 'orgUnits'],
    ['partnershipId', 'partnerships'],
    ['areaIds[]', 'areas'],
    ['finance.funderId', 'actors'],
  ],
  roles: [
    ['actorId', 'actors'],
    ['orgUnitId', 'orgUnits'],
    ['functionId', 'functions'],
    ['partnershipId', 'partnerships'],
  ],
  governanceModels: [
    ['actorId', 'actors'],
    ['separatedUnitIds[]', 'orgUnits'],
  ],
  gaps: [
    ['areaId', 'areas'],
    ['actorIds[]', 'actors'],
    ['agreementIds[]', 'agreements'],
  ],
  meetings: [
    ['bodyActorId', 'actors'],
    ['partnershipId', 'partnerships'],
    ['chairActorId', 'actors'],
    ['chairFunctionId', 'functions'],
    ['items[].serviceIds[]', 'services'],
    ['items[].rapporteurActorId', 'actors'],
    ['items[].rapporteurFunctionId', 'functions'],
    ['items[].chairActorId', 'actors'],
    ['items[].chairFunctionId', 'functions'],
    ['items[].gapIds[]', 'gaps'],
  ],
  mitigations: [['actorId', 'actors']],
  views: [['filters.focus.actorId', 'actors']],
};

/** The values at a path (`a.b`, `list[].field`, `ids[]`), each with its concrete location (`list[2].field`). */
export function valuesAt(obj: unknown, path: string): { at: string; value: unknown }[] {
  let found: { at: string; value: unknown }[] = [{ at: '', value: obj }];
  for (const part of path.split('.')) {
    const list = part.endsWith('[]');
    const key = list ? part.slice(0, -2) : part;
    const next: { at: string; value: unknown }[] = [];
    for (const f of found) {
      const v = f.value && typeof f.value === 'object' ? (f.value as Record<string, unknown>)[key] : undefined;
      const at = f.at ? `${f.at}.${key}` : key;
      if (!list) next.push({ at, value: v });
      else if (Array.isArray(v)) v.forEach((item, i) => next.push({ at: `${at}[${i}]`, value: item }));
    }
    found = next;
  }
  return found.filter((f) => f.value !== null && f.value !== undefined);
}

type Lists = Partial<Record<ListKey, readonly { id?: unknown }[]>>;

/** How an entity is named in a problem: `actors[3] (A03)`. */
export const entityAt = (list: string, index: number, id: unknown) => `${list}[${index}]${id ? ` (${String(id)})` : ''}`;

/**
 * Duplicate ids within a list and references to ids that are in neither the file nor `existing` (the ids already in
 * the document), each with its location.
 */
export function referenceProblems(data: Lists, existing: Partial<Record<ListKey, ReadonlySet<string>>> = {}): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const ids = new Map<ListKey, Set<string>>();
  for (const key of LIST_KEYS) {
    const seen = new Map<string, number>();
    (data[key] ?? []).forEach((item, i) => {
      const id = String(item.id);
      const first = seen.get(id);
      if (first !== undefined) problems.push({ where: entityAt(key, i, id), message: `id ${id} komt twee keer voor (ook ${key}[${first}]).` });
      else seen.set(id, i);
    });
    ids.set(key, new Set([...seen.keys(), ...(existing[key] ?? [])]));
  }
  for (const key of LIST_KEYS) {
    for (const [path, target] of REFERENCES[key] ?? []) {
      (data[key] ?? []).forEach((item, i) => {
        for (const { at, value } of valuesAt(item, path)) {
          if (!ids.get(target)!.has(String(value))) {
            problems.push({ where: `${entityAt(key, i, item.id)}.${at}`, message: `verwijst naar ${String(value)}, maar dat staat niet in ${target}.` });
          }
        }
      });
    }
  }
  return problems;
}
