import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../shared/exchange/contract';
import { TABLE_FIELDS, type TableKind } from '../../../shared/exchange/fields';

type Plan = NonNullable<ImportPreview['plan']>;
type Row = Plan['rows'][number];
type Show = 'changes' | 'all' | Row['action'];
const SHOWS: Show[] = ['changes', 'create', 'update', 'problem', 'unchanged', 'all'];

/**
 * The rows of an import's plan, before anything is written: per row where it is, what it is and what the import does
 * with it (new, updated and which fields, unchanged, left with a problem). The changes first; the preview carries the
 * first 500 rows of the file.
 */
export function PlanRows({ plan: { rows, summary } }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const total = Object.values(summary).reduce((n, s) => n + s.create + s.update + s.unchanged + s.problem, 0);
  const id = useId();
  const [show, setShow] = useState<Show>('changes');
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const sheets = new Set(rows.map((r) => r.sheet));
  const fieldLabel = (kind: Row['kind'], key: string) => TABLE_FIELDS[kind as TableKind]?.find((f) => f.key === key)?.[lang] ?? t(`exchange.rows.field.${key}`, { defaultValue: key });
  const where = (r: Row) => (r.kind === 'partnerships' || r.kind === 'members' ? t('exchange.rows.line', { n: r.row }) : `${sheets.size > 1 ? `${r.sheet}, ` : ''}${t('exchange.rows.row', { n: r.row })}`);
  const shown = rows.filter((r) => (show === 'all' ? true : show === 'changes' ? r.action !== 'unchanged' : r.action === show));
  return (
    <details className="plan-rows" data-testid="exchange-rows">
      <summary>{t('exchange.rows.summary')}</summary>
      <label className="inline" htmlFor={id}>
        {t('exchange.rows.show')}{' '}
        <select id={id} value={show} onChange={(e) => setShow(e.target.value as Show)} data-testid="exchange-rows-show">
          {SHOWS.map((s) => (
            <option key={s} value={s}>
              {t(`exchange.rows.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <table className="simple">
        <caption className="sr-only">{t('exchange.rows.summary')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('exchange.where')}</th>
            <th scope="col">{t('exchange.rows.what')}</th>
            <th scope="col">{t('exchange.rows.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r, i) => (
            <tr key={`${r.sheet}:${r.kind}:${r.row}:${i}`} className={`plan-${r.action}`}>
              <td>{where(r)}</td>
              <td>{r.label}</td>
              <td>
                {t(`exchange.rows.action.${r.action}`)}
                {r.changed?.length ? `: ${r.changed.map((k) => fieldLabel(r.kind, k)).join(', ')}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!shown.length && <p className="muted">{t('exchange.rows.none')}</p>}
      {rows.length < total && <p className="muted">{t('exchange.rows.first', { count: rows.length, total })}</p>}
    </details>
  );
}
