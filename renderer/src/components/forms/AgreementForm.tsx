import { CustomFields } from './CustomFields';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement, NetworkData } from '../../../../shared/model';
import { vocabLabel, type VocabEntry, type VocabKind } from '../../../../shared/vocab';
import { formSetters } from './draft';
import { CodeChecklist, CodeSelect, DateField, RefSelect, TextField, type FieldErrors } from './fields';

export type AgreementDraft = Omit<Agreement, 'id'> & { id?: string };

/** The usual party roles for a type: a referral goes from a referrer to a receiving service, a grant from funder to recipient. */
export function defaultRoles(type: string): [string, string] {
  if (type === 'PROTOCOL_TOELEIDING') return ['REFERRER', 'RECEIVER'];
  if (type === 'SUBSIDIE') return ['FUNDER', 'RECIPIENT'];
  if (type === 'SIGNAAL') return ['REFERRER', 'ADDRESSEE'];
  return ['PARTNER', 'PARTNER'];
}

/** A party with nothing but its actor and role filled in. */
export const newParty = (actorId: string, role = 'PARTNER') => ({ actorId, role, functionId: null, orgUnitId: null, cluster: null });

/** A new agreement between two actors (as drawn on the map). */
export function blankAgreement(from: string, to: string | null, type = 'SAMENWERKINGSOVEREENKOMST'): AgreementDraft {
  const [r1, r2] = defaultRoles(type);
  return {
    type,
    title: '',
    parties: to ? [newParty(from, r1), newParty(to, r2)] : [newParty(from, r1)],
    partnershipId: null,
    status: 'CONCEPT',
    startDate: null,
    endDate: null,
    reviewDate: null,
    autoRenew: false,
    noticePeriod: null,
    decision: null,
    documentRef: null,
    legalBasis: null,
    lifeDomains: [],
    targetGroups: [],
    areaIds: [],
    finance: null,
    conditions: null,
    sourceRef: null,
    notes: null,
    custom: {},
  };
}

type Conds = AgreementDraft['conditions'];

/** Clauses that tie the recipient (RC11): none at all is stored as no conditions. */
function Conditions({ value, onChange, onCommit }: { value: Conds; onChange: (v: Conds, commit: boolean) => void; onCommit: () => void }) {
  const { t } = useTranslation();
  const cur = value ?? { exclusiveReferral: false, restrictsOffer: false, description: null };
  const next = (patch: Partial<NonNullable<Conds>>): Conds => {
    const v = { ...cur, ...patch };
    return v.exclusiveReferral || v.restrictsOffer || v.description ? v : null;
  };
  return (
    <fieldset className="conditions" data-testid="agreement-conditions">
      <legend>{t('form.conditions')}</legend>
      <label className="check">
        <input type="checkbox" checked={cur.exclusiveReferral} onChange={(e) => onChange(next({ exclusiveReferral: e.target.checked }), true)} data-testid="agreement-exclusive-referral" />
        {t('form.exclusiveReferral')}
      </label>
      <label className="check">
        <input type="checkbox" checked={cur.restrictsOffer} onChange={(e) => onChange(next({ restrictsOffer: e.target.checked }), true)} data-testid="agreement-restricts-offer" />
        {t('form.restrictsOffer')}
      </label>
      <TextField label={t('form.conditionsText')} value={cur.description} onChange={(v) => onChange(next({ description: v }), false)} onCommit={onCommit} testId="agreement-conditions-text" />
    </fieldset>
  );
}

/** The fields of an agreement, with its parties: any number, each with its role. */
export function AgreementForm({
  draft,
  onChange,
  onCommit,
  errors,
  data,
  vocab,
  autoFocus,
  onPickOnMap,
  picking,
}: {
  draft: AgreementDraft;
  onChange: (d: AgreementDraft) => void;
  onCommit?: (d: AgreementDraft) => void;
  errors: FieldErrors;
  data: NetworkData;
  vocab: Record<VocabKind, VocabEntry[]>;
  autoFocus?: boolean;
  /** Starts (or stops) choosing the next party by clicking it on the map. */
  onPickOnMap?: () => void;
  picking?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [adding, setAdding] = useState<string | null>(null);
  const { set, commit } = formSetters(draft, onChange, onCommit);
  const actorName = (id: string) => data.actors.find((a) => a.id === id)?.name ?? id;
  const setParties = (parties: AgreementDraft['parties']) => set('parties', parties, true);
  const chooseType = (type: string) => {
    const next = { ...draft, type };
    // Roles still at the defaults of the old type follow the new type.
    const [oldA, oldB] = defaultRoles(draft.type);
    const [a, b] = defaultRoles(type);
    if (draft.parties.length === 2 && draft.parties[0].role === oldA && draft.parties[1].role === oldB) {
      next.parties = [{ ...draft.parties[0], role: a }, { ...draft.parties[1], role: b }];
    }
    onChange(next);
    onCommit?.(next);
  };
  const candidates = data.actors.filter((a) => !draft.parties.some((p) => p.actorId === a.id));
  return (
    <div className="form" data-testid="agreement-form">
      <TextField label={t('form.title')} value={draft.title} required autoFocus={autoFocus} onChange={(v) => set('title', v ?? '')} onCommit={commit} error={errors.title} testId="agreement-title" />
      <CodeSelect label={t('form.agreementType')} vocab={vocab} kind="agreementType" value={draft.type} onChange={chooseType} error={errors.type} testId="agreement-type" />
      <CodeSelect label={t('form.status')} vocab={vocab} kind="agreementStatus" value={draft.status} onChange={(v) => set('status', v, true)} error={errors.status} testId="agreement-status" />
      <fieldset className={`parties${errors.parties ? ' invalid' : ''}`} data-testid="agreement-parties">
        <legend>{t('form.parties')}</legend>
        <ol>
          {draft.parties.map((p, i) => (
            <li key={`${p.actorId}-${i}`}>
              <span className="party-name">{actorName(p.actorId)}</span>
              <label className="sr-only" htmlFor={`role-${i}`}>
                {t('form.roleOf', { name: actorName(p.actorId) })}
              </label>
              <select id={`role-${i}`} value={p.role} onChange={(e) => setParties(draft.parties.map((q, j) => (j === i ? { ...q, role: e.target.value } : q)))}>
                {vocab.partyRole.map((r) => (
                  <option key={r.code} value={r.code}>
                    {vocabLabel(vocab, 'partyRole', r.code, lang)}
                  </option>
                ))}
              </select>
              <button type="button" className="icon" aria-label={t('form.removeParty', { name: actorName(p.actorId) })} onClick={() => setParties(draft.parties.filter((_, j) => j !== i))}>
                ×
              </button>
            </li>
          ))}
        </ol>
        <div className="add-party">
          <RefSelect label={t('form.addParty')} options={candidates} value={adding} onChange={setAdding} testId="agreement-add-party" emptyLabel={t('form.chooseActor')} />
          <button
            type="button"
            disabled={!adding}
            data-testid="agreement-add-party-button"
            onClick={() => {
              if (!adding) return;
              setParties([...draft.parties, newParty(adding)]);
              setAdding(null);
            }}
          >
            {t('form.add')}
          </button>
        </div>
        {onPickOnMap && (
          <button type="button" aria-pressed={!!picking} onClick={onPickOnMap} data-testid="agreement-pick-party" className="pick-party">
            {picking ? t('form.pickingOnMap') : t('form.pickOnMap')}
          </button>
        )}
        {errors.parties && (
          <p className="field-error" role="alert">
            {errors.parties}
          </p>
        )}
      </fieldset>
      <DateField label={t('form.startDate')} value={draft.startDate} onChange={(v) => set('startDate', v)} onCommit={commit} error={errors.startDate} testId="agreement-start" />
      <DateField label={t('form.endDate')} value={draft.endDate} onChange={(v) => set('endDate', v)} onCommit={commit} error={errors.endDate} testId="agreement-end" />
      <DateField label={t('form.reviewDate')} value={draft.reviewDate} onChange={(v) => set('reviewDate', v)} onCommit={commit} error={errors.reviewDate} testId="agreement-review" />
      <Conditions value={draft.conditions} onChange={(v, now) => set('conditions', v, now)} onCommit={commit} />
      <CodeChecklist label={t('form.targetGroups')} vocab={vocab} kind="targetGroup" value={draft.targetGroups} onChange={(v) => set('targetGroups', v, true)} />
      <CodeChecklist label={t('form.lifeDomains')} vocab={vocab} kind="lifeDomain" value={draft.lifeDomains} onChange={(v) => set('lifeDomains', v, true)} />
      <TextField label={t('inspector.notes')} value={draft.notes} multiline onChange={(v) => set('notes', v)} onCommit={commit} />
      <CustomFields value={draft.custom} onChange={(v, now) => set('custom', v, now)} onCommit={commit} testId="agreement-custom" />
    </div>
  );
}
