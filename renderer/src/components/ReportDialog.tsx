import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRESETS, REPORT_SECTIONS, type PresetName, type ReportOptionsInput, type ReportSection } from '../../../shared/report/options';
import type { ReportSettings, View } from '../../../shared/model';
import { Modal } from './Modal';

export interface ReportRequest {
  path?: string;
  options: ReportOptionsInput;
}

/**
 * The report builder: a preset or one's own choice of sections, the view that scopes it, page orientation,
 * language, the review window and the first day of the change log. Where the host has no file dialog (the web
 * host), it also asks where the PDF goes.
 */
/** The preset whose sections these are, or "eigen". */
const presetOf = (sections: readonly string[]): PresetName | 'eigen' =>
  (Object.keys(PRESETS) as PresetName[]).find((p) => PRESETS[p].sections.join() === sections.join()) ?? 'eigen';

export function ReportDialog({ views, saved, askPath, busy, error, onCancel, onExport }: { views: View[]; saved: ReportSettings | null; askPath: boolean; busy: boolean; error: string | null; onCancel: () => void; onExport: (r: ReportRequest) => void }) {
  const { t, i18n } = useTranslation();
  // The last report's choices come back (the next meeting's pack is one click); its "since" is the last export.
  const last = saved?.options;
  const [sections, setSections] = useState<ReportSection[]>(last ? [...last.sections] : [...PRESETS.zorgraad.sections]);
  const [preset, setPreset] = useState<PresetName | 'eigen'>(presetOf(sections));
  const [viewId, setViewId] = useState(last?.viewId && views.some((v) => v.id === last.viewId) ? last.viewId : '');
  const [orientation, setOrientation] = useState<'portrait' | 'landscape'>(last?.orientation ?? 'portrait');
  const [lang, setLang] = useState<'nl' | 'en'>(last?.lang ?? (i18n.language === 'en' ? 'en' : 'nl'));
  const [dueDays, setDueDays] = useState(String(last?.dueDays ?? 90));
  const [since, setSince] = useState(saved?.lastExportAt?.slice(0, 10) ?? '');
  const [title, setTitle] = useState(last?.title ?? '');
  const [period, setPeriod] = useState(last?.period ?? '');
  const [path, setPath] = useState(saved?.lastExportPath ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const choosePreset = (p: PresetName | 'eigen') => {
    setPreset(p);
    if (p !== 'eigen') setSections([...PRESETS[p].sections]);
  };
  const toggle = (s: ReportSection, on: boolean) => {
    setPreset('eigen');
    setSections((xs) => REPORT_SECTIONS.filter((x) => (x === s ? on : xs.includes(x))));
  };
  const submit = () => {
    const days = Number(dueDays);
    if (!sections.length) return setProblem(t('report.noSections'));
    if (!Number.isInteger(days) || days < 1) return setProblem(t('report.badDays'));
    if (askPath && !path.trim()) return setProblem(t('report.noPath'));
    setProblem(null);
    onExport({
      path: askPath ? path.trim() : undefined,
      options: { sections, viewId: viewId || undefined, orientation, lang, dueDays: days, changesSince: since || undefined, title: title.trim() || undefined, period: period.trim() || undefined },
    });
  };
  return (
    <Modal title={t('report.title')} okLabel={busy ? t('report.busy') : t('report.export')} onOk={submit} onCancel={onCancel} error={problem ?? error} busy={busy} testId="report-dialog">
      {saved?.lastExportAt && (
        <p className="muted" data-testid="report-last">
          {t('report.last', { date: saved.lastExportAt.slice(0, 10), path: saved.lastExportPath ?? '' })}
        </p>
      )}
      <fieldset className="report-presets">
        <legend>{t('report.preset')}</legend>
        {(['zorgraad', 'overzicht', 'eigen'] as const).map((p) => (
          <label key={p} className="check">
            <input type="radio" name="preset" checked={preset === p} onChange={() => choosePreset(p)} data-testid={`report-preset-${p}`} />
            {t(`report.presets.${p}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="checklist">
        <legend>{t('report.sections')}</legend>
        <div className="report-sections">
          {REPORT_SECTIONS.map((s) => (
            <label key={s} className="check">
              <input type="checkbox" checked={sections.includes(s)} onChange={(e) => toggle(s, e.target.checked)} data-testid={`report-section-${s}`} />
              {t(`report.section.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="report-view">{t('report.view')}</label>
        <select id="report-view" value={viewId} onChange={(e) => setViewId(e.target.value)} data-testid="report-view">
          <option value="">{t('report.wholeNetwork')}</option>
          {views.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </div>
      <div className="report-row">
        <div className="field">
          <label htmlFor="report-orientation">{t('report.orientation')}</label>
          <select id="report-orientation" value={orientation} onChange={(e) => setOrientation(e.target.value as 'portrait' | 'landscape')} data-testid="report-orientation">
            <option value="portrait">{t('report.portrait')}</option>
            <option value="landscape">{t('report.landscape')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="report-lang">{t('report.lang')}</label>
          <select id="report-lang" value={lang} onChange={(e) => setLang(e.target.value as 'nl' | 'en')} data-testid="report-lang">
            <option value="nl">Nederlands</option>
            <option value="en">English</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="report-days">{t('report.dueDays')}</label>
          <input id="report-days" type="number" min={1} max={3650} value={dueDays} onChange={(e) => setDueDays(e.target.value)} data-testid="report-days" />
        </div>
        <div className="field">
          <label htmlFor="report-since">{t('report.since')}</label>
          <input id="report-since" type="date" value={since} onChange={(e) => setSince(e.target.value)} data-testid="report-since" />
        </div>
      </div>
      <div className="field">
        <label htmlFor="report-title">{t('report.docTitle')}</label>
        <input id="report-title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('report.docTitleHint')} data-testid="report-title" />
      </div>
      <div className="field">
        <label htmlFor="report-period">{t('report.period')}</label>
        <input id="report-period" value={period} onChange={(e) => setPeriod(e.target.value)} placeholder={t('report.periodHint')} data-testid="report-period" />
      </div>
      {askPath && (
        <div className="field">
          <label htmlFor="report-path">{t('report.path')}</label>
          <input id="report-path" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/pad/naar/zorgraad-december.pdf" data-testid="report-path" />
        </div>
      )}
    </Modal>
  );
}
