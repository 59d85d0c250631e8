import { useTranslation } from 'react-i18next';
import type { NetworkData } from '../../../shared/model';
import type { VocabEntry, VocabKind } from '../../../shared/vocab';

const SHAPE_SVG: Record<string, string> = {
  ellipse: 'M8 1a7 7 0 1 0 0.01 0Z',
  'round-rectangle': 'M3 2h10a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2Z',
  diamond: 'M8 1l7 7-7 7-7-7Z',
  triangle: 'M8 1l7 14H1Z',
  hexagon: 'M4 1h8l4 7-4 7H4L0 8Z',
  octagon: 'M5 1h6l4 4v6l-4 4H5l-4-4V5Z',
  'cut-rectangle': 'M3 1h10l2 2v10l-2 2H3l-2-2V3Z',
};

/** Always visible, and built from the same vocabulary the map's styles come from, so it cannot drift. */
export function Legend({ vocab, data }: { vocab: Record<VocabKind, VocabEntry[]>; data: NetworkData }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const usedSectors = new Set(data.actors.map((a) => a.sectors[0]).filter(Boolean));
  const usedForms = new Set(data.actors.map((a) => a.legalForm));
  return (
    <aside className="legend" aria-labelledby="legend-heading" data-testid="legend">
      <h2 id="legend-heading">{t('legend.heading')}</h2>
      <h3>{t('legend.sectors')}</h3>
      <ul>
        {vocab.sector.filter((s) => usedSectors.has(s.code)).map((s) => (
          <li key={s.code}>
            <span className="swatch" style={{ background: String(s.props?.color ?? '#7f7f7f') }} aria-hidden="true" />
            {s[lang]}
          </li>
        ))}
      </ul>
      <h3>{t('legend.forms')}</h3>
      <ul>
        {vocab.legalForm.filter((f) => usedForms.has(f.code)).map((f) => (
          <li key={f.code}>
            <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
              <path d={SHAPE_SVG[String(f.props?.shape)] ?? SHAPE_SVG.ellipse} fill="#dddddd" stroke="#333333" />
            </svg>
            {f[lang]}
          </li>
        ))}
      </ul>
      <h3>{t('legend.lines')}</h3>
      <ul>
        <li><svg width="28" height="8" aria-hidden="true"><line x1="0" y1="4" x2="28" y2="4" stroke="#8a8a8a" strokeWidth="2" /></svg>{t('legend.agreement')}</li>
        <li><svg width="28" height="8" aria-hidden="true"><line x1="0" y1="4" x2="28" y2="4" stroke="#8a8a8a" strokeWidth="2" strokeDasharray="6 3" /></svg>{t('legend.concept')}</li>
        <li><svg width="28" height="8" aria-hidden="true"><line x1="0" y1="4" x2="28" y2="4" stroke="#8a8a8a" strokeWidth="2" strokeDasharray="1 3" /></svg>{t('legend.informal')}</li>
        <li><svg width="28" height="8" aria-hidden="true"><line x1="0" y1="4" x2="28" y2="4" stroke="#b0b0b0" strokeWidth="1" strokeDasharray="1 3" /></svg>{t('legend.member')}</li>
        <li><svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="6" fill="#ffffff" stroke="#333333" strokeWidth="3" /></svg>{t('legend.hub')}</li>
      </ul>
    </aside>
  );
}
