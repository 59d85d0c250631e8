import { useId, useState, type ReactNode } from 'react';
import { fold } from '../../../../shared/graph/filter';
import { useTranslation } from 'react-i18next';
import { vocabLabel, type VocabEntry, type VocabKind } from '../../../../shared/vocab';

/** Field errors by path ("name", "parties", "contact.email"). */
export type FieldErrors = Record<string, string>;

function Field({ label, error, children, id }: { label: string; error?: string; children: ReactNode; id: string }) {
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A one-line text input; `onCommit` runs when the user leaves the field or presses Enter. */
export function TextField(props: {
  label: string;
  value: string | null;
  onChange: (v: string | null) => void;
  onCommit?: () => void;
  error?: string;
  required?: boolean;
  placeholder?: string;
  multiline?: boolean;
  testId?: string;
  autoFocus?: boolean;
}) {
  const id = useId();
  const common = {
    id,
    value: props.value ?? '',
    'aria-invalid': !!props.error,
    'aria-describedby': props.error ? `${id}-error` : undefined,
    'aria-required': props.required,
    placeholder: props.placeholder,
    'data-testid': props.testId,
    autoFocus: props.autoFocus,
    onBlur: () => props.onCommit?.(),
  };
  return (
    <Field label={props.label} error={props.error} id={id}>
      {props.multiline ? (
        <textarea {...common} rows={3} onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value)} />
      ) : (
        <input
          {...common}
          type="text"
          onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') props.onCommit?.();
          }}
        />
      )}
    </Field>
  );
}

/**
 * A list of short texts typed one per line (an actor's other names): the list is each line trimmed, empty lines left
 * out. What is typed stays as typed while the user types; a change from elsewhere (undo) shows, and leaving the field
 * shows the list as kept.
 */
export function LinesField(props: {
  label: string;
  value: readonly string[];
  onChange: (v: string[]) => void;
  onCommit?: () => void;
  error?: string;
  hint?: string;
  /** Said under the field without refusing the value (a name another actor has too). */
  warning?: string;
  testId?: string;
}) {
  const id = useId();
  const joined = props.value.join('\n');
  const [text, setText] = useState(joined);
  const [shown, setShown] = useState(joined);
  const lines = (t: string) => t.split('\n').map((l) => l.trim()).filter(Boolean);
  if (shown !== joined) {
    setShown(joined);
    if (lines(text).join('\n') !== joined) setText(joined);
  }
  const describedBy = [props.hint && `${id}-hint`, props.warning && `${id}-warning`, props.error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <Field label={props.label} error={props.error} id={id}>
      <textarea
        id={id}
        rows={Math.min(5, Math.max(2, props.value.length + 1))}
        value={text}
        aria-invalid={!!props.error}
        aria-describedby={describedBy}
        data-testid={props.testId}
        onChange={(e) => {
          setText(e.target.value);
          props.onChange(lines(e.target.value));
        }}
        onBlur={() => {
          setText(joined);
          props.onCommit?.();
        }}
      />
      {props.hint && (
        <p className="muted field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.warning && (
        <p className="field-warning" id={`${id}-warning`} data-testid={props.testId && `${props.testId}-warning`}>
          {props.warning}
        </p>
      )}
    </Field>
  );
}

/** A date field (JJJJ-MM-DD), empty means none. */
export function DateField(props: { label: string; value: string | null; onChange: (v: string | null) => void; onCommit?: () => void; error?: string; testId?: string }) {
  const id = useId();
  return (
    <Field label={props.label} error={props.error} id={id}>
      <input
        id={id}
        type="date"
        value={props.value ?? ''}
        aria-invalid={!!props.error}
        aria-describedby={props.error ? `${id}-error` : undefined}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value || null)}
        onBlur={() => props.onCommit?.()}
      />
    </Field>
  );
}

/** Choose one code from a vocabulary; selecting commits at once. */
export function CodeSelect(props: {
  label: string;
  vocab: Record<VocabKind, VocabEntry[]>;
  kind: VocabKind;
  value: string | null;
  onChange: (v: string) => void;
  error?: string;
  testId?: string;
  allowEmpty?: boolean;
}) {
  const id = useId();
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <Field label={props.label} error={props.error} id={id}>
      <select id={id} value={props.value ?? ''} data-testid={props.testId} aria-invalid={!!props.error} onChange={(e) => props.onChange(e.target.value)}>
        {(props.allowEmpty || !props.value) && <option value="">–</option>}
        {props.vocab[props.kind].map((v) => (
          <option key={v.code} value={v.code}>
            {vocabLabel(props.vocab, props.kind, v.code, lang)}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Choose several codes (sectors, target groups, life domains) as a list of check boxes. */
export function CodeChecklist(props: {
  label: string;
  vocab: Record<VocabKind, VocabEntry[]>;
  kind: VocabKind;
  value: string[];
  onChange: (v: string[]) => void;
  error?: string;
  testId?: string;
}) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <fieldset className={`checklist${props.error ? ' invalid' : ''}`} data-testid={props.testId}>
      <legend>{props.label}</legend>
      <div className="checklist-items">
        {props.vocab[props.kind].map((v) => (
          <label key={v.code}>
            <input
              type="checkbox"
              checked={props.value.includes(v.code)}
              onChange={(e) => props.onChange(e.target.checked ? [...props.value, v.code] : props.value.filter((c) => c !== v.code))}
            />
            {vocabLabel(props.vocab, props.kind, v.code, lang)}
          </label>
        ))}
      </div>
      {props.error && (
        <p className="field-error" role="alert">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}

/** Choose one item (an actor, an area) from a list by name. */
export function RefSelect(props: {
  label: string;
  options: { id: string; name: string }[];
  value: string | null;
  onChange: (v: string | null) => void;
  error?: string;
  testId?: string;
  emptyLabel?: string;
}) {
  const id = useId();
  return (
    <Field label={props.label} error={props.error} id={id}>
      <select id={id} value={props.value ?? ''} data-testid={props.testId} onChange={(e) => props.onChange(e.target.value || null)}>
        <option value="">{props.emptyLabel ?? '–'}</option>
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A list of things to tick (board seats, services, units): the ids of the ticked ones. */
/** From this many options a checklist gets a search field; at most `SHOWN_OPTIONS` unticked ones are listed at once. */
const SEARCH_FROM = 12;
const SHOWN_OPTIONS = 100;

export function RefChecklist({ label, options, value, onChange, testId }: { label: string; options: { id: string; name: string }[]; value: string[]; onChange: (v: string[]) => void; testId?: string }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  // A map of 2,000 actors would list 2,000 boxes: the ticked ones always show, the others as far as the search allows.
  const ticked = new Set(value);
  const q = fold(query.trim());
  const unticked = options.filter((o) => !ticked.has(o.id) && (!q || fold(o.name).includes(q)));
  const listed = new Set(unticked.slice(0, SHOWN_OPTIONS).map((o) => o.id));
  const shown = options.filter((o) => ticked.has(o.id) || listed.has(o.id));
  const more = unticked.length - listed.size;
  return (
    <fieldset className="checklist" data-testid={testId}>
      <legend>{label}</legend>
      {options.length === 0 && <p className="muted">{t('inspector.none')}</p>}
      {/* A long list scrolls: say what is ticked, so nothing ticked hides below the fold. */}
      {options.length > 6 && value.length > 0 && (
        <p className="chosen" data-testid={testId && `${testId}-chosen`}>
          {t('form.chosen', { names: options.filter((o) => ticked.has(o.id)).map((o) => o.name).join('; ') })}
        </p>
      )}
      {options.length >= SEARCH_FROM && (
        <input
          type="search"
          className="checklist-search"
          value={query}
          placeholder={t('form.searchOptions')}
          aria-label={t('form.searchIn', { label })}
          onChange={(e) => setQuery(e.target.value)}
          data-testid={testId && `${testId}-search`}
        />
      )}
      <div className="checklist-items">
        {shown.map((o) => (
          <label key={o.id}>
            <input type="checkbox" checked={ticked.has(o.id)} onChange={(e) => onChange(e.target.checked ? [...value, o.id] : value.filter((x) => x !== o.id))} />
            {o.name}
          </label>
        ))}
        {q && unticked.length === 0 && <p className="muted">{t('form.noMatch')}</p>}
      </div>
      {more > 0 && <p className="muted" data-testid={testId && `${testId}-more`}>{t('form.moreOptions', { count: more })}</p>}
    </fieldset>
  );
}
