import type { Vocabulary } from '../model/document';
import { DEFAULT_VOCAB, VOCAB_KINDS, type VocabEntry, type VocabKind } from './defaults';

export { DEFAULT_VOCAB, VOCAB_KINDS, type VocabEntry, type VocabKind };

/** Merges a document's own entries over the defaults (same code replaces, new codes are appended). */
export function mergeVocab(overrides: Vocabulary): Record<VocabKind, VocabEntry[]> {
  const out = {} as Record<VocabKind, VocabEntry[]>;
  for (const kind of VOCAB_KINDS) {
    const base = DEFAULT_VOCAB[kind].map((v) => ({ ...v }));
    for (const o of overrides[kind] ?? []) {
      const i = base.findIndex((b) => b.code === o.code);
      if (i >= 0) base[i] = { ...base[i], ...o, props: { ...base[i].props, ...o.props } };
      else base.push(o);
    }
    out[kind] = base;
  }
  return out;
}

/** The label of a code in the given language, falling back to the code itself. */
export function vocabLabel(vocab: Record<VocabKind, VocabEntry[]>, kind: VocabKind, code: string, lang: 'nl' | 'en'): string {
  const entry = vocab[kind].find((v) => v.code === code);
  return entry ? entry[lang] : code;
}
