import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';

export type MapExportChoice = { format: 'png' | 'svg'; scale: number; path?: string };

/** Exporting the map as drawn: SVG (vector, any size) or PNG at a chosen resolution; on the web, a path too. */
export function MapExportDialog({ askPath, busy, error, onCancel, onExport }: { askPath: boolean; busy: boolean; error: string | null; onCancel: () => void; onExport: (c: MapExportChoice) => void }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<'png' | 'svg'>('svg');
  const [scale, setScale] = useState(2);
  const [path, setPath] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    if (askPath && !path.trim()) return setProblem(t('report.noPath'));
    setProblem(null);
    onExport({ format, scale, path: askPath ? path.trim() : undefined });
  };
  return (
    <Modal title={t('mapExport.title')} okLabel={busy ? t('report.busy') : t('mapExport.export')} onOk={submit} onCancel={onCancel} error={problem ?? error} busy={busy} testId="map-export-dialog">
      <fieldset className="report-presets">
        <legend>{t('mapExport.format')}</legend>
        <label className="check">
          <input type="radio" name="format" checked={format === 'svg'} onChange={() => setFormat('svg')} data-testid="map-export-svg" />
          {t('mapExport.svg')}
        </label>
        <label className="check">
          <input type="radio" name="format" checked={format === 'png'} onChange={() => setFormat('png')} data-testid="map-export-png" />
          {t('mapExport.png')}
        </label>
      </fieldset>
      {format === 'png' && (
        <div className="field">
          <label htmlFor="map-export-scale">{t('mapExport.scale')}</label>
          <select id="map-export-scale" value={scale} onChange={(e) => setScale(Number(e.target.value))} data-testid="map-export-scale">
            {[1, 2, 3, 4].map((s) => (
              <option key={s} value={s}>
                {t('mapExport.scaleOption', { scale: s })}
              </option>
            ))}
          </select>
        </div>
      )}
      {askPath && (
        <div className="field">
          <label htmlFor="map-export-path">{t('mapExport.path', { format: format.toUpperCase() })}</label>
          <input id="map-export-path" value={path} onChange={(e) => setPath(e.target.value)} placeholder={`/pad/naar/kaart.${format}`} data-testid="map-export-path" />
        </div>
      )}
    </Modal>
  );
}
