import { PartnershipMemberSchema, PartnershipSchema, type NetworkData, type Partnership, type PartnershipMember } from '../model';
import { newId } from '../util/ids';
import { pushTo } from '../util/multimap';
import { vocabLabel, type VocabEntry, type VocabKind } from '../vocab';
import { CodeFinder, readBool, readDate, type Cell } from './cells';
import { normalise, TABLE_FIELDS } from './fields';
import { GRAPH_COLUMNS, HUB_ATTRS, OWN_PARTNERSHIP, type GraphLayer } from './graph';
import { changedFields, type PlanKind, type RowAction, type TablePlan } from './plan';
import type { ImportProblem } from './problems';

/** A hub of ours is `partnership:<id>`, a membership `member:<id>` (see `partnershipNodeId`). */
const ownId = (layer: GraphLayer, id: string | null, prefix: string): string | null => (layer.ours && id?.startsWith(prefix) ? id.slice(prefix.length) || null : null);

const NOTE_NAMES = (() => {
  const f = TABLE_FIELDS.actors.find((d) => d.key === 'notes')!;
  return new Set([f.key, f.nl, f.en, ...(f.synonyms ?? [])].map(normalise));
})();
/** A hub's notes: our export's `notes`, or what another tool calls them (yEd's `description`, …). */
const notesOf = (attrs: Record<string, string>): string => Object.entries(attrs).find(([k, v]) => NOTE_NAMES.has(normalise(k)) && v.trim())?.[1].trim() ?? '';

/**
 * The kind a partnership's name names, for a hub of another tool (a yEd group "GBO Voorbeeldstad", "Overleg Huis van
 * het Kind"): the one kind whose Dutch name or code is in it as whole words; null when none is, or more than one.
 */
export function kindInName(name: string, kinds: readonly VocabEntry[]): string | null {
  const words = ` ${normalise(name)} `;
  const found = kinds.filter((k) => k.code !== 'ANDERE' && [k.nl, k.code].some((t) => normalise(t).length >= 3 && words.includes(` ${normalise(t)} `)));
  return found.length === 1 ? found[0].code : null;
}

/** The code in a cell, or the default when it is empty. */
function codeOr(codes: CodeFinder, kind: VocabKind, raw: string | undefined, noun: string, fallback: string): Cell<string> {
  return raw?.trim() ? codes.one(kind, raw, noun) : { ok: true, value: fallback };
}

/**
 * Adds a graph file's partnerships and memberships (our export's hubs and member edges, `splitLayer`) to the plan of
 * its actors and agreements: a hub becomes a partnership, matched to one of the document's by id, then by exact
 * normalised name; a member edge a membership of the actor its source became (`plan.refs`), matched by partnership
 * and actor. Filled attributes go over what a matched one has. A hub or an edge with a problem is reported with its
 * line, and so is a membership whose actor or partnership was not read. A partnership that has an actor of its own is
 * carried by that actor's node (`OWN_PARTNERSHIP`), and the memberships that end at that actor join it; from a file
 * without those attributes, they join the document's partnership of that actor, and where the document has none, the
 * file does not say enough to make one: they are counted in a note.
 */
export function planGraphLayer(plan: TablePlan, existing: NetworkData, vocab: Record<VocabKind, VocabEntry[]>, layer: GraphLayer): void {
  const codes = new CodeFinder(vocab);
  const report = (sheet: string, line: number, kind: PlanKind, action: RowAction, id: string | null, label: string, changed?: string[]) => {
    plan.rows.push({ sheet, row: line, kind, action, id, label, ...(changed?.length ? { changed } : {}) });
    plan.summary[kind][action]++;
  };
  const sheetOf = (kind: PlanKind) => (kind === 'partnerships' ? 'knopen' : 'verbindingen');
  /** Plans one new or matched entity: insert, update (with the fields that change) or nothing. */
  const put = (entity: 'partnership' | 'member', kind: PlanKind, line: number, label: string, match: Partnership | PartnershipMember | null, next: Partnership | PartnershipMember) => {
    if (!match) {
      plan.writes.push({ op: 'insert', entity, value: next });
      return report(sheetOf(kind), line, kind, 'create', next.id, label);
    }
    const changed = changedFields(match as unknown as Record<string, unknown>, next as unknown as Record<string, unknown>);
    if (changed.length) plan.writes.push({ op: 'update', entity, value: next });
    report(sheetOf(kind), line, kind, changed.length ? 'update' : 'unchanged', next.id, label, changed);
  };
  const fail = (kind: PlanKind, line: number, label: string, problems: ImportProblem[]) => {
    plan.problems.push(...problems);
    report(sheetOf(kind), line, kind, 'problem', null, label);
  };

  const byId = new Map(existing.partnerships.map((p) => [p.id, p]));
  const byName = new Map<string, Partnership[]>();
  for (const p of existing.partnerships) pushTo(byName, normalise(p.name), p);
  /** Per hub node id: the partnership it became (absent: it had a problem). */
  const hubOf = new Map<string, Partnership>();
  const hubLine = new Map(layer.hubs.map((n) => [n.id, n.line]));
  const ofOwnActor = new Map(existing.partnerships.filter((p) => p.actorId).map((p) => [p.actorId!, p]));
  /** New partnerships whose kind was read from their name. */
  const fromName: string[] = [];

  /**
   * A partnership as a node carries it (`get` reads its fields by their keys in `OWN_PARTNERSHIP`), over the one it
   * matches: filled fields go over what it has. Null, with the problems reported, when a field is wrong. The trekker
   * is named by its node, and must be one of the file's actors.
   */
  const readPartnership = (n: GraphLayer['hubs'][number], get: (k: keyof typeof OWN_PARTNERSHIP) => string, match: Partnership | null, base: { id: string; kind: string; actorId?: string }): Partnership | null => {
    const where = `regel ${n.line}`;
    const name = get('name');
    const problems: ImportProblem[] = [];
    if (!name) problems.push({ where, message: 'een samenwerkingsverband zonder naam.' });
    const kind = codeOr(codes, 'partnershipKind', get('kind'), 'gekende soort samenwerkingsverband', match?.kind ?? base.kind);
    const active = get('active') ? readBool(get('active')) : null;
    const lifeDomains = get('lifeDomains') ? codes.many('lifeDomain', get('lifeDomains'), 'gekend levensdomein') : null;
    const targetGroups = get('targetGroups') ? codes.many('targetGroup', get('targetGroups'), 'gekende doelgroep') : null;
    for (const c of [kind, active, lifeDomains, targetGroups]) if (c && !c.ok) problems.push({ where, message: c.message });
    const lead = get('lead') ? plan.refs[get('lead')]?.actorId : undefined;
    if (get('lead') && !lead) problems.push({ where, message: `de trekker "${get('lead')}" is geen actor van dit bestand.` });
    const notes = get('notes');
    const fields = {
      name,
      ...(kind.ok ? { kind: kind.value } : {}),
      ...(base.actorId ? { actorId: base.actorId } : {}),
      ...(active?.ok ? { active: active.value } : {}),
      ...(lifeDomains?.ok ? { lifeDomains: lifeDomains.value } : {}),
      ...(targetGroups?.ok ? { targetGroups: targetGroups.value } : {}),
      ...(lead ? { leadActorId: lead } : {}),
      ...(notes ? { notes } : {}),
    };
    const parsed = problems.length ? null : PartnershipSchema.safeParse(match ? { ...match, ...fields } : { id: base.id, ...fields });
    if (parsed && !parsed.success) problems.push(...parsed.error.issues.map((i) => ({ where, message: `${String(i.path[0] ?? '')}: ${i.message}` })));
    if (!parsed?.success) {
      fail('partnerships', n.line, name, problems);
      return null;
    }
    if (!match) byId.set(parsed.data.id, parsed.data);
    put('partnership', 'partnerships', n.line, parsed.data.name, match, parsed.data);
    return parsed.data;
  };

  for (const n of layer.hubs) {
    const get = (k: keyof typeof OWN_PARTNERSHIP) => (k === 'name' ? n.attrs[GRAPH_COLUMNS.name] || n.attrs.name || n.label || '' : k === 'notes' ? notesOf(n.attrs) : (n.attrs[HUB_ATTRS[k]] ?? '')).trim();
    const named = byName.get(normalise(get('name'))) ?? [];
    const own = ownId(layer, n.id, 'partnership:');
    const match = (own && byId.get(own)) || (named.length === 1 ? named[0] : null);
    // Another tool's group says nothing of its kind but its name may (yEd: "GBO Voorbeeldstad").
    const guessed = !layer.ours && !get('kind') && !match ? kindInName(get('name'), vocab.partnershipKind) : null;
    const p = readPartnership(n, get, match, { id: own && !byId.has(own) ? own : newId(), kind: guessed ?? 'ANDERE' });
    if (!p) continue;
    if (guessed) fromName.push(`${p.name} (${vocabLabel(vocab, 'partnershipKind', guessed, 'nl')})`);
    hubOf.set(n.id, p);
  }

  // A partnership with an actor of its own, carried by that actor's node: made again (or matched) for the actor the
  // node became, by its id, then as the partnership the map has of that actor, then by its exact normalised name.
  for (const n of layer.owned) {
    const actor = plan.refs[n.id];
    if (!actor) continue; // the node itself has a problem, reported with the actors
    const get = (k: keyof typeof OWN_PARTNERSHIP) => n.attrs[OWN_PARTNERSHIP[k]]?.trim() ?? '';
    const given = get('id') || null;
    const named = (byName.get(normalise(get('name'))) ?? []).filter((p) => !p.actorId || p.actorId === actor.actorId);
    const match = (given && byId.get(given)) || ofOwnActor.get(actor.actorId) || (named.length === 1 ? named[0] : null);
    const p = readPartnership(n, get, match, { id: given && !byId.has(given) ? given : newId(), kind: 'ANDERE', actorId: actor.actorId });
    // Its memberships are the edges to the actor's node.
    if (p) ofOwnActor.set(actor.actorId, p);
  }

  const memberOf = new Map(existing.members.map((m) => [`${m.partnershipId}|${m.actorId}`, m]));
  const memberIds = new Set(existing.members.map((m) => m.id));
  const seen = new Map<string, number>();
  let left = 0;
  for (const e of layer.members) {
    const where = `regel ${e.line}`;
    const label = e.attrs.title || e.label || `${e.source} – ${e.target}`;
    const actor = plan.refs[e.source];
    const partnership = hubOf.get(e.target) ?? (hubLine.has(e.target) ? undefined : plan.refs[e.target] && ofOwnActor.get(plan.refs[e.target].actorId));
    if (!partnership && !hubLine.has(e.target) && !hubLine.has(e.source)) {
      // An edge to an actor that is the own actor of no partnership of the document.
      left++;
      continue;
    }
    const problems: ImportProblem[] = [];
    if (!actor) problems.push({ where, message: hubLine.has(e.source) ? 'een lidmaatschap begint bij een actor, niet bij een samenwerkingsverband.' : `de actor "${e.source}" van dit lidmaatschap is niet ingelezen (zie het probleem bij die knoop).` });
    if (!partnership && hubLine.has(e.target)) problems.push({ where, message: `het samenwerkingsverband "${e.target}" (regel ${hubLine.get(e.target)}) is niet ingelezen.` });
    const role = codeOr(codes, 'partyRole', e.attrs.role, 'gekende rol', 'MEMBER');
    if (!role.ok) problems.push({ where, message: role.message });
    const dates = (['since', 'until'] as const).map((k) => (e.attrs[k]?.trim() ? readDate(e.attrs[k]) : null));
    for (const d of dates) if (d && !d.ok) problems.push({ where, message: d.message });
    if (problems.length || !actor || !partnership || !role.ok) {
      fail('members', e.line, label, problems);
      continue;
    }
    const key = `${partnership.id}|${actor.actorId}`;
    if (seen.has(key)) {
      fail('members', e.line, label, [{ where, message: `hetzelfde lidmaatschap als regel ${seen.get(key)}.` }]);
      continue;
    }
    seen.set(key, e.line);
    const match = memberOf.get(key) ?? null;
    const [since, until] = dates.map((d) => (d?.ok ? d.value : undefined));
    const fields = {
      partnershipId: partnership.id,
      actorId: actor.actorId,
      role: e.attrs.role?.trim() || !match ? role.value : match.role,
      ...(e.attrs.cluster?.trim() ? { cluster: e.attrs.cluster.trim() } : {}),
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
    };
    const own = ownId(layer, e.id, 'member:');
    const parsed = PartnershipMemberSchema.safeParse(match ? { ...match, ...fields } : { id: own && !memberIds.has(own) ? own : newId(), ...fields });
    if (!parsed.success) {
      fail('members', e.line, label, parsed.error.issues.map((i) => ({ where, message: `${String(i.path[0] ?? '')}: ${i.message}` })));
      continue;
    }
    memberIds.add(parsed.data.id);
    put('member', 'members', e.line, label, match, parsed.data);
  }
  const { count: n, as } = layer.groupEdges;
  if (n && as === 'ignore') {
    plan.notes.push(`${n} ${n === 1 ? 'verbinding met een groep is' : 'verbindingen met een groep zijn'} niet ingelezen, zoals de groepen zelf.`);
  } else if (n) {
    plan.notes.push(`${n} ${n === 1 ? 'verbinding tussen twee groepen is' : 'verbindingen tussen twee groepen zijn'} niet ingelezen: een samenwerkingsverband is geen lid van een ander. Lees de groepen als actoren om ze als afspraken te houden.`);
  }
  if (fromName.length) plan.notes.push(`Soort samenwerkingsverband afgeleid uit de naam: ${fromName.join(', ')}. Een andere soort kies je daarna in de inspector.`);
  if (left) {
    plan.notes.push(`${left} ${left === 1 ? 'lidmaatschap' : 'lidmaatschappen'} van een samenwerkingsverband met een eigen actor ${left === 1 ? 'is' : 'zijn'} niet ingelezen: het bestand zegt niet welk samenwerkingsverband dat is. Een volledige kopie van een kaart gaat met JSON.`);
  }
}
