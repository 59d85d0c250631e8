import type { Agreement, Service } from '../model';
import { gboMemberTypesOf, vulnerableGroupsOf, type CheckContext, type Finding, type Severity } from './context';
import { pushTo } from '../util/multimap';

/** Gaps in what the network offers and how it holds together: domain.md §5. */

const q = (s: string) => (s.includes('"') ? `‘${s}’` : `"${s}"`);
const LOOSE = ['INFORMEEL', 'SIGNAAL'];
/** The ids of the services in a bucket of services by provider. */
function serviceIds(bucket: Map<string, Service[]>): string[] {
  const out: string[] = [];
  for (const list of bucket.values()) for (const s of list) out.push(s.id);
  return out;
}
/** How many names a sentence lists before it says "and N others". */
const MAX_LISTED = 10;
/** Joins at most MAX_LISTED items (formatting only those), then says how many more there are. */
function capped<T>(items: T[], show: (x: T) => string, sep: string, rest: (n: number) => string): string {
  const shown = items.slice(0, MAX_LISTED).map(show).join(sep);
  return items.length <= MAX_LISTED ? shown : `${shown}${sep}${rest(items.length - MAX_LISTED)}`;
}

/**
 * The groups that link actors: each agreement in force (of any type but the loose ones, unless `loose`) with its
 * parties and the body of its partnership, and each partnership with its current members and its own node; only
 * groups of two or more different actors.
 */
function linkGroups(ctx: CheckContext, loose: boolean, visit: (ids: string[]) => void): void {
  const add = (ids: string[]) => {
    const unique = [...new Set(ids)];
    if (unique.length >= 2) visit(unique);
  };
  const actorOfPartnership = new Map(ctx.data.partnerships.map((p) => [p.id, p.actorId]));
  for (const ag of ctx.data.agreements) {
    if (!ctx.inForce(ag) || (!loose && LOOSE.includes(ag.type))) continue;
    const body = ag.partnershipId ? actorOfPartnership.get(ag.partnershipId) : null;
    add([...ag.parties.map((x) => x.actorId), ...(body ? [body] : [])]);
  }
  const byPartnership = new Map<string, string[]>();
  for (const m of ctx.data.members) if (!m.until || m.until >= ctx.refDate) pushTo(byPartnership, m.partnershipId, m.actorId);
  for (const p of ctx.data.partnerships) add([...(byPartnership.get(p.id) ?? []), ...(p.actorId ? [p.actorId] : [])]);
}

/**
 * Who is linked to whom: by an agreement in force (of any type but the loose ones, unless `loose`) or a shared
 * partnership. Kept as groups (one per agreement or partnership) so that a partnership of a thousand members costs
 * a thousand entries, not a million pairs.
 */
class Links {
  /** Actors by index, and each actor's groups and each group's members as indices: cheap to walk at scale. */
  private readonly index = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly groupsOf: number[][] = [];
  private readonly membersOf: number[][] = [];
  constructor(ctx: CheckContext, loose: boolean) {
    const at = (id: string) => {
      let i = this.index.get(id);
      if (i === undefined) {
        i = this.ids.push(id) - 1;
        this.index.set(id, i);
        this.groupsOf.push([]);
      }
      return i;
    };
    for (const a of ctx.data.actors) at(a.id);
    linkGroups(ctx, loose, (unique) => {
      const group = this.membersOf.push(unique.map(at)) - 1;
      for (const i of this.membersOf[group]) this.groupsOf[i].push(group);
    });
    this.parent = new Int32Array(this.ids.length);
    this.islandNo = new Int32Array(this.ids.length);
    this.islandCall = new Int32Array(this.ids.length);
    this.firstOf = new Int32Array(this.membersOf.length);
    this.seenIn = new Int32Array(this.membersOf.length);
  }
  private groups(id: string): number[] {
    const i = this.index.get(id);
    return i === undefined ? [] : this.groupsOf[i];
  }
  linked(a: string, b: string): boolean {
    const ga = this.groups(a);
    const gb = this.groups(b);
    if (!ga.length || !gb.length) return false;
    const [small, large] = ga.length < gb.length ? [ga, new Set(gb)] : [gb, new Set(ga)];
    return small.some((g) => large.has(g));
  }
  hasAny(a: string): boolean {
    return this.groups(a).length > 0;
  }
  *neighbours(a: string): Iterable<string> {
    const i = this.index.get(a);
    for (const g of this.groups(a)) for (const j of this.membersOf[g]) if (j !== i) yield this.ids[j];
  }
  // Scratch space for islands(), reused between calls: a union-find over actor indices, and per group the first
  // actor of the current call that belongs to it (stamped with the call number instead of cleared).
  private readonly parent: Int32Array;
  private readonly firstOf: Int32Array;
  private readonly seenIn: Int32Array;
  private readonly islandNo: Int32Array;
  private readonly islandCall: Int32Array;
  private call = 0;
  /** An actor's index in this structure, -1 for an unknown id. */
  indexOf(id: string): number {
    return this.index.get(id) ?? -1;
  }
  /** The island (position in the last islands() result) of the actor at index i, or -1 if it was not asked about. */
  islandOf(i: number): number {
    return i >= 0 && this.islandCall[i] === this.call ? this.islandNo[i] : -1;
  }
  private root(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  /**
   * The given actors grouped by who is linked to whom among them, directly or through each other (a chain of
   * agreements or shared partnerships within the set); largest group first.
   */
  islands(ids: string[]): string[][] {
    const call = ++this.call;
    const alone: string[] = [];
    const known: number[] = [];
    for (const id of ids) {
      const i = this.index.get(id);
      if (i === undefined) alone.push(id);
      else {
        this.parent[i] = i;
        known.push(i);
      }
    }
    for (const i of known) {
      for (const g of this.groupsOf[i]) {
        if (this.seenIn[g] !== call) {
          this.seenIn[g] = call;
          this.firstOf[g] = i;
        } else {
          const a = this.root(i);
          const b = this.root(this.firstOf[g]);
          if (a !== b) this.parent[a] = b;
        }
      }
    }
    const byRoot = new Map<number, number[]>();
    for (const i of known) {
      const r = this.root(i);
      const list = byRoot.get(r);
      if (list) list.push(i);
      else byRoot.set(r, [i]);
    }
    const found = [...byRoot.values()].map((idx) => ({ idx, ids: idx.map((i) => this.ids[i]).sort() }));
    for (const id of alone) found.push({ idx: [], ids: [id] });
    found.sort((a, b) => b.ids.length - a.ids.length || (a.ids[0] < b.ids[0] ? -1 : 1));
    found.forEach(({ idx }, n) => {
      for (const i of idx) {
        this.islandNo[i] = n;
        this.islandCall[i] = call;
      }
    });
    return found.map((f) => f.ids);
  }
}

const linksCache = new WeakMap<CheckContext, { firm?: Links; loose?: Links }>();
function links(ctx: CheckContext, loose = false): Links {
  const c = linksCache.get(ctx) ?? linksCache.set(ctx, {}).get(ctx)!;
  return loose ? (c.loose ??= new Links(ctx, true)) : (c.firm ??= new Links(ctx, false));
}

export function g1(ctx: CheckContext): Finding[] {
  return ctx.settings.priorityPairs.flatMap(({ targetGroup, lifeDomain }) => {
    const offering = ctx.data.services.filter((s) => s.active && s.targetGroups.includes(targetGroup) && s.lifeDomains.includes(lifeDomain));
    const providers = offering.filter((s) => ctx.coversMunicipality(s));
    if (providers.length > 1) return [];
    const m = ctx.municipality;
    // Services in a part of the municipality (a ward) do not cover it, but the user should hear of them.
    const partial = providers.length || !m ? [] : offering.filter((s) => ctx.areasOf(s).some((a) => a !== m && ctx.contains(m, a)));
    const areaName = (id: string) => ctx.data.areas.find((a) => a.id === id)?.name ?? id;
    const what = `${ctx.label('targetGroup', targetGroup)} × ${ctx.label('lifeDomain', lifeDomain).toLowerCase()}`;
    return [
      ctx.finding(
        {
          ruleId: 'G1',
          severity: providers.length ? 'LOW' : 'HIGH',
          title: providers.length ? `Kwetsbaar aanbod: ${what} heeft één aanbieder` : `Geen aanbod: ${what}`,
          explanation: providers.length
            ? `Voor ${what}, een prioriteit van het lokaal sociaal beleid, werkt alleen ${ctx.name(providers[0].providerId)} (${q(providers[0].name)}) in de gemeente.`
            : `Voor ${what}, een prioriteit van het lokaal sociaal beleid, dekt geen enkele actieve dienst de hele gemeente (ook geen bovenlokale)` +
              (partial.length
                ? `; er is alleen aanbod in ${[...new Set(partial.flatMap((x) => ctx.areasOf(x)))].map(areaName).join(', ')} (${ctx.names(partial.map((x) => x.providerId))}).`
                : '.'),
          mitigation: providers.length
            ? 'Maak afspraken over continuïteit en vervanging, en zoek een tweede aanbieder of een bovenlokale partner.'
            : 'Agendeer de lacune op het regienetwerk of de zorgraad; zoek een bovenlokale aanbieder die zijn werkingsgebied kan uitbreiden.',
          actorIds: [...providers, ...partial].map((s) => s.providerId),
          evidence: [...providers, ...partial].map((s) => s.id),
        },
        [targetGroup, lifeDomain],
      ),
    ];
  });
}

export function g2(ctx: CheckContext): Finding[] {
  const required = gboMemberTypesOf(ctx.settings, ctx.vocab);
  const m = ctx.municipality;
  const gbos = ctx.data.partnerships.filter((p) => p.kind === 'GBO' && p.active && (!m || !p.areaId || ctx.contains(p.areaId, m)));
  if (!gbos.length) {
    return [
      ctx.finding(
        {
          ruleId: 'G2',
          severity: 'HIGH',
          title: 'Geen Geïntegreerd Breed Onthaal voor de gemeente',
          explanation: 'Er is geen actief GBO-samenwerkingsverband dat de gemeente dekt.',
          mitigation: 'Richt het GBO op met minstens OCMW, CAW en de diensten maatschappelijk werk van de ziekenfondsen, met een penhouder.',
          actorIds: [],
        },
        ['GBO'],
      ),
    ];
  }
  const out: Finding[] = [];
  for (const gbo of gbos) {
    const agreementOf = new Map(ctx.data.agreements.map((a) => [a.id, a]));
    const members = ctx.data.members.filter((x) => x.partnershipId === gbo.id && (!x.until || x.until >= ctx.refDate));
    // A member whose membership agreement is not in force (a concept) is not yet an active member.
    const active = members.filter((x) => !x.agreementId || (agreementOf.get(x.agreementId) && ctx.inForce(agreementOf.get(x.agreementId)!)));
    const inactive = members.filter((x) => !active.includes(x));
    const types = new Set(active.map((x) => ctx.actors.get(x.actorId)?.type));
    const missing = required.filter((t) => !types.has(t));
    const penhouder = ctx.data.roles.some((r) => r.partnershipId === gbo.id && r.role === 'PENHOUDER');
    const problems: string[] = [];
    if (missing.length) problems.push(`er is geen actief lid van het type ${missing.map((t) => ctx.label('actorType', t)).join(', ')}`);
    if (!penhouder) problems.push('er is geen penhouder');
    const absentDmw = ctx.data.actors.filter((a) => a.type === 'DMW' && a.active && !active.some((x) => x.actorId === a.id) && (!a.areaId || !gbo.areaId || ctx.overlap(a.areaId, gbo.areaId)));
    if (!problems.length && !absentDmw.length && !inactive.length) continue;
    out.push(
      ctx.finding(
        {
          ruleId: 'G2',
          severity: problems.length ? 'HIGH' : 'MEDIUM',
          title: `${gbo.name} is onvolledig`,
          explanation:
            [
              ...problems,
              ...(absentDmw.length ? [`${ctx.names(absentDmw.map((a) => a.id))} werkt in het gebied maar is geen actief lid`] : []),
              ...inactive.map((x) => {
                const ag = agreementOf.get(x.agreementId!);
                return `het lidmaatschap van ${ctx.name(x.actorId)} (${x.agreementId}) is niet van kracht (${ag ? (ag.endDate && ag.endDate < ctx.refDate ? `afgelopen op ${ag.endDate}` : ctx.label('agreementStatus', ag.status).toLowerCase()) : 'onbekend'})`;
              }),
            ]
              .join('; ')
              .replace(/^./, (c) => c.toUpperCase()) + '.',
          mitigation: 'Vervolledig het GBO: onderteken de lidmaatschappen van alle ziekenfondsdiensten in het gebied en leg de penhouder vast.',
          actorIds: [...(gbo.actorId ? [gbo.actorId] : []), ...absentDmw.map((a) => a.id)],
          agreementIds: inactive.map((x) => x.agreementId).filter((x): x is string => !!x),
          evidence: [gbo.id],
        },
        [gbo.id],
      ),
    );
  }
  return out;
}

export function g3(ctx: CheckContext): Finding[] {
  const ok = ctx.data.actors.some(
    (a) => a.type === 'SOCIAAL_HUIS' && a.active && (ctx.servicesOf.get(a.id) ?? []).some((s) => ['INFO', 'LOKET', 'DOORVERWIJZING'].every((f) => s.functions.includes(f))),
  );
  if (ok) return [];
  return [
    ctx.finding(
      {
        ruleId: 'G3',
        severity: 'HIGH',
        title: 'Geen Sociaal Huis met informatie, loket en doorverwijzing',
        explanation: 'Er is geen Sociaal Huis met een dienst die informatie geeft, als loket werkt en doorverwijst.',
        mitigation: 'Leg het Sociaal Huis en zijn onthaaldienst vast (functies INFO, LOKET, DOORVERWIJZING).',
        actorIds: ctx.data.actors.filter((a) => a.type === 'SOCIAAL_HUIS').map((a) => a.id),
      },
      ['SOCIAAL_HUIS'],
    ),
  ];
}

export function g4(ctx: CheckContext): Finding[] {
  const firm = links(ctx);
  const out: Finding[] = [];
  // Providers of the same target group × life domain in the municipality, grouped into islands: providers joined
  // by an agreement in force or a shared partnership, directly or through each other. Two islands serve the same
  // people without any agreement between them. One finding per target group × life domain, not one per pair: a
  // pair count grows with the square of the network and says the same thing many times over.
  // Weak agreements (loose types, or not in force), by the index of each party, with their parties as indices.
  const weak: Agreement[] = [];
  const weakParties: number[][] = [];
  const weakOf: number[][] = [];
  for (const ag of ctx.data.agreements) {
    if (!(LOOSE.includes(ag.type) || !ctx.inForce(ag))) continue;
    const parties = ag.parties.map((p) => firm.indexOf(p.actorId));
    const w = weak.push(ag) - 1;
    weakParties.push(parties);
    for (const i of parties) if (i >= 0) (weakOf[i] ??= []).push(w);
  }
  const buckets = new Map<string, Map<string, Service[]>>();
  for (const s of ctx.data.services) {
    if (!s.active || !ctx.touchesMunicipality(s)) continue;
    for (const g of s.targetGroups) {
      if (g === 'BREDE_DOELGROEP') continue;
      for (const d of s.lifeDomains) {
        const key = `${g}+${d}`;
        let bucket = buckets.get(key);
        if (!bucket) buckets.set(key, (bucket = new Map()));
        pushTo(bucket, s.providerId, s);
      }
    }
  }
  for (const [key, bucket] of buckets) {
    if (bucket.size < 2) continue;
    const islands = firm.islands([...bucket.keys()]);
    if (islands.length < 2) continue;
    const [g, d] = key.split('+');
    const what = `${ctx.label('targetGroup', g).toLowerCase()} × ${ctx.label('lifeDomain', d).toLowerCase()}`;
    // What there is between islands: informal arrangements, signals, agreements no longer or not yet in force.
    const loose = new Set<number>();
    for (const id of bucket.keys()) {
      const i = firm.indexOf(id);
      const own = firm.islandOf(i);
      for (const w of weakOf[i] ?? []) {
        if (loose.has(w)) continue;
        for (const j of weakParties[w]) {
          const other = firm.islandOf(j);
          if (other >= 0 && other !== own) {
            loose.add(w);
            break;
          }
        }
      }
    }
    const ids = [...bucket.keys()];
    // A sentence a person can read: at most MAX_LISTED groups named, each with at most MAX_LISTED members; the
    // finding's actors hold them all.
    const named = (isl: string[]) => capped(isl, (id) => `${ctx.name(id)} (${id})`, ', ', (n) => `en ${n} andere`);
    const listed = islands.slice(0, MAX_LISTED).map(named);
    const more = islands.length > MAX_LISTED ? ` En nog ${islands.slice(MAX_LISTED).reduce((n, x) => n + x.length, 0)} aanbieders in ${islands.length - MAX_LISTED} andere groepen; alle betrokken actoren staan bij de bevinding.` : '';
    out.push(
      ctx.finding(
        {
          ruleId: 'G4',
          severity: 'MEDIUM',
          title:
            islands.length === 2 && islands.every((x) => x.length === 1)
              ? `${ctx.name(islands[0][0])} en ${ctx.name(islands[1][0])} werken voor dezelfde mensen zonder afspraak (${what})`
              : `Aanbod voor ${what} zonder onderlinge afspraken: ${islands.length} losse groepen`,
          explanation:
            (islands.every((x) => x.length === 1)
              ? `Voor ${what} werken ${ids.length} aanbieders in de gemeente zonder geldende afspraak, doorverwijsprotocol of gezamenlijk samenwerkingsverband met elkaar: ${capped(islands, named, '; ', (n) => `en ${n} andere aanbieders`)}.`
              : `Voor ${what} werken ${ids.length} aanbieders in de gemeente, in ${islands.length} groepen zonder geldende afspraak, doorverwijsprotocol of gezamenlijk samenwerkingsverband tussen de groepen: ` +
                listed.map((x, n) => `${n + 1}) ${x}`).join('; ') +
                '.' +
                more) +
            (loose.size ? ` Tussen de groepen is er alleen ${capped([...loose].map((w) => weak[w]), (x) => `${q(x.title)} (${x.id}, ${ctx.label('agreementType', x.type).toLowerCase()}, ${ctx.label('agreementStatus', x.status).toLowerCase()})`, '; ', (n) => `en ${n} andere afspraken`)}.` : ''),
          mitigation: 'Maak een doorverwijsprotocol of samenwerkingsafspraak over wie wat doet (complementariteit), of breng de aanbieders samen in een bestaand samenwerkingsverband.',
          actorIds: ids,
          agreementIds: [...loose].map((w) => weak[w].id),
          evidence: serviceIds(bucket),
        },
        [g, d],
      ),
    );
  }
  const seen = new Set<string>();
  // A referral protocol asked for but not signed, between actors with nothing else in force: they know they should
  // work together, and do not yet.
  for (const ag of ctx.data.agreements) {
    if (ag.type !== 'PROTOCOL_TOELEIDING' || (ag.status !== 'CONCEPT' && ag.status !== 'ONDERHANDELING')) continue;
    const [a, b] = ag.parties.map((p) => p.actorId);
    if (!a || !b || firm.linked(a, b) || seen.has([a, b].sort().join('|'))) continue;
    seen.add([a, b].sort().join('|'));
    out.push(
      ctx.finding({
        ruleId: 'G4',
        severity: 'MEDIUM',
        title: `${ctx.name(a)} en ${ctx.name(b)} hebben geen ondertekend protocol`,
        explanation: `Het doorverwijsprotocol ${q(ag.title)} (${ag.id}) staat nog als ${ctx.label('agreementStatus', ag.status).toLowerCase()}, en er is geen andere geldende afspraak tussen beide.`,
        mitigation: 'Rond het protocol af en laat het ondertekenen, of leg vast waarom er geen doorverwijzing nodig is.',
        actorIds: [a, b],
        agreementIds: [ag.id],
      }),
    );
  }
  return out;
}

export function g5(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const ag of ctx.data.agreements) {
    if (ag.status !== 'ACTIEF' && ag.status !== 'TE_HERZIEN') continue;
    let severity: Severity;
    let what: string;
    if (ag.endDate && ag.endDate < ctx.refDate) [severity, what] = ['HIGH', `liep af op ${ag.endDate} maar staat nog als ${ctx.label('agreementStatus', ag.status).toLowerCase()}`];
    else if (ag.reviewDate && ag.reviewDate < ctx.refDate) [severity, what] = ['MEDIUM', `moest geëvalueerd worden op ${ag.reviewDate}`];
    else if (ag.endDate && ag.endDate <= ctx.soon) [severity, what] = ['LOW', `loopt af op ${ag.endDate}, binnen ${ctx.settings.warningDays} dagen`];
    else continue;
    out.push(
      ctx.finding({
        ruleId: 'G5',
        severity,
        title: `${q(ag.title)} ${severity === 'HIGH' ? 'is verlopen' : severity === 'MEDIUM' ? 'is niet tijdig geëvalueerd' : 'loopt binnenkort af'}`,
        explanation: `De afspraak ${q(ag.title)} (${ag.id}) tussen ${ctx.names(ag.parties.map((p) => p.actorId))} ${what}.`,
        mitigation: severity === 'LOW' ? 'Plan de verlenging of de evaluatie nu.' : 'Evalueer de afspraak en verleng, herzie of beëindig ze met een beslissing.',
        actorIds: ag.parties.map((p) => p.actorId),
        agreementIds: [ag.id],
      }),
    );
  }
  return out;
}

export function g6(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const firm = links(ctx);
  // Any link at all (informal ones too): only whether an actor has one, so no union structure is needed.
  const linkedAtAll = new Set<string>();
  linkGroups(ctx, true, (ids) => ids.forEach((id) => linkedAtAll.add(id)));
  const ids = ctx.data.actors.filter((a) => a.active).map((a) => a.id);
  // Reachable from the regisseur along firm links.
  const start = ctx.data.roles.filter((r) => r.role === 'REGISSEUR' && r.actorId).map((r) => r.actorId!);
  const reached = new Set(start);
  for (let frontier = [...start]; frontier.length; ) {
    const next: string[] = [];
    for (const x of frontier) {
      for (const y of firm.neighbours(x)) {
        if (reached.has(y)) continue;
        next.push(y);
        reached.add(y);
      }
    }
    frontier = next;
  }
  const regisseurs = ctx.names(start);
  for (const id of ids) {
    const firmLinks = firm.hasAny(id);
    const anyLinks = linkedAtAll.has(id);
    let severity: Severity;
    let why: string;
    if (!anyLinks) [severity, why] = ['MEDIUM', 'heeft geen enkele afspraak of lidmaatschap'];
    else if (!firmLinks) [severity, why] = ['LOW', 'heeft alleen informele afspraken of signalen'];
    else if (start.length && !reached.has(id)) [severity, why] = ['LOW', `is vanuit de regisseur (${regisseurs}) niet bereikbaar via afspraken of samenwerkingsverbanden`];
    else continue;
    out.push(
      ctx.finding({
        ruleId: 'G6',
        severity,
        title: `${ctx.name(id)} staat los van het netwerk`,
        explanation: `${ctx.name(id)} ${why}.`,
        mitigation: 'Betrek de actor in een samenwerkingsverband of maak een afspraak met de partner die het dichtst bij zijn aanbod staat.',
        actorIds: [id],
      }),
    );
  }
  return out;
}

export function g10(ctx: CheckContext): Finding[] {
  const pillars = (ctx.vocab.partnershipKind.find((k) => k.code === 'HVK')?.props?.pillars as string[] | undefined) ?? [];
  return ctx.data.partnerships
    .filter((p) => p.kind === 'HVK' && p.active)
    .flatMap((p) => {
      const clusters = new Set(ctx.data.members.filter((m) => m.partnershipId === p.id && m.cluster).map((m) => m.cluster!.toUpperCase()));
      const missing = pillars.filter((x) => !clusters.has(x));
      if (!missing.length) return [];
      const label = (x: string) => x.toLowerCase().replace(/_/g, ' ');
      return [
        ctx.finding(
          {
            ruleId: 'G10',
            severity: 'MEDIUM',
            title: `${p.name} dekt niet alle pijlers`,
            explanation: `Geen lid van ${p.name} staat geregistreerd voor ${missing.map(label).join(', ')} (de pijlers zijn ${pillars.map(label).join(', ')}).`,
            mitigation: 'Betrek een partner voor elke ontbrekende pijler en registreer de pijler bij het lidmaatschap.',
            actorIds: p.actorId ? [p.actorId] : [],
            evidence: [p.id],
          },
          [p.id],
        ),
      ];
    });
}

export function g11(ctx: CheckContext): Finding[] {
  const participation = new Set(ctx.vocab.actorType.filter((t) => t.props?.participation || t.code === 'ADVIESRAAD').map((t) => t.code));
  return ctx.data.partnerships
    .filter((p) => p.kind === 'REGIENETWERK' && p.active)
    .flatMap((p) => {
      const members = ctx.data.members.filter((m) => m.partnershipId === p.id).map((m) => m.actorId);
      const voices = members.filter((id) => participation.has(ctx.actors.get(id)?.type ?? ''));
      // Also those who bring signals to the regisseur by agreement.
      const lead = p.leadActorId;
      const signalling = ctx.data.agreements
        .filter((a) => ctx.inForce(a) && lead && a.parties.some((x) => x.actorId === lead))
        .flatMap((a) => a.parties.map((x) => x.actorId))
        .filter((id) => participation.has(ctx.actors.get(id)?.type ?? ''));
      if (voices.length || signalling.length) return [];
      return [
        ctx.finding(
          {
            ruleId: 'G11',
            severity: 'MEDIUM',
            title: `Geen stem van de doelgroepen in ${p.name}`,
            explanation: `In ${p.name} zit geen vereniging waar armen het woord nemen, adviesraad of mantelzorg- of patiëntenorganisatie.`,
            mitigation: 'Nodig organisaties van en voor de doelgroepen uit in het regienetwerk (participatie, decreet lokaal sociaal beleid).',
            actorIds: lead ? [lead] : [],
            evidence: [p.id],
          },
          [p.id],
        ),
      ];
    });
}

export function g12(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const informal = ctx.data.actors.filter((a) => a.active && a.legalForm === 'INFORMAL' && a.level === 'BUURT');
  if (!informal.length) return out;
  const any = links(ctx, true);
  for (const a of informal) {
    const professional = [...any.neighbours(a.id)].filter((id) => {
      const o = ctx.actors.get(id);
      return !!o && o.active && o.legalForm !== 'INFORMAL';
    });
    if (professional.length) continue;
    out.push(
      ctx.finding({
        ruleId: 'G12',
        severity: 'LOW',
        title: `${a.name} staat los van de professionele hulp`,
        explanation: `Het buurtinitiatief ${a.name} heeft geen afspraak met een professionele actor (lokaal dienstencentrum, Sociaal Huis, GBO).`,
        mitigation: 'Verbind het initiatief met het lokaal dienstencentrum of het Sociaal Huis (vermaatschappelijking van de zorg).',
        actorIds: [a.id],
      }),
    );
  }
  return out;
}

/** The supra-local links every local government needs (G7): by actor type or partnership kind. */
const G7_LINKS: { what: string; severity: Severity; types?: string[]; kinds?: string[]; agreementTypes?: string[] }[] = [
  { what: 'de zorgraad van de eigen eerstelijnszone', severity: 'HIGH', types: ['ZORGRAAD'], kinds: ['ZORGRAAD'], agreementTypes: ['MANDAAT', 'LIDMAATSCHAP'] },
  { what: 'het regionale CAW', severity: 'HIGH', types: ['CAW'] },
  { what: 'de woonmaatschappij of het lokaal woonoverleg', severity: 'MEDIUM', types: ['WOONMAATSCHAPPIJ'], kinds: ['LOKAAL_WOONOVERLEG'] },
  { what: 'het bovenlokaal netwerk dak- en thuisloosheid', severity: 'MEDIUM', types: ['PARTNERSHIP_DTL'], kinds: ['NETWERK_DTL'] },
  { what: 'de LIVC-R (wettelijke plicht)', severity: 'HIGH', types: ['LIVC_R'], kinds: ['LIVC_R'] },
  { what: 'de ketenaanpak intrafamiliaal geweld of het Veilig Huis', severity: 'MEDIUM', types: ['VEILIG_HUIS'], kinds: ['KETEN_IFG'] },
];

export function g7(ctx: CheckContext): Finding[] {
  const localGov = ctx.data.actors.filter((a) => ctx.isLocal(a.id) && !a.controlledById).map((a) => a.id);
  if (!localGov.length) return [];
  const out: Finding[] = [];
  for (const need of G7_LINKS) {
    const targets = new Set([
      ...ctx.data.actors.filter((a) => need.types?.includes(a.type)).map((a) => a.id),
      ...ctx.data.partnerships.filter((p) => need.kinds?.includes(p.kind) && p.actorId).map((p) => p.actorId!),
    ]);
    const partnerships = ctx.data.partnerships.filter((p) => need.kinds?.includes(p.kind) || (p.actorId && targets.has(p.actorId)));
    const viaAgreement = ctx.data.agreements.some(
      (a) => ctx.inForce(a) && (!need.agreementTypes || need.agreementTypes.includes(a.type)) && a.parties.some((p) => ctx.isLocal(p.actorId)) && a.parties.some((p) => targets.has(p.actorId)),
    );
    const viaMembership = ctx.data.members.some((m) => partnerships.some((p) => p.id === m.partnershipId) && ctx.isLocal(m.actorId) && (!m.until || m.until >= ctx.refDate));
    const viaRole = ctx.data.roles.some((r) => partnerships.some((p) => p.id === r.partnershipId) && r.actorId && ctx.isLocal(r.actorId));
    if (viaAgreement || viaMembership || viaRole) continue;
    out.push(
      ctx.finding(
        {
          ruleId: 'G7',
          severity: need.severity,
          title: `Geen band met ${need.what}`,
          explanation: `Het lokaal bestuur (${ctx.names(localGov)}) heeft geen geldende afspraak, lidmaatschap of rol bij ${need.what}${targets.size ? ` (${ctx.names(targets)})` : ''}.`,
          mitigation: `Sluit aan bij ${need.what} met een lidmaatschap of mandaat, en leg het vast.`,
          actorIds: [...localGov, ...targets],
          evidence: partnerships.map((p) => p.id),
        },
        [need.what],
      ),
    );
  }
  return out;
}

export function g8(ctx: CheckContext): Finding[] {
  const vulnerable = vulnerableGroupsOf(ctx.settings, ctx.vocab);
  const used = new Set(ctx.data.services.flatMap((s) => s.targetGroups));
  const m = ctx.municipality;
  const wards = ctx.data.areas.filter((a) => a.type === 'WIJK' && m && a.id !== m && ctx.contains(m, a.id));
  const out: Finding[] = [];
  for (const group of vulnerable.filter((g) => used.has(g))) {
    const forGroup = ctx.data.services.filter((s) => s.active && s.targetGroups.includes(group));
    const outreach = forGroup.filter((s) => s.outreach);
    const label = ctx.label('targetGroup', group);
    if (!outreach.some((s) => ctx.coversMunicipality(s) || wards.some((w) => ctx.areasOf(s).some((a) => ctx.contains(a, w.id))))) {
      out.push(
        ctx.finding(
          {
            ruleId: 'G8',
            severity: 'HIGH',
            title: `Geen outreachend aanbod voor ${label.toLowerCase()}`,
            explanation: `Geen enkele dienst voor ${label.toLowerCase()} in de gemeente werkt outreachend (gaat zelf naar de mensen toe).`,
            mitigation: 'Maak afspraken over outreachend werk (buurtwerk, huisbezoeken, vindplaatsgericht werken) voor deze doelgroep.',
            actorIds: forGroup.map((s) => s.providerId),
            evidence: forGroup.map((s) => s.id),
          },
          [group],
        ),
      );
      continue;
    }
    // When every service for the group works from a ward: the wards that no outreach service reaches and where no
    // service for the group is based.
    if (forGroup.some((s) => ctx.coversMunicipality(s))) continue;
    const uncovered = wards.filter((w) => !forGroup.some((s) => ctx.areasOf(s).some((a) => ctx.contains(a, w.id)) && (s.outreach || ctx.areasOf(s).includes(w.id))));
    if (!uncovered.length) continue;
    out.push(
      ctx.finding(
        {
          ruleId: 'G8',
          severity: 'HIGH',
          title: `Geen outreach voor ${label.toLowerCase()} in ${uncovered.map((w) => w.name).join(', ')}`,
          explanation:
            `Outreachend aanbod voor ${label.toLowerCase()} is er alleen in ${[...new Set(outreach.flatMap((s) => ctx.areasOf(s)))].map((a) => ctx.data.areas.find((x) => x.id === a)?.name ?? a).join(', ')} ` +
            `(${ctx.names(outreach.map((s) => s.providerId))}); in ${uncovered.map((w) => w.name).join(', ')} is er geen dienst voor deze doelgroep.`,
          mitigation: 'Breid het outreachend werk uit naar deze wijken, bijvoorbeeld met het lokaal dienstencentrum of buurtwerk.',
          actorIds: forGroup.map((s) => s.providerId),
          evidence: [...uncovered.map((w) => w.id), ...outreach.map((s) => s.id)],
        },
        [group, ...uncovered.map((w) => w.id)],
      ),
    );
  }
  return out;
}

export function g9(ctx: CheckContext): Finding[] {
  const llks = ctx.data.actors.filter((a) => a.type === 'LLK' && a.active);
  const hvkActors = new Set([...ctx.data.actors.filter((a) => a.type === 'PARTNERSHIP_HVK').map((a) => a.id)]);
  const hvks = ctx.data.partnerships.filter((p) => p.kind === 'HVK' || (p.actorId && hvkActors.has(p.actorId)));
  for (const p of hvks) if (p.actorId) hvkActors.add(p.actorId);
  if (!llks.length) {
    return [
      ctx.finding(
        {
          ruleId: 'G9',
          severity: 'HIGH',
          title: 'Geen Lokaal Loket Kinderopvang',
          explanation: 'Er is geen Lokaal Loket Kinderopvang in het netwerk.',
          mitigation: 'Richt een Lokaal Loket Kinderopvang op en verbind het met het Huis van het Kind (voorwaarde voor de subsidie).',
          actorIds: [...hvkActors],
        },
        ['LLK'],
      ),
    ];
  }
  const out: Finding[] = [];
  const hvkIds = new Set(hvks.map((p) => p.id));
  const hvkNames = hvkActors.size ? ctx.names(hvkActors) : 'een Huis van het Kind';
  const hvkMembers = new Set(ctx.data.members.filter((m) => hvkIds.has(m.partnershipId)).map((m) => m.actorId));
  for (const llk of llks) {
    const viaAgreement = (ctx.agreementsOf.get(llk.id) ?? []).some((a) => ctx.inForce(a) && a.parties.some((p) => hvkActors.has(p.actorId)));
    const viaMember = hvkMembers.has(llk.id);
    if (viaAgreement || viaMember) continue;
    out.push(
      ctx.finding({
        ruleId: 'G9',
        severity: 'HIGH',
        title: `${llk.name} is niet verbonden met het Huis van het Kind`,
        explanation: `${llk.name} heeft geen afspraak met of lidmaatschap van ${hvkNames}.`,
        mitigation: 'Leg het lidmaatschap of een samenwerkingsafspraak tussen het loket en het Huis van het Kind vast.',
        actorIds: [llk.id, ...hvkActors],
      }),
    );
  }
  return out;
}

export function g13(ctx: CheckContext): Finding[] {
  return ctx.data.agreements
    .filter((a: Agreement) => a.status === 'ACTIEF' && !LOOSE.includes(a.type) && !a.documentRef?.reference && !a.documentRef?.path && !a.documentRef?.url && !a.decision?.reference)
    .map((a) =>
      ctx.finding({
        ruleId: 'G13',
        severity: 'LOW',
        title: `${q(a.title)} is niet terug te vinden`,
        explanation: `De actieve afspraak ${q(a.title)} (${a.id}) tussen ${ctx.names(a.parties.map((p) => p.actorId))} heeft geen documentverwijzing en geen beslissing.`,
        mitigation: 'Voeg de referentie van het document of van de beslissing toe.',
        actorIds: a.parties.map((p) => p.actorId),
        agreementIds: [a.id],
      }),
    );
}

export function g14(ctx: CheckContext): Finding[] {
  const limit = `${Number(ctx.refDate.slice(0, 4)) - 1}${ctx.refDate.slice(4)}`;
  return ctx.data.actors
    .filter((a) => a.socialeKaartId && (!a.socialeKaartSyncedAt || a.socialeKaartSyncedAt < limit))
    .map((a) =>
      ctx.finding({
        ruleId: 'G14',
        severity: 'LOW',
        title: `Gegevens van ${a.name} uit de Sociale Kaart zijn verouderd`,
        explanation: a.socialeKaartSyncedAt
          ? `${a.name} werd het laatst bijgewerkt uit de Sociale Kaart op ${a.socialeKaartSyncedAt}, meer dan 12 maanden geleden.`
          : `${a.name} is gekoppeld aan de Sociale Kaart maar werd nooit bijgewerkt.`,
        mitigation: 'Importeer een recent uittreksel van de Sociale Kaart.',
        actorIds: [a.id],
      }),
    );
}

