import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from './fields';

/** A custom field's value, as the model keeps it (an import brings text, numbers and yes/no). */
export type CustomValue = string | number | boolean | null;

/** How a value reads in its text box: a yes/no as the words a spreadsheet uses. */
function shown(v: CustomValue, yes: string, no: string): string | null {
  if (typeof v === 'boolean') return v ? yes : no;
  return v === null ? null : String(v);
}

/** What is typed, kept as the kind of value the field had: a number stays a number, a yes/no a yes/no. */
function typed(text: string | null, was: CustomValue, yes: string, no: string): CustomValue {
  if (text === null) return null;
  const t = text.trim();
  if (typeof was === 'number' && /^-?\d+([.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  if (typeof was === 'boolean' && (t.toLowerCase() === yes || t.toLowerCase() === no)) return t.toLowerCase() === yes;
  return text;
}

/**
 * The custom fields of an actor or agreement (those an import kept, and any the user adds): each one its own text
 * box, saved as the user leaves it; a button takes a field away; a name and "Toevoegen" add one.
 */
export function CustomFields({ value, onChange, onCommit, testId }: { value: Record<string, CustomValue>; onChange: (v: Record<string, CustomValue>, commit: boolean) => void; onCommit: () => void; testId: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const [yes, no] = [t('form.yes'), t('form.no')];
  const add = () => {
    const key = name.trim();
    if (!key) return setProblem(t('form.customEmpty'));
    if (Object.hasOwn(value, key)) return setProblem(t('form.customExists', { name: key }));
    setProblem(null);
    setName('');
    onChange({ ...value, [key]: '' }, true);
  };
  const entries = Object.entries(value);
  return (
    <fieldset className="custom-fields" data-testid={testId}>
      <legend>{t('form.custom')}</legend>
      {!entries.length && <p className="muted">{t('form.customNone')}</p>}
      {entries.map(([k, v]) => (
        <div className="custom-field" key={k}>
          <TextField label={k} value={shown(v, yes, no)} onChange={(text) => onChange({ ...value, [k]: typed(text, v, yes, no) }, false)} onCommit={onCommit} testId={`${testId}-value-${k}`} />
          <button type="button" className="icon" aria-label={t('form.customRemove', { name: k })} title={t('form.customRemove', { name: k })} onClick={() => onChange(Object.fromEntries(entries.filter(([x]) => x !== k)), true)}>
            ×
          </button>
        </div>
      ))}
      <div className="custom-add">
        <label htmlFor={id}>{t('form.customName')}</label>
        <input
          id={id}
          type="text"
          value={name}
          aria-invalid={!!problem}
          aria-describedby={problem ? `${id}-error` : undefined}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          data-testid={`${testId}-name`}
        />
        <button type="button" onClick={add} data-testid={`${testId}-add`}>
          {t('form.customAdd')}
        </button>
        {problem && (
          <p className="field-error" id={`${id}-error`} role="alert">
            {problem}
          </p>
        )}
      </div>
    </fieldset>
  );
}
