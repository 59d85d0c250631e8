import { useTranslation } from 'react-i18next';
import type { NetworkData } from '../../../shared/model';
import type { VocabEntry, VocabKind } from '../../../shared/vocab';
import { EDGE_COLOR, FLAG_COLOR, MEMBER_COLOR } from '../../../shared/graph/elements';
import { levelMarkerSvg, markerSize, svgDataUri } from '../../../shared/graph/marker';

const DASH: Record<string, string | undefined> = { solid: undefined, dashed: '6 3', dotted: '1 3' };

/** A line as the map draws it: colour, width, dash and (for directed types) an arrowhead. */
function LineSample({ color, width = 1.5, line = 'solid', arrow = false, mid = false, tee = false, halo }: { color: string; width?: number; line?: string; arrow?: boolean; mid?: boolean; tee?: boolean; halo?: string }) {
  const tip = mid ? 19 : 30;
  return (
    <svg width="30" height="10" aria-hidden="true">
      {halo && <line x1="0" y1="5" x2="30" y2="5" stroke={halo} strokeOpacity="0.45" strokeWidth={width + 6} />}
      <line x1="0" y1="5" x2={arrow && !mid ? 24 : 30} y2="5" stroke={color} strokeWidth={width} strokeDasharray={DASH[line]} />
      {arrow && <path d={`M${tip - 7} 1.5L${tip} 5L${tip - 7} 8.5Z`} fill={color} />}
      {tee && <line x1="15" y1="1" x2="15" y2="9" stroke={color} strokeWidth="2" />}
    </svg>
  );
}

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
export function Legend({ vocab, data, large }: { vocab: Record<VocabKind, VocabEntry[]>; data: NetworkData; large: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const usedSectors = new Set(data.actors.map((a) => a.sectors[0]).filter(Boolean));
  const usedForms = new Set(data.actors.map((a) => a.legalForm));
  const usedLevels = new Set(data.actors.map((a) => a.level));
  const usedTypes = new Set(data.agreements.map((a) => a.type));
  const p = (e: VocabEntry, key: string) => e.props?.[key];
  return (
    <aside className="legend" aria-labelledby="legend-heading" data-testid="legend" tabIndex={0}>
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
      <h3>{t('legend.levels')}</h3>
      <ul>
        {vocab.level.filter((l) => usedLevels.has(l.code) && typeof p(l, 'mark') === 'string').map((l) => {
          const mark = String(p(l, 'mark'));
          const size = markerSize(mark);
          return (
            <li key={l.code}>
              <img src={svgDataUri(levelMarkerSvg(mark))} width={size.width} height={size.height} alt="" />
              {l[lang]}
            </li>
          );
        })}
      </ul>
      <h3>{t('legend.lines')}</h3>
      <ul>
        {vocab.agreementType.filter((a) => usedTypes.has(a.code)).map((a) => (
          <li key={a.code}>
            <LineSample color={String(p(a, 'color') ?? EDGE_COLOR)} width={Number(p(a, 'width') ?? 1.5)} line={String(p(a, 'line') ?? 'solid')} arrow={p(a, 'directed') !== false} mid={large} />
            {a[lang]}
          </li>
        ))}
        <li><LineSample color={MEMBER_COLOR} width={1} line="dotted" />{t('legend.member')}</li>
      </ul>
      <h3>{t('legend.status')}</h3>
      <ul>
        <li><LineSample color={EDGE_COLOR} line="dashed" />{t('legend.concept')}</li>
        <li><LineSample color={FLAG_COLOR.expired} tee />{t('legend.expired')}</li>
        <li><LineSample color={EDGE_COLOR} halo={FLAG_COLOR.overdue} />{t('legend.overdue')}</li>
        <li><svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="6" fill="#ffffff" stroke="#333333" strokeWidth="3" /></svg>{t('legend.hub')}</li>
      </ul>
    </aside>
  );
}
