import { Children, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkData } from '../../../shared/model';
import { vocabLabel, type VocabEntry, type VocabKind } from '../../../shared/vocab';
import { formatKbo } from '../../../shared/util/kbo';

/** Details of the selected actor: what it is, what it offers, its agreements, partnerships and roles. */
export function Inspector({
  data,
  vocab,
  actorId,
  onSelect,
}: {
  data: NetworkData;
  vocab: Record<VocabKind, VocabEntry[]>;
  actorId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const label = (kind: VocabKind, code: string) => vocabLabel(vocab, kind, code, lang);
  const actor = actorId ? data.actors.find((a) => a.id === actorId) : undefined;
  const name = (id: string) => data.actors.find((a) => a.id === id)?.name ?? id;

  if (!actor) {
    return (
      <aside className="inspector" aria-labelledby="inspector-heading">
        <h2 id="inspector-heading">{t('inspector.heading')}</h2>
        <p className="muted">{t('inspector.empty')}</p>
      </aside>
    );
  }
  const services = data.services.filter((s) => s.providerId === actor.id);
  const agreements = data.agreements.filter((a) => a.parties.some((p) => p.actorId === actor.id));
  const memberships = data.members.filter((m) => m.actorId === actor.id);
  const roles = data.roles.filter((r) => r.actorId === actor.id);
  const area = data.areas.find((a) => a.id === actor.areaId);
  const partnershipName = (id: string | null) => data.partnerships.find((p) => p.id === id)?.name ?? '';

  return (
    <aside className="inspector" aria-labelledby="inspector-heading" data-testid="inspector">
      <h2 id="inspector-heading">{actor.name}</h2>
      <p className="muted">{actor.id}</p>
      <dl>
        <dt>{t('inspector.type')}</dt>
        <dd>{label('actorType', actor.type)}</dd>
        <dt>{t('inspector.sectors')}</dt>
        <dd>{actor.sectors.map((s) => label('sector', s)).join(', ') || '–'}</dd>
        <dt>{t('inspector.legalForm')}</dt>
        <dd>{label('legalForm', actor.legalForm)}</dd>
        <dt>{t('inspector.level')}</dt>
        <dd>{label('level', actor.level)}</dd>
        <dt>{t('inspector.area')}</dt>
        <dd>{area ? `${area.name} (${label('areaType', area.type)})` : '–'}</dd>
        {actor.controlledById && (
          <>
            <dt>{t('inspector.controlledBy')}</dt>
            <dd>
              <button type="button" className="link" onClick={() => onSelect(actor.controlledById!)}>
                {name(actor.controlledById)}
              </button>
            </dd>
          </>
        )}
        {actor.kbo && (
          <>
            <dt>{t('inspector.kbo')}</dt>
            <dd>{formatKbo(actor.kbo)}</dd>
          </>
        )}
        {actor.socialeKaartId && (
          <>
            <dt>{t('inspector.socialeKaart')}</dt>
            <dd>{actor.socialeKaartId}</dd>
          </>
        )}
        {actor.notes && (
          <>
            <dt>{t('inspector.notes')}</dt>
            <dd>{actor.notes}</dd>
          </>
        )}
      </dl>
      <Section title={t('inspector.services')} empty={t('inspector.none')}>
        {services.map((s) => (
          <li key={s.id}>
            {s.name}
            <span className="muted">
              {' '}
              — {s.targetGroups.map((g) => label('targetGroup', g)).join(', ')}
              {s.outreach ? ` · ${t('inspector.outreach')}` : ''}
            </span>
          </li>
        ))}
      </Section>
      <Section title={t('inspector.agreements')} empty={t('inspector.none')} testId="inspector-agreements">
          {agreements.map((a) => (
            <li key={a.id}>
              <strong>{a.id}</strong> {label('agreementType', a.type)}: {a.title}{' '}
              <span className={`status status-${a.status.toLowerCase()}`}>{label('agreementStatus', a.status)}</span>
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
      <Section title={t('inspector.partnerships')} empty={t('inspector.none')}>
        {memberships.map((m) => (
          <li key={m.id}>
            {partnershipName(m.partnershipId)} <span className="muted">({label('partyRole', m.role)}{m.cluster ? `, ${m.cluster}` : ''})</span>
          </li>
        ))}
      </Section>
      {roles.length > 0 && (
        <Section title={t('inspector.roles')} empty="">
          {roles.map((r) => (
            <li key={r.id}>
              {label('roleKind', r.role)} — {partnershipName(r.partnershipId)}
            </li>
          ))}
        </Section>
      )}
    </aside>
  );
}

/** A titled list, or a muted "none" when it has no items. */
function Section({ title, empty, testId, children }: { title: string; empty: string; testId?: string; children: ReactNode }) {
  return (
    <>
      <h3>{title}</h3>
      {Children.count(children) ? (
        <ul data-testid={testId}>{children}</ul>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </>
  );
}
