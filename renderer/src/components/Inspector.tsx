import { Children, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { originOf, ServiceSchema, type Actor, type Agreement, type EntityKind, type NetworkData, type Partnership } from '../../../shared/model';
import { vocabLabel, type VocabEntry, type VocabKind } from '../../../shared/vocab';
import { formatKbo } from '../../../shared/util/kbo';
import { flemishDate } from '../../../shared/util/dates';
import { ActorForm, blankActor } from './forms/ActorForm';
import { AgreementForm, type AgreementDraft } from './forms/AgreementForm';
import { CodeChecklist, CodeSelect, DateField, TextField, type FieldErrors } from './forms/fields';
import { fieldErrors, placeKey, startFrom, useEditForm, useKeptDraft, type Save } from './forms/draft';
import type { DraftKey } from '../../../shared/edit/drafts';
import { useDrafts } from '../data';
import { DraftNote } from './forms/DraftNote';
import { EntityList, SpecForm } from './forms/SpecForm';
import { blanks, specs } from './forms/specs';

export type { Save };

interface Props {
  data: NetworkData;
  vocab: Record<VocabKind, VocabEntry[]>;
  selection: string[];
  onSelect: (ids: string[]) => void;
  save: Save;
  readOnly: boolean;
  onDelete: () => void;
  onNewAgreement: (actorId: string) => void;
  /** Narrows the view to this actor's neighbourhood. */
  onFocus: (actorId: string) => void;
  /** Deletes things after the confirmation that names what goes with them. */
  onDeleteThings: (kind: EntityKind, ids: string[]) => void;
  /** The agreement whose next party is being chosen on the map, if any; and the switch for it. */
  picking: string | null;
  onPickParty: (agreementId: string | null) => void;
}

const agreementIdOf = (sel: string) => (sel.startsWith('agreement:') ? sel.slice('agreement:'.length) : null);

/** The selected thing, editable in place: every field is saved as the user leaves it, and can be undone. */
export function Inspector(props: Props) {
  const { t } = useTranslation();
  const { data, selection } = props;
  const actor = selection.length === 1 ? data.actors.find((a) => a.id === selection[0]) : undefined;
  const agreementId = selection.length === 1 ? agreementIdOf(selection[0]) : null;
  const agreement = agreementId ? data.agreements.find((a) => a.id === agreementId) : undefined;
  const partnership =
    selection.length === 1 && selection[0].startsWith('partnership:') ? data.partnerships.find((p) => `partnership:${p.id}` === selection[0]) : undefined;
  return (
    <aside className="inspector" aria-labelledby="inspector-heading" data-testid="inspector">
      {actor ? (
        <ActorInspector key={actor.id} actor={actor} {...props} />
      ) : agreement ? (
        <AgreementInspector key={agreement.id} agreement={agreement} {...props} />
      ) : partnership ? (
        <PartnershipInspector key={partnership.id} partnership={partnership} {...props} />
      ) : selection.length > 1 ? (
        <MultiInspector {...props} />
      ) : (
        <>
          <h2 id="inspector-heading">{t('inspector.heading')}</h2>
          <p className="muted">{t('inspector.empty')}</p>
        </>
      )}
    </aside>
  );
}

function useLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  return (vocab: Record<VocabKind, VocabEntry[]>, kind: VocabKind, code: string) => vocabLabel(vocab, kind, code, lang);
}

function ActorInspector({ actor, data, vocab, onSelect, save, readOnly, onDelete, onNewAgreement, onFocus, onDeleteThings }: Props & { actor: Actor }) {
  const { t } = useTranslation();
  const label = useLabels();
  const { draft, setDraft, errors, commit } = useEditForm<ReturnType<typeof blankActor>>('actor', actor, save, (d) => t('edit.actorChanged', { name: d.name }));
  const services = data.services.filter((s) => s.providerId === actor.id);
  const agreements = data.agreements.filter((a) => a.parties.some((p) => p.actorId === actor.id));
  const memberships = data.members.filter((m) => m.actorId === actor.id);
  const units = new Set(data.orgUnits.filter((u) => u.actorId === actor.id).map((u) => u.id));
  const fns = new Set(data.functions.filter((f) => f.actorId === actor.id).map((f) => f.id));
  const roles = data.roles.filter((r) => r.actorId === actor.id || (r.orgUnitId && units.has(r.orgUnitId)) || (r.functionId && fns.has(r.functionId)));
  const models = data.governanceModels.filter((g) => g.actorId === actor.id);
  // A neighbour's gemeente merged in from its map is not this document's local government.
  const localGov = !!vocab.actorType.find((v) => v.code === actor.type)?.props?.localGov && originOf(actor) === null;
  const bodyOf = data.partnerships.filter((p) => p.actorId === actor.id);
  const common = { vocab, save, readOnly, onDelete: onDeleteThings };
  const name = (id: string) => data.actors.find((a) => a.id === id)?.name ?? id;
  const partnershipName = (id: string | null) => data.partnerships.find((p) => p.id === id)?.name ?? '';
  return (
    <>
      <h2 id="inspector-heading">{actor.name}</h2>
      <p className="muted">
        {label(vocab, 'actorType', actor.type)}
        {actor.kbo ? ` · ${formatKbo(actor.kbo)}` : ''}
      </p>
      {actor.provenance.length > 0 && (
        <ul className="muted provenance" data-testid="inspector-provenance">
          {actor.provenance.map((p) => (
            <li key={`${p.source}|${p.sourceId}`}>
              {t(p.added ? 'inspector.fromMap' : 'inspector.alsoInMap', { source: p.source, id: p.sourceId, date: flemishDate(p.mergedOn), by: t(`exchange.merge.byWhat.${p.matchedBy ?? 'KEUZE'}`) })}
            </li>
          ))}
        </ul>
      )}
      <div className="inspector-actions">
        <button type="button" onClick={() => onFocus(actor.id)} data-testid="inspector-focus">
          {t('filters.focus')}
        </button>
        {!readOnly && (
          <>
            <button type="button" onClick={() => onNewAgreement(actor.id)} data-testid="inspector-new-agreement">
              {t('inspector.newAgreement')}
            </button>
            <button type="button" className="danger" onClick={onDelete} data-testid="inspector-delete">
              {t('toolbar.delete')}
            </button>
          </>
        )}
      </div>
      {readOnly ? (
        <dl>
          <dt>{t('inspector.sectors')}</dt>
          <dd>{actor.sectors.map((s) => label(vocab, 'sector', s)).join(', ') || '–'}</dd>
          <dt>{t('inspector.legalForm')}</dt>
          <dd>{label(vocab, 'legalForm', actor.legalForm)}</dd>
          <dt>{t('inspector.level')}</dt>
          <dd>{label(vocab, 'level', actor.level)}</dd>
        </dl>
      ) : (
        <details className="edit-section" open>
          <summary>{t('inspector.properties')}</summary>
          <ActorForm draft={draft} onChange={setDraft} onCommit={commit} errors={errors} data={data} vocab={vocab} />
          {errors._ && <p className="dialog-error" role="alert">{errors._}</p>}
        </details>
      )}
      <Section title={t('inspector.services')} empty={t('inspector.none')} testId="inspector-services">
        {services.map((s) => (
          <li key={s.id}>
            {s.name}
            <span className="muted">
              {' '}
              — {s.targetGroups.map((g) => label(vocab, 'targetGroup', g)).join(', ')}
              {s.outreach ? ` · ${t('inspector.outreach')}` : ''}
            </span>
            {!readOnly && (
              <button
                type="button"
                className="icon"
                aria-label={t('inspector.removeService', { name: s.name })}
                onClick={() => save({ label: t('edit.serviceRemoved', { name: s.name }), steps: [{ op: 'delete', kind: 'service', ids: [s.id] }] })}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </Section>
      {!readOnly && <NewService providerId={actor.id} vocab={vocab} save={save} />}
      <Section title={t('inspector.agreements')} empty={t('inspector.none')} testId="inspector-agreements">
        {agreements.map((a) => (
          <li key={a.id}>
            <button type="button" className="link" onClick={() => onSelect([`agreement:${a.id}`])}>
              {label(vocab, 'agreementType', a.type)}: {a.title}
            </button>{' '}
            <span className={`status status-${a.status.toLowerCase()}`}>{label(vocab, 'agreementStatus', a.status)}</span>
            <span className="muted">
              {' '}
              {t('inspector.with')}{' '}
              {a.parties
                .filter((p) => p.actorId !== actor.id)
                .map((p) => name(p.actorId))
                .join(', ')}
            </span>
          </li>
        ))}
      </Section>
      {bodyOf.map((p) => (
        <PartnershipDetails key={p.id} partnership={p} data={data} vocab={vocab} save={save} readOnly={readOnly} onDeleteThings={onDeleteThings} />
      ))}
      <EntityList
        title={t('inspector.partnerships')}
        kind="member"
        items={memberships}
        itemLabel={(m) => `${partnershipName(m.partnershipId)} (${label(vocab, 'partyRole', m.role)}${m.cluster ? `, ${m.cluster}` : ''})`}
        spec={specs.memberOfActor(t, data)}
        blank={blanks.member(null, actor.id)}
        addLabel={t('inspector.newMembership')}
        addedLabel={(d) => t('edit.thingAdded', { kind: t('kind.member'), name: partnershipName(d.partnershipId as string) })}
        editedLabel={(d) => t('edit.thingChanged', { kind: t('kind.member'), name: partnershipName(d.partnershipId as string) })}
        testId="inspector-memberships"
        {...common}
      />
      <EntityList
        title={t('inspector.orgUnits')}
        kind="orgUnit"
        items={data.orgUnits.filter((u) => u.actorId === actor.id)}
        itemLabel={(u) => `${u.name}${u.kind !== 'DIENST' ? ` (${t(`form.unitKinds.${u.kind}`)})` : ''}`}
        spec={specs.orgUnit(t, data, actor)}
        blank={blanks.orgUnit(actor.id)}
        addLabel={t('inspector.newOrgUnit')}
        addedLabel={(d) => t('edit.thingAdded', { kind: t('kind.orgUnit'), name: d.name })}
        editedLabel={(d) => t('edit.thingChanged', { kind: t('kind.orgUnit'), name: d.name })}
        testId="inspector-units"
        {...common}
      />
      <EntityList
        title={t('inspector.functions')}
        kind="function"
        items={data.functions.filter((f) => f.actorId === actor.id)}
        itemLabel={(f) => f.title}
        spec={specs.function(t, data, actor)}
        blank={blanks.function(actor.id)}
        addLabel={t('inspector.newFunction')}
        addedLabel={(d) => t('edit.thingAdded', { kind: t('kind.function'), name: d.title })}
        editedLabel={(d) => t('edit.thingChanged', { kind: t('kind.function'), name: d.title })}
        testId="inspector-functions"
        {...common}
      />
      <EntityList
        title={t('inspector.roles')}
        kind="role"
        items={roles}
        itemLabel={(r) => [label(vocab, 'roleKind', r.role), partnershipName(r.partnershipId)].filter(Boolean).join(' — ')}
        spec={specs.role(t, data, actor)}
        blank={blanks.role(actor.id)}
        addLabel={t('inspector.newRole')}
        addedLabel={(d) => t('edit.thingAdded', { kind: t('kind.role'), name: label(vocab, 'roleKind', d.role as string) })}
        editedLabel={(d) => t('edit.thingChanged', { kind: t('kind.role'), name: label(vocab, 'roleKind', d.role as string) })}
        testId="inspector-roles"
        {...common}
      />
      {(localGov || models.length > 0) && (
        <EntityList
          title={t('inspector.governanceModels')}
          kind="governanceModel"
          items={models}
          itemLabel={(g) => `${g.title} (${label(vocab, 'governanceStatus', g.status)})`}
          spec={specs.governanceModel(t, data, actor)}
          blank={blanks.governanceModel(actor.id)}
          addLabel={t('inspector.newGovernanceModel')}
          addedLabel={(d) => t('edit.thingAdded', { kind: t('kind.governanceModel'), name: d.title })}
          editedLabel={(d) => t('edit.thingChanged', { kind: t('kind.governanceModel'), name: d.title })}
          testId="inspector-governance"
          {...common}
        />
      )}
    </>
  );
}

/**
 * Adds a service to an actor: what it is called, for whom, in which life domains. What is typed is kept as the
 * document's draft for that actor until the service is added (see useKeptDraft), and the form goes on from it.
 */
function NewService({ providerId, vocab, save }: { providerId: string; vocab: Record<VocabKind, VocabEntry[]>; save: Save }) {
  const { t } = useTranslation();
  const drafts = useDrafts(true).data ?? [];
  const [open, setOpen] = useState<{ start: ServiceDraft; restoredAt: string | null } | null>(null);
  const empty: ServiceDraft = { providerId, name: '', targetGroups: [], lifeDomains: [] };
  const key = placeKey('dienst', { providerId });
  if (!open) {
    const begin = () => {
      const { draft, restoredAt } = startFrom(empty, drafts.find((d) => d.key === key));
      setOpen({ start: { ...draft, providerId }, restoredAt });
    };
    return (
      <button type="button" onClick={begin} data-testid="service-new">
        {t('inspector.newService')}
      </button>
    );
  }
  return <NewServiceForm draftKey={key} empty={empty} start={open.start} restoredAt={open.restoredAt} vocab={vocab} save={save} onClose={() => setOpen(null)} />;
}

type ServiceDraft = { providerId: string; name: string; targetGroups: string[]; lifeDomains: string[] };

function NewServiceForm({ draftKey, empty, start, restoredAt, vocab, save, onClose }: { draftKey: DraftKey; empty: ServiceDraft; start: ServiceDraft; restoredAt: string | null; vocab: Record<VocabKind, VocabEntry[]>; save: Save; onClose: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(start);
  const [errors, setErrors] = useState<FieldErrors>({});
  const kept = useKeptDraft(draftKey, draft.name, draft, empty, { context: { providerId: empty.providerId }, where: t('inspector.newService').replace(/^\+\s*/, '') });
  const add = async () => {
    const errs = fieldErrors(ServiceSchema, { ...draft, id: 'nieuw' });
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const server = await kept.finish(() => save({ label: t('edit.serviceAdded', { name: draft.name }), steps: [{ op: 'create', kind: 'service', value: draft }], dropDraft: draftKey }));
    setErrors(server);
    if (!Object.keys(server).length) onClose();
  };
  return (
    <div className="form new-service" data-testid="service-form">
      <DraftNote restoredAt={restoredAt} onRestart={() => setDraft(empty)} error={kept.error} testId="service-draft-restored" />
      <TextField label={t('form.serviceName')} value={draft.name} required autoFocus onChange={(v) => setDraft({ ...draft, name: v ?? '' })} error={errors.name} testId="service-name" />
      <CodeChecklist label={t('form.targetGroups')} vocab={vocab} kind="targetGroup" value={draft.targetGroups} onChange={(v) => setDraft({ ...draft, targetGroups: v })} testId="service-target-groups" />
      <CodeChecklist label={t('form.lifeDomains')} vocab={vocab} kind="lifeDomain" value={draft.lifeDomains} onChange={(v) => setDraft({ ...draft, lifeDomains: v })} testId="service-life-domains" />
      {errors._ && <p className="dialog-error" role="alert">{errors._}</p>}
      <div className="dialog-buttons">
        <button type="button" onClick={() => (onClose(), void kept.discard())}>
          {t('dialog.cancel')}
        </button>
        <button type="button" className="primary" onClick={() => void add()} data-testid="service-add">
          {t('form.add')}
        </button>
      </div>
    </div>
  );
}

function AgreementInspector({ agreement, data, vocab, save, readOnly, onDelete, picking, onPickParty }: Props & { agreement: Agreement }) {
  const { t } = useTranslation();
  const label = useLabels();
  const { draft, setDraft, errors, commit } = useEditForm<AgreementDraft>('agreement', agreement, save, (d) => t('edit.agreementChanged', { name: d.title }));
  return (
    <>
      <h2 id="inspector-heading">{agreement.title}</h2>
      <p className="muted">
        {label(vocab, 'agreementType', agreement.type)} · <span className={`status status-${agreement.status.toLowerCase()}`}>{label(vocab, 'agreementStatus', agreement.status)}</span>
      </p>
      {!readOnly && (
        <div className="inspector-actions">
          <button type="button" className="danger" onClick={onDelete} data-testid="inspector-delete">
            {t('toolbar.delete')}
          </button>
        </div>
      )}
      {readOnly ? (
        <ul>
          {agreement.parties.map((p, i) => (
            <li key={i}>
              {data.actors.find((a) => a.id === p.actorId)?.name ?? p.actorId} ({label(vocab, 'partyRole', p.role)})
            </li>
          ))}
        </ul>
      ) : (
        <AgreementForm
          draft={draft}
          onChange={setDraft}
          onCommit={commit}
          errors={errors}
          data={data}
          vocab={vocab}
          picking={picking === agreement.id}
          onPickOnMap={() => onPickParty(picking === agreement.id ? null : agreement.id)}
        />
      )}
      {errors._ && <p className="dialog-error" role="alert">{errors._}</p>}
    </>
  );
}

/** A partnership's own data and its members: under its actor (GBO, zorgraad…) or as its own hub's inspector. */
function PartnershipDetails({
  partnership,
  data,
  vocab,
  save,
  readOnly,
  onDeleteThings,
}: Pick<Props, 'data' | 'vocab' | 'save' | 'readOnly' | 'onDeleteThings'> & { partnership: Partnership }) {
  const { t } = useTranslation();
  const label = useLabels();
  const { draft, setDraft, errors, commit } = useEditForm<Record<string, unknown>>('partnership', partnership, save, (d) =>
    t('edit.thingChanged', { kind: t('kind.partnership'), name: d.name }),
  );
  const actorName = (id: string) => data.actors.find((a) => a.id === id)?.name ?? id;
  return (
    <>
      {!readOnly && (
        <details className="edit-section" data-testid="partnership-details">
          <summary>
            {t('kind.partnership')}: {partnership.name}
          </summary>
          <SpecForm spec={specs.partnership(t, data)} draft={draft} onChange={setDraft} onCommit={commit} errors={errors} vocab={vocab} testPrefix="partnership" />
        </details>
      )}
      <EntityList
        title={t('inspector.members')}
        kind="member"
        items={data.members.filter((m) => m.partnershipId === partnership.id)}
        itemLabel={(m) => `${actorName(m.actorId)} (${label(vocab, 'partyRole', m.role)}${m.cluster ? `, ${m.cluster}` : ''})`}
        spec={specs.memberOfPartnership(t, data)}
        blank={blanks.member(partnership.id, null)}
        addLabel={t('inspector.newMember')}
        addedLabel={(d) => t('edit.thingAdded', { kind: t('kind.member'), name: actorName(d.actorId as string) })}
        editedLabel={(d) => t('edit.thingChanged', { kind: t('kind.member'), name: actorName(d.actorId as string) })}
        testId="partnership-members"
        vocab={vocab}
        save={save}
        readOnly={readOnly}
        onDelete={onDeleteThings}
      />
    </>
  );
}

function PartnershipInspector(props: Props & { partnership: Partnership }) {
  const { t } = useTranslation();
  const label = useLabels();
  const { partnership, vocab, readOnly, onDeleteThings } = props;
  return (
    <>
      <h2 id="inspector-heading">{partnership.name}</h2>
      <p className="muted">{label(vocab, 'partnershipKind', partnership.kind)}</p>
      {!readOnly && (
        <div className="inspector-actions">
          <button type="button" className="danger" onClick={() => onDeleteThings('partnership', [partnership.id])} data-testid="inspector-delete">
            {t('toolbar.delete')}
          </button>
        </div>
      )}
      <PartnershipDetails {...props} />
    </>
  );
}

/**
 * Several things selected: change one field of all of them at once (one edit, one undo step), or delete them.
 * Level, legal form and active for actors; status and review date for agreements.
 */
function MultiInspector({ data, vocab, selection, save, readOnly, onDelete }: Props) {
  const { t } = useTranslation();
  const actorIds = selection.filter((id) => data.actors.some((a) => a.id === id));
  const agreementIds = selection.map(agreementIdOf).filter((id): id is string => !!id && data.agreements.some((a) => a.id === id));
  const patch = (kind: 'actor' | 'agreement', ids: string[], field: string, value: unknown) =>
    save({ label: t('edit.patched', { count: ids.length, field: t(`form.${field}`) }), steps: [{ op: 'patch', kind, ids, patch: { [field]: value } }] });
  const same = <T,>(values: T[]) => (values.length && values.every((v) => v === values[0]) ? values[0] : null);
  const actors = data.actors.filter((a) => actorIds.includes(a.id));
  const agreements = data.agreements.filter((a) => agreementIds.includes(a.id));
  return (
    <>
      <h2 id="inspector-heading">{t('inspector.multi', { count: selection.length })}</h2>
      <p className="muted">{t('inspector.multiHint')}</p>
      {!readOnly && actorIds.length > 1 && (
        <fieldset className="multi-edit" data-testid="multi-actors">
          <legend>{t('inspector.forAllActors', { count: actorIds.length })}</legend>
          <CodeSelect label={t('form.level')} vocab={vocab} kind="level" value={same(actors.map((a) => a.level))} onChange={(v) => v && void patch('actor', actorIds, 'level', v)} testId="multi-level" />
          <CodeSelect label={t('form.legalForm')} vocab={vocab} kind="legalForm" value={same(actors.map((a) => a.legalForm))} onChange={(v) => v && void patch('actor', actorIds, 'legalForm', v)} testId="multi-legal-form" />
        </fieldset>
      )}
      {!readOnly && agreementIds.length > 1 && (
        <fieldset className="multi-edit" data-testid="multi-agreements">
          <legend>{t('inspector.forAllAgreements', { count: agreementIds.length })}</legend>
          <CodeSelect label={t('form.status')} vocab={vocab} kind="agreementStatus" value={same(agreements.map((a) => a.status))} onChange={(v) => v && void patch('agreement', agreementIds, 'status', v)} testId="multi-status" />
          <DateField label={t('form.reviewDate')} value={same(agreements.map((a) => a.reviewDate))} onChange={(v) => void patch('agreement', agreementIds, 'reviewDate', v)} testId="multi-review" />
        </fieldset>
      )}
      {!readOnly && (
        <button type="button" className="danger" onClick={onDelete} data-testid="inspector-delete">
          {t('toolbar.delete')}
        </button>
      )}
    </>
  );
}

/** A titled list, or a muted "none" when it has no items. */
function Section({ title, empty, testId, children }: { title: string; empty: string; testId?: string; children: ReactNode }) {
  return (
    <>
      <h3>{title}</h3>
      {Children.count(children) ? <ul data-testid={testId}>{children}</ul> : <p className="muted">{empty}</p>}
    </>
  );
}
