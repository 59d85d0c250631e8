import type { Agreement, Service } from '../model';
import { agendaKeyIds, governanceInForce, shares, type CheckContext, type Finding } from './context';

/**
 * Role conflicts between the local government as provider (actor) and as director (regisseur): domain.md §4.
 * "The local government" is every actor of a localGov type plus everything it controls (CheckContext.local).
 */

const REGIE_ROLES = ['REGISSEUR', 'COORDINATOR', 'PENHOUDER'];
/** A title in quotes; one that has quotes of its own gets the other kind. */
const q = (s: string) => (s.includes('"') ? `‘${s}’` : `"${s}"`);
const pairsOf = (s: Pick<Service, 'targetGroups' | 'lifeDomains'>) => s.targetGroups.flatMap((g) => s.lifeDomains.map((d) => `${g}×${d}`));

/** The local government's own services. */
const ownServices = (ctx: CheckContext) => ctx.data.services.filter((s) => s.active && ctx.isLocal(s.providerId));

/** An active governance model of the local government, not past its review date. */
function activeGovernance(ctx: CheckContext) {
  return ctx.data.governanceModels.filter((g) => ctx.isLocal(g.actorId) && governanceInForce(g, ctx.refDate));
}

export function rc1(ctx: CheckContext): Finding[] {
  const regie = ctx.data.roles.filter((r) => r.role === 'REGISSEUR' && r.actorId && ctx.isLocal(r.actorId));
  const own = ownServices(ctx);
  if (!regie.length || !own.length) return [];
  // The conflict is structural: it stays a finding, and an adopted beheersmodel shows it as mitigated (see status.ts).
  const models = ctx.data.governanceModels.filter((g) => ctx.isLocal(g.actorId));
  const active = activeGovernance(ctx);
  const lapsed = models.filter((g) => !active.includes(g));
  const regisseurs = [...new Set(regie.map((r) => r.actorId!))];
  const both = `${ctx.names(regisseurs)} heeft de regierol (${regie.length} netwerk${regie.length > 1 ? 'en' : ''}) en het lokaal bestuur biedt zelf ${own.length} dienst${own.length > 1 ? 'en' : ''} aan (onder meer bij ${ctx.names(own.slice(0, 4).map((s) => s.providerId))}). `;
  return [
    ctx.finding(
      {
        ruleId: 'RC1',
        severity: 'HIGH',
        title: active.length
          ? `Regisseur én aanbieder: ${ctx.names(regisseurs)}, met beheersmodel`
          : `Geen geldig beheersmodel: ${ctx.names(regisseurs)} is regisseur én biedt zelf diensten aan`,
        explanation:
          both +
          (active.length
            ? `Het beheersmodel ${q(active[0].title)} is van kracht${active[0].decision?.reference ? ` (${active[0].decision.reference})` : ''}${active[0].reviewDate ? ` tot de evaluatie op ${active[0].reviewDate}` : ''}.`
            : lapsed.length
              ? `Het beheersmodel ${q(lapsed[0].title)} is niet (meer) van kracht (${lapsed[0].status === 'ACTIEF' ? `evaluatiedatum ${lapsed[0].reviewDate} voorbij` : 'status ' + lapsed[0].status.toLowerCase()}).`
              : 'Er is geen beheersmodel vastgelegd dat de rollen van regisseur en aanbieder scheidt.'),
        mitigation:
          'Laat de gemeenteraad een beheersmodel goedkeuren: scheid de regie-cel van de diensten die aanbieden, publiceer de criteria en evalueer het elke legislatuur.',
        actorIds: [...regisseurs, ...new Set(own.map((s) => s.providerId))],
        evidence: [...regie.map((r) => r.id), ...models.map((g) => g.id)],
      },
      regisseurs,
    ),
  ];
}

export function rc2(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const partnerships = new Map(ctx.data.partnerships.map((p) => [p.id, p]));
  const membersOf = new Map<string, Set<string>>();
  for (const m of ctx.data.members) (membersOf.get(m.partnershipId) ?? membersOf.set(m.partnershipId, new Set()).get(m.partnershipId)!).add(m.actorId);
  for (const role of ctx.data.roles) {
    if (role.role !== 'REGISSEUR' || !role.actorId || !ctx.isLocal(role.actorId) || !role.partnershipId) continue;
    const network = partnerships.get(role.partnershipId);
    if (!network) continue;
    // The active services of the network's members (servicesOf holds only active ones).
    const inNetwork = [...(membersOf.get(network.id) ?? [])].flatMap((id) => ctx.servicesOf.get(id) ?? []);
    const own = inNetwork.filter((s) => ctx.isLocal(s.providerId));
    const other = inNetwork.filter((s) => !ctx.isLocal(s.providerId));
    const clashes: [Service, Service, string[]][] = [];
    for (const s of own) {
      for (const o of other) {
        const common = pairsOf(s).filter((p) => pairsOf(o).includes(p));
        if (common.length && ctx.servicesOverlap(s, o)) clashes.push([s, o, common]);
      }
    }
    if (!clashes.length) continue;
    const ownActors = new Set(clashes.map(([s]) => s.providerId));
    const otherActors = new Set(clashes.map(([, o]) => o.providerId));
    const pairs = [...new Set(clashes.flatMap(([, , c]) => c))];
    out.push(
      ctx.finding(
        {
          ruleId: 'RC2',
          severity: 'MEDIUM',
          title: `${ctx.name(role.actorId)} regisseert ${q(network.name)} en concurreert er zelf in`,
          explanation:
            `In ${q(network.name)} bieden ${ctx.names(ownActors)} (lokaal bestuur) en ${ctx.names(otherActors)} hetzelfde aan ` +
            `voor ${pairs.length} combinatie${pairs.length > 1 ? 's' : ''} van doelgroep en levensdomein in hetzelfde gebied (${pairs.slice(0, 3).join(', ').toLowerCase().replace(/_/g, ' ')}), ` +
            `terwijl ${ctx.name(role.actorId)} het netwerk regisseert.`,
          mitigation:
            'Documenteer de complementariteit, houd een gezamenlijk capaciteitsoverzicht bij, spreek neutrale toewijzingsregels af en laat een onafhankelijke voorzitter de toewijzingspunten leiden.',
          actorIds: [role.actorId, ...ownActors, ...otherActors],
          evidence: [role.id, network.id, ...clashes.flatMap(([s, o]) => [s.id, o.id])],
        },
        [role.actorId, network.id],
      ),
    );
  }
  return out;
}

/** Agreements that belong to one call or decision: the same document or decision reference. */
function callKey(ag: Agreement): string | null {
  return ag.documentRef?.reference ?? ag.decision?.reference ?? null;
}

export function rc3(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const funding = ctx.data.agreements.filter((a) => (a.type === 'SUBSIDIE' || a.type === 'OVERHEIDSOPDRACHT') && ctx.inForce(a));
  const unitOfService = new Map(ctx.data.services.map((s) => [s.providerId, s.orgUnitId]));
  for (const ag of funding) {
    const funder = ag.parties.find((p) => p.role === 'FUNDER') ?? ag.parties[0];
    const recipients = ag.parties.filter((p) => p !== funder).map((p) => p.actorId);
    if (!funder || !ctx.isLocal(funder.actorId)) continue;
    const ownRecipients = recipients.filter(ctx.isLocal);
    // The unit that drafted the call also runs (a service of) the applicant.
    const draftingUnit = funder.orgUnitId;
    const sameUnit = draftingUnit ? recipients.filter((r) => ctx.data.services.some((s) => s.providerId === r && s.orgUnitId === draftingUnit)) : [];
    if (!ownRecipients.length && !sameUnit.length) continue;
    const call = callKey(ag);
    const sameCall = call ? ctx.data.agreements.filter((o) => o.id !== ag.id && callKey(o) === call) : [];
    const unit = draftingUnit ? ctx.data.orgUnits.find((u) => u.id === draftingUnit) : undefined;
    out.push(
      ctx.finding({
        ruleId: 'RC3',
        severity: 'HIGH',
        title: `${ctx.name(funder.actorId)} subsidieert zichzelf: ${q(ag.title)} gaat naar ${ctx.names([...ownRecipients, ...sameUnit])}`,
        explanation:
          `${ag.type === 'SUBSIDIE' ? 'De subsidie' : 'De opdracht'} ${q(ag.title)} (${ag.id}) gaat van ${ctx.name(funder.actorId)} naar ${ctx.names(recipients)}` +
          (ownRecipients.length ? `, en ${ctx.names(ownRecipients)} hoort bij het lokaal bestuur zelf` : '') +
          (unit ? `. De oproep werd opgesteld door ${unit.name}, die ook ${sameUnit.length ? ctx.names(sameUnit) : 'de aanvrager'} beheert` : '') +
          (sameCall.length ? `. Uit dezelfde oproep (${call}) kreeg ook ${ctx.names(sameCall.flatMap((o) => o.parties.slice(1).map((p) => p.actorId)))} middelen.` : '.'),
        mitigation:
          'Scheid het opstellen en beoordelen van de oproep van de dienst die aanvraagt, werk met een externe jury en gepubliceerde scores, en laat mandatarissen in het bestuur van de ontvanger zich onthouden.',
        actorIds: [funder.actorId, ...recipients, ...sameCall.flatMap((o) => o.parties.map((p) => p.actorId))],
        agreementIds: [ag.id, ...sameCall.map((o) => o.id)],
        evidence: [...(draftingUnit ? [draftingUnit] : []), ...recipients.map((r) => unitOfService.get(r)).filter((x): x is string => !!x)],
      }),
    );
  }
  return out;
}

export function rc5(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const own = ownServices(ctx);
  for (const role of ctx.data.roles) {
    const holder = role.actorId ?? ctx.data.functions.find((f) => f.id === role.functionId)?.actorId ?? ctx.data.orgUnits.find((u) => u.id === role.orgUnitId)?.actorId;
    // A statutory chair (the mayor organises the LIVC-R by law) is recorded and mitigated, not flagged.
    if (role.role !== 'CHAIR' || !holder || !ctx.isLocal(holder) || role.statutory || !role.partnershipId) continue;
    const p = ctx.data.partnerships.find((x) => x.id === role.partnershipId);
    if (!p) continue;
    const domains = p.lifeDomains.length ? p.lifeDomains : ctx.data.agreements.filter((a) => p.actorId && a.parties.some((x) => x.actorId === p.actorId)).flatMap((a) => a.lifeDomains);
    const concerned = own.filter((s) => shares(s.lifeDomains, domains));
    if (!concerned.length) continue;
    const fn = ctx.data.functions.find((f) => f.id === role.functionId);
    out.push(
      ctx.finding(
        {
          ruleId: 'RC5',
          severity: 'MEDIUM',
          title: `${fn ? `${fn.title} (${ctx.name(holder)})` : ctx.name(holder)} zit ${q(p.name)} voor, dat ook over eigen diensten beslist`,
          explanation:
            `Als voorzitter van ${q(p.name)} leidt ${fn ? fn.title : ctx.name(holder)} ook de punten over ${ctx.names(concerned.map((s) => s.providerId))}, diensten van het lokaal bestuur zelf ` +
            `(lacunes, klachten, toewijzing van middelen).`,
          mitigation: 'Geef voor die agendapunten het voorzitterschap door (ondervoorzitter), laat de verklaring notuleren en onthoud u bij de stemming.',
          actorIds: [holder, ...concerned.map((s) => s.providerId), ...(p.actorId ? [p.actorId] : [])],
          evidence: [role.id, p.id, ...(fn ? [fn.id] : []), ...concerned.map((s) => s.id)],
        },
        [role.id],
      ),
    );
  }
  return out;
}

export function rc6(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const role of ctx.data.roles) {
    if (!['REGISSEUR', 'COORDINATOR'].includes(role.role) || !role.partnershipId) continue;
    const fn = role.functionId ? ctx.data.functions.find((f) => f.id === role.functionId) : undefined;
    const unitId = role.orgUnitId ?? fn?.orgUnitId ?? null;
    if (!unitId) continue;
    const network = ctx.data.partnerships.find((p) => p.id === role.partnershipId);
    if (!network) continue;
    const managed = ctx.data.services.filter((s) => s.active && s.orgUnitId === unitId && (!network.lifeDomains.length || shares(s.lifeDomains, network.lifeDomains)));
    if (!managed.length) continue;
    const unit = ctx.data.orgUnits.find((u) => u.id === unitId);
    out.push(
      ctx.finding(
        {
          ruleId: 'RC6',
          severity: 'HIGH',
          title: `${unit?.name ?? unitId} coördineert ${q(network.name)} en beheert zelf aanbod in dat netwerk`,
          explanation:
            `${unit?.name ?? unitId}${fn ? ` (${fn.title})` : ''} heeft de rol ${ctx.label('roleKind', role.role).toLowerCase()} in ${q(network.name)} en beheert tegelijk ` +
            `${managed.map((s) => `${q(s.name)} (${ctx.name(s.providerId)})`).join(', ')}.`,
          mitigation: 'Plaats de regie in een stafcel (bijvoorbeeld onder de algemeen directeur), met een aparte hiërarchische lijn, en leg een deontologische code vast.',
          actorIds: [...(role.actorId ? [role.actorId] : []), ...managed.map((s) => s.providerId)],
          evidence: [role.id, unitId, network.id, ...(fn ? [fn.id] : []), ...managed.map((s) => s.id)],
        },
        [role.id],
      ),
    );
  }
  return out;
}

export function rc7(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const frontDoors = new Set(
    ctx.data.actors
      .filter((a) => ctx.isLocal(a.id) && (a.type === 'SOCIAAL_HUIS' || (ctx.servicesOf.get(a.id) ?? []).some((s) => s.functions.includes('LOKET'))))
      .map((a) => a.id),
  );
  for (const ag of ctx.data.agreements) {
    if (ag.type !== 'PROTOCOL_TOELEIDING' || ag.status !== 'ACTIEF') continue;
    const referrer = ag.parties[0]?.actorId;
    if (!referrer || !frontDoors.has(referrer)) continue;
    const receivers = ag.parties.slice(1).map((p) => p.actorId);
    if (!receivers.length || !receivers.every(ctx.isLocal)) continue;
    // Others who offer the same for the same people in the municipality, but get no referrals by this protocol.
    const wanted = pairsOf(ag);
    const similar = ctx.data.services.filter((s) => s.active && !ctx.isLocal(s.providerId) && pairsOf(s).some((p) => wanted.includes(p)) && ctx.coversMunicipality(s));
    // Providers of the same kind as the receivers (home care for home care) first; any provider of the same offer else.
    const kinds = new Set(receivers.map((r) => ctx.actors.get(r)?.type));
    const sameKind = similar.filter((s) => kinds.has(ctx.actors.get(s.providerId)?.type));
    const others = sameKind.length ? sameKind : similar;
    if (!others.length) continue;
    const otherActors = [...new Set(others.map((s) => s.providerId))];
    const pending = ctx.data.agreements.filter((o) => o.type === 'PROTOCOL_TOELEIDING' && o.status !== 'ACTIEF' && o.parties.some((p) => otherActors.includes(p.actorId)) && o.parties.some((p) => p.actorId === referrer));
    out.push(
      ctx.finding({
        ruleId: 'RC7',
        severity: 'MEDIUM',
        title: `${ctx.name(referrer)} verwijst enkel door naar eigen diensten (${q(ag.title)})`,
        explanation:
          `Het protocol ${q(ag.title)} (${ag.id}) van het onthaal ${ctx.name(referrer)} verwijst alleen naar ${ctx.names(receivers)} (lokaal bestuur), ` +
          `terwijl ${ctx.names(otherActors)} hetzelfde aanbiedt voor dezelfde doelgroep in de gemeente` +
          (pending.length ? `; het protocol met ${ctx.names(pending.flatMap((p) => p.parties.map((x) => x.actorId)).filter((x) => x !== referrer))} is nog niet ondertekend (${pending.map((p) => p.id).join(', ')}).` : '.'),
        mitigation: 'Baseer het doorverwijsprotocol op de Sociale Kaart, laat de cliënt kiezen, onderteken de protocollen met de andere aanbieders en bespreek de registratie van doorverwijzingen in het GBO of de zorgraad.',
        actorIds: [referrer, ...receivers, ...otherActors],
        agreementIds: [ag.id, ...pending.map((p) => p.id)],
        evidence: others.map((s) => s.id),
      }),
    );
  }
  return out;
}

export function rc8(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const zorgraden = ctx.data.actors.filter((a) => a.type === 'ZORGRAAD');
  const own = ownServices(ctx).filter((s) => shares(s.lifeDomains, ['ZORG', 'GEZONDHEID']));
  if (!own.length) return out;
  for (const z of zorgraden) {
    const mandates = (ctx.agreementsOf.get(z.id) ?? []).filter((a) => a.type === 'MANDAAT' && ctx.inForce(a) && a.parties.some((p) => ctx.isLocal(p.actorId)));
    if (!mandates.length) continue;
    const funds = (ctx.agreementsOf.get(z.id) ?? []).filter(
      (a) => (a.type === 'SUBSIDIE' || a.type === 'OVERHEIDSOPDRACHT') && ctx.inForce(a) && a.parties[0]?.actorId === z.id && a.parties.slice(1).some((p) => ctx.isLocal(p.actorId)),
    );
    const local = [...new Set(mandates.flatMap((m) => m.parties.map((p) => p.actorId)).filter(ctx.isLocal))];
    out.push(
      ctx.finding(
        {
          ruleId: 'RC8',
          severity: funds.length ? 'HIGH' : 'MEDIUM',
          title: `Dubbele hoedanigheid in ${z.name}: ${ctx.names(local)} zetelt er en biedt zelf zorg aan`,
          explanation:
            `${ctx.names(local)} heeft een mandaat in ${z.name} (${mandates.map((m) => m.id).join(', ')}) en het lokaal bestuur biedt zelf zorg aan (${ctx.names(own.map((s) => s.providerId))}).` +
            (funds.length ? ` De zorgraad kende middelen toe aan het lokaal bestuur (${funds.map((f) => `${q(f.title)}`).join(', ')}), waarover het zelf mee besliste.` : ' Er is geen verklaring van hoedanigheid vastgelegd.'),
          mitigation: 'Verklaar per agendapunt in welke hoedanigheid u zetelt, onthoud u bij stemmingen over middelen voor eigen diensten en leg de meerderheid-per-cluster-regel vast.',
          actorIds: [z.id, ...local, ...own.map((s) => s.providerId)],
          agreementIds: [...mandates.map((m) => m.id), ...funds.map((f) => f.id)],
          evidence: own.map((s) => s.id),
        },
        [z.id, ...local],
      ),
    );
  }
  return out;
}

/** Partnership kinds in which partners share case data with the pen-holder. */
const CASE_DATA_KINDS = ['GBO', 'LIVC_R', 'KETEN_IFG'];

export function rc9(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  if (!ownServices(ctx).length) return out;
  for (const role of ctx.data.roles) {
    if (![...REGIE_ROLES, 'ORGANISATOR', 'CHAIR'].includes(role.role) || !role.actorId || !ctx.isLocal(role.actorId) || !role.partnershipId) continue;
    const p = ctx.data.partnerships.find((x) => x.id === role.partnershipId);
    if (!p || !CASE_DATA_KINDS.includes(p.kind)) continue;
    const members = ctx.data.members.filter((m) => m.partnershipId === p.id && !ctx.isLocal(m.actorId)).map((m) => m.actorId);
    const ends = new Set([...members, ...(p.actorId ? [p.actorId] : [])]);
    const sharing = ctx.data.agreements.filter(
      (a) => a.type === 'GEGEVENSDELING' && ctx.inForce(a) && a.parties.some((x) => ctx.isLocal(x.actorId)) && a.parties.some((x) => ends.has(x.actorId)),
    );
    if (sharing.length) continue;
    out.push(
      ctx.finding(
        {
          ruleId: 'RC9',
          severity: 'HIGH',
          title: `${ctx.name(role.actorId)} krijgt casusgegevens in ${q(p.name)} zonder afspraak over gegevensdeling`,
          explanation: `Als ${ctx.label('roleKind', role.role).toLowerCase()} van ${q(p.name)} ontvangt ${ctx.name(role.actorId)} gegevens van ${ctx.names(members)}, terwijl het lokaal bestuur zelf diensten aanbiedt. Er is geen geldende afspraak over gegevensdeling met doelbinding en toegang per rol.`,
          mitigation: 'Sluit een afspraak over gegevensdeling (doel, rechtsgrond, toegang per rol), maak een DPIA en pas bij casusoverleg de waarborgen van art. 458ter Sw. toe.',
          actorIds: [role.actorId, ...members],
          evidence: [role.id, p.id],
        },
        [role.id],
      ),
    );
  }
  return out;
}

export function rc10(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const own = ownServices(ctx);
  for (const ag of ctx.data.agreements) {
    if (ag.type !== 'ERKENNING_ADVIES' || !ctx.inForce(ag)) continue;
    const advisor = ag.parties[0]?.actorId;
    if (!advisor || !ctx.isLocal(advisor)) continue;
    const subjects = ag.parties.filter((p) => p.role === 'SUBJECT' && !ctx.isLocal(p.actorId)).map((p) => p.actorId);
    for (const subject of subjects) {
      const domains = ag.lifeDomains.length ? ag.lifeDomains : (ctx.servicesOf.get(subject) ?? []).flatMap((s) => s.lifeDomains);
      const competing = own.filter((s) => shares(s.lifeDomains, domains));
      if (!competing.length) continue;
      const subjectType = ctx.actors.get(subject)?.type;
      const sameKind = competing.filter((s) => ctx.actors.get(s.providerId)?.type === subjectType);
      out.push(
        ctx.finding({
          ruleId: 'RC10',
          severity: sameKind.length ? 'HIGH' : 'MEDIUM',
          title: `${ctx.name(advisor)} adviseert over ${ctx.name(subject)}, een concurrent van eigen aanbod`,
          explanation:
            `Het advies ${q(ag.title)} (${ag.id}) gaat over ${ctx.name(subject)}, terwijl het lokaal bestuur zelf ${ctx.names((sameKind.length ? sameKind : competing).map((s) => s.providerId))} ` +
            `in hetzelfde domein uitbaat.`,
          mitigation: 'Werk met objectieve, gepubliceerde criteria en laat het advies voorbereiden door een dienst zonder belang als aanbieder, of door een adviesraad.',
          actorIds: [advisor, subject, ...competing.map((s) => s.providerId)],
          agreementIds: [ag.id],
          evidence: competing.map((s) => s.id),
        }),
      );
    }
  }
  return out;
}

/** RC2 weighs more when the same local government also funds itself (RC3) or gatekeeps referrals (RC7). */
export function escalateRc2(findings: Finding[]): Finding[] {
  const aggravated = findings.some((f) => f.ruleId === 'RC3' || f.ruleId === 'RC7');
  return findings.map((f) => (f.ruleId === 'RC2' && aggravated ? { ...f, severity: 'HIGH' } : f));
}

/** The actor behind a chair or rapporteur given as an actor and/or a function. */
function who(ctx: CheckContext, actorId: string | null, functionId: string | null): { actor: string | null; label: string } {
  const fn = functionId ? ctx.data.functions.find((f) => f.id === functionId) : undefined;
  const actor = actorId ?? fn?.actorId ?? null;
  return { actor, label: fn ? `${fn.title} (${ctx.name(fn.actorId)})` : actor ? ctx.name(actor) : '' };
}

/** Agenda items, each with its meeting and the local government's services it is about. */
function agendaOnOwnServices(ctx: CheckContext) {
  const services = new Map(ctx.data.services.map((s) => [s.id, s]));
  return ctx.data.meetings.flatMap((m) =>
    m.items.map((item) => ({ m, item, own: item.serviceIds.map((id) => services.get(id)).filter((s): s is Service => !!s && ctx.isLocal(s.providerId)) })).filter((x) => x.own.length),
  );
}

export function rc4(ctx: CheckContext): Finding[] {
  const evaluates = new Set(ctx.vocab.agendaItemType.filter((t) => t.props?.evaluates).map((t) => t.code));
  return agendaOnOwnServices(ctx).flatMap(({ m, item, own }) => {
    const rapporteur = who(ctx, item.rapporteurActorId, item.rapporteurFunctionId);
    if (!evaluates.has(item.type) || !rapporteur.actor || !ctx.isLocal(rapporteur.actor) || item.externalInput) return [];
    return [
      ctx.finding(
        {
          ruleId: 'RC4',
          severity: 'MEDIUM',
          title: `Het lokaal bestuur evalueert zijn eigen aanbod: ${q(item.title)}`,
          explanation:
            `Op ${q(m.title)}${m.date ? ` (${m.date})` : ''} brengt ${rapporteur.label} verslag uit over ${own.map((s) => `${q(s.name)} van ${ctx.name(s.providerId)}`).join(', ')}, ` +
            'diensten van het lokaal bestuur zelf, zonder externe inbreng of gegevens.',
          mitigation: 'Laat de evaluatie doen door een werkgroep van de zorgraad of met externe gegevens (VIVEL, Departement Zorg), met een rapporteur uit een andere cluster.',
          actorIds: [rapporteur.actor, ...own.map((s) => s.providerId), ...(m.bodyActorId ? [m.bodyActorId] : [])],
          evidence: [m.id, ...own.map((s) => s.id), ...(item.rapporteurFunctionId ? [item.rapporteurFunctionId] : [])],
        },
        agendaKeyIds(m.id, item.id),
      ),
    ];
  });
}

/** RC5 on the agenda: the meeting's chair (or the item's) is the local government, on an item about its own services. */
export function rc5Agenda(ctx: CheckContext): Finding[] {
  const neutral = new Set(ctx.vocab.agendaItemType.filter((t) => t.props?.neutral).map((t) => t.code));
  return agendaOnOwnServices(ctx).flatMap(({ m, item, own }) => {
    const handedOver = item.chairActorId || item.chairFunctionId;
    const chair = handedOver ? who(ctx, item.chairActorId, item.chairFunctionId) : who(ctx, m.chairActorId, m.chairFunctionId);
    if (neutral.has(item.type) || !chair.actor || !ctx.isLocal(chair.actor)) return [];
    return [
      ctx.finding(
        {
          ruleId: 'RC5',
          severity: 'MEDIUM',
          title: `${chair.label} zit het agendapunt ${q(item.title)} voor, over eigen diensten`,
          explanation:
            `Op ${q(m.title)}${m.date ? ` (${m.date})` : ''} leidt ${chair.label} het punt ${q(item.title)} (${ctx.label('agendaItemType', item.type).toLowerCase()}) over ` +
            `${own.map((s) => `${q(s.name)} van ${ctx.name(s.providerId)}`).join(', ')}, diensten van het lokaal bestuur zelf.` +
            (item.declaredCapacity ? ' De hoedanigheid werd wel verklaard.' : ''),
          mitigation: 'Geef voor dit punt het voorzitterschap door (ondervoorzitter), laat de verklaring notuleren en onthoud u bij de stemming.',
          actorIds: [chair.actor, ...own.map((s) => s.providerId), ...(m.bodyActorId ? [m.bodyActorId] : [])],
          evidence: [m.id, ...own.map((s) => s.id), ...(m.chairFunctionId && !handedOver ? [m.chairFunctionId] : [])],
        },
        agendaKeyIds(m.id, item.id),
      ),
    ];
  });
}

export function rc11(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const ag of ctx.data.agreements) {
    const c = ag.conditions;
    if (!c || !(c.exclusiveReferral || c.restrictsOffer) || !ctx.inForce(ag)) continue;
    const funders = [...ctx.partiesWith(ag, 'FUNDER'), ...(ag.finance?.funderId ? [ag.finance.funderId] : [])].filter(ctx.isLocal);
    const funder = funders[0] ?? (ctx.isLocal(ag.parties[0]?.actorId ?? '') ? ag.parties[0].actorId : null);
    if (!funder) continue;
    const partners = ag.parties.map((p) => p.actorId).filter((id) => !ctx.isLocal(id));
    if (!partners.length) continue;
    const what = [c.exclusiveReferral ? 'verplicht exclusief door te verwijzen naar het lokaal bestuur' : '', c.restrictsOffer ? 'beperkt wat de partner verder mag aanbieden' : ''].filter(Boolean).join(' en ');
    out.push(
      ctx.finding({
        ruleId: 'RC11',
        severity: 'HIGH',
        title: `Voorwaardelijke financiering: ${ctx.name(funder)} bindt ${ctx.names(partners)}`,
        explanation: `De afspraak ${q(ag.title)} (${ag.id}) ${what}${c.description ? `: ${c.description}` : ''}. Zo stuurt de regisseur cliënten naar zijn eigen aanbod.`,
        mitigation: 'Schrap de exclusiviteit en werk met resultaatgerichte voorwaarden.',
        actorIds: [funder, ...partners],
        agreementIds: [ag.id],
      }),
    );
  }
  return out;
}

const BOARD_FORMS = ['PRIVATE_NONPROFIT', 'PUBLIC_INTERMUNICIPAL', 'PUBLIC_COMPANY', 'PUBLIC'];
export function rc12(ctx: CheckContext): Finding[] {
  return ctx.data.actors.flatMap((a) => {
    const seats = a.boardMemberIds.filter(ctx.isLocal);
    if (!seats.length || ctx.isLocal(a.id) || a.controlledById || !BOARD_FORMS.includes(a.legalForm)) return [];
    return [
      ctx.finding({
        ruleId: 'RC12',
        severity: 'LOW',
        title: `Mogelijk verborgen controle: ${ctx.names(seats)} zetelt in het bestuur van ${a.name}`,
        explanation: `${ctx.names(seats)} heeft zetels in het bestuur van ${a.name} (${ctx.label('legalForm', a.legalForm).toLowerCase()}), maar ${a.name} staat niet als gecontroleerd door het lokaal bestuur. De andere controles tellen het daardoor niet als eigen aanbod.`,
        mitigation: 'Vul de eigendoms- en bestuursgegevens aan ("gecontroleerd door") en laat de controles opnieuw lopen.',
        actorIds: [a.id, ...seats],
      }),
    ];
  });
}
