import { useTranslation } from 'react-i18next';
import type { Actor, NetworkData } from '../../../../shared/model';
import type { VocabEntry, VocabKind } from '../../../../shared/vocab';
import { formSetters } from './draft';
import { CustomFields } from './CustomFields';
import { normalise, otherNames } from '../../../../shared/exchange/fields';
import { CodeChecklist, CodeSelect, LinesField, RefChecklist, RefSelect, TextField, type FieldErrors } from './fields';

/** What a new actor starts as; its type fills in the usual sector and legal form. */
export function blankActor(): Omit<Actor, 'id'> & { id?: string } {
  return {
    name: '',
    aliases: [],
    type: '',
    sectors: [],
    legalForm: '',
    level: 'LOKAAL',
    areaId: null,
    controlledById: null,
    boardMemberIds: [],
    kbo: null,
    socialeKaartId: null,
    socialeKaartSyncedAt: null,
    contact: { phone: null, email: null, website: null, address: null },
    active: true,
    notes: null,
    custom: {},
    provenance: [],
  };
}

type Draft = ReturnType<typeof blankActor>;

/** The fields of an actor; `onCommit` saves (the inspector saves each field as the user leaves it). */
export function ActorForm({
  draft,
  onChange,
  onCommit,
  errors,
  data,
  vocab,
  autoFocus,
}: {
  draft: Draft;
  onChange: (d: Draft) => void;
  onCommit?: (d: Draft) => void;
  errors: FieldErrors;
  data: NetworkData;
  vocab: Record<VocabKind, VocabEntry[]>;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const { set, commit } = formSetters(draft, onChange, onCommit);
  const chooseType = (code: string) => {
    // The type says what such an actor usually is: fill in sector and legal form when still empty.
    const props = vocab.actorType.find((v) => v.code === code)?.props ?? {};
    const next: Draft = { ...draft, type: code };
    if (!next.sectors.length && typeof props.sector === 'string') next.sectors = [props.sector];
    if (!next.legalForm) next.legalForm = typeof props.legalForm === 'string' ? props.legalForm : 'PRIVATE_NONPROFIT';
    onChange(next);
    onCommit?.(next);
  };
  // Other names that another actor has as its name or as an other name: an import cannot tell them apart.
  const clashes = draft.aliases.flatMap((alias) => {
    const n = normalise(alias);
    const other = data.actors.find((a) => a.id !== draft.id && (normalise(a.name) === n || a.aliases.some((x) => normalise(x) === n)));
    return other ? [t('inspector.aliasClash', { alias, other: other.name })] : [];
  });
  return (
    <div className="form" data-testid="actor-form">
      <TextField label={t('form.name')} value={draft.name} required autoFocus={autoFocus} onChange={(v) => set('name', v ?? '')} onCommit={commit} error={errors.name} testId="actor-name" />
      <LinesField
        label={t('inspector.aliases')}
        hint={t('inspector.aliasesHint')}
        warning={clashes.length ? `${clashes.join(' ')} ${t('inspector.aliasClashWhy')}` : undefined}
        value={draft.aliases}
        onChange={(v) => set('aliases', otherNames(draft.name, v))}
        onCommit={commit}
        error={errors.aliases ?? Object.entries(errors).find(([k]) => k.startsWith('aliases.'))?.[1]}
        testId="actor-aliases"
      />
      <CodeSelect label={t('inspector.type')} vocab={vocab} kind="actorType" value={draft.type || null} onChange={chooseType} error={errors.type} testId="actor-type" />
      <CodeSelect label={t('inspector.legalForm')} vocab={vocab} kind="legalForm" value={draft.legalForm || null} onChange={(v) => set('legalForm', v, true)} error={errors.legalForm} testId="actor-legal-form" />
      <CodeSelect label={t('inspector.level')} vocab={vocab} kind="level" value={draft.level} onChange={(v) => set('level', v, true)} error={errors.level} testId="actor-level" />
      <RefSelect
        label={t('inspector.area')}
        options={data.areas}
        value={draft.areaId}
        onChange={(v) => set('areaId', v, true)}
        testId="actor-area"
      />
      <TextField label={t('inspector.kbo')} value={draft.kbo} placeholder="0123.456.749" onChange={(v) => set('kbo', v)} onCommit={commit} error={errors.kbo} testId="actor-kbo" />
      <label className="check">
        <input type="checkbox" checked={draft.active} onChange={(e) => set('active', e.target.checked, true)} data-testid="actor-active" />
        {t('form.actorActive')}
      </label>
      <fieldset className="contact" data-testid="actor-contact">
        <legend>{t('form.contact')}</legend>
        {(['phone', 'email', 'website', 'address'] as const).map((k) => (
          <TextField
            key={k}
            label={t(`form.${k}`)}
            value={draft.contact[k]}
            placeholder={k === 'address' ? t('form.addressHint') : undefined}
            onChange={(v) => set('contact', { ...draft.contact, [k]: v })}
            onCommit={commit}
            error={errors[`contact.${k}`]}
            testId={`actor-${k}`}
          />
        ))}
      </fieldset>
      <RefSelect
        label={t('inspector.controlledBy')}
        options={data.actors.filter((a) => a.id !== draft.id)}
        value={draft.controlledById}
        onChange={(v) => set('controlledById', v, true)}
        testId="actor-controlled-by"
      />
      <RefChecklist
        label={t('inspector.boardMembers')}
        options={data.actors.filter((a) => a.id !== draft.id).map((a) => ({ id: a.id, name: a.name })).sort((a, b) => a.name.localeCompare(b.name, 'nl'))}
        value={draft.boardMemberIds}
        onChange={(v) => set('boardMemberIds', v, true)}
        testId="actor-board-members"
      />
      <CodeChecklist label={t('inspector.sectors')} vocab={vocab} kind="sector" value={draft.sectors} onChange={(v) => set('sectors', v, true)} error={errors.sectors} testId="actor-sectors" />
      <TextField label={t('inspector.socialeKaart')} value={draft.socialeKaartId} onChange={(v) => set('socialeKaartId', v)} onCommit={commit} error={errors.socialeKaartId} testId="actor-sociale-kaart" />
      <TextField label={t('inspector.notes')} value={draft.notes} multiline onChange={(v) => set('notes', v)} onCommit={commit} error={errors.notes} testId="actor-notes" />
      <CustomFields value={draft.custom} onChange={(v, now) => set('custom', v, now)} onCommit={commit} testId="actor-custom" />
    </div>
  );
}
