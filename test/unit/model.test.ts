import { describe, expect, it } from 'vitest';
import { AgreementSchema } from '../../shared/model';
import { DEFAULT_VOCAB, VOCAB_KINDS, mergeVocab, vocabLabel } from '../../shared/vocab';
import { describeZodError } from '../../shared/util/zodMessage';

const party = (actorId: string, role = 'PARTNER') => ({ actorId, role });
const base = { id: 'R1', type: 'CONVENANT', title: 'Test', status: 'ACTIEF' };

describe('agreement schema', () => {
  it('accepts two parties, or one party and a partnership', () => {
    expect(AgreementSchema.safeParse({ ...base, parties: [party('A'), party('B')] }).success).toBe(true);
    expect(AgreementSchema.safeParse({ ...base, parties: [party('A')], partnershipId: 'P' }).success).toBe(true);
  });
  it('refuses a single party without partnership, in Dutch', () => {
    const r = AgreementSchema.safeParse({ ...base, parties: [party('A')] });
    expect(r.success).toBe(false);
    expect(describeZodError(r.error!)).toMatch(/minstens twee partijen/);
  });
  it('refuses an end date before the start date', () => {
    const r = AgreementSchema.safeParse({ ...base, parties: [party('A'), party('B')], startDate: '2026-05-01', endDate: '2026-04-30' });
    expect(describeZodError(r.error!)).toMatch(/einddatum ligt vóór de begindatum/);
  });
  it('refuses impossible dates', () => {
    const r = AgreementSchema.safeParse({ ...base, parties: [party('A'), party('B')], startDate: '2026-02-30' });
    expect(describeZodError(r.error!)).toMatch(/Geen geldige datum/);
  });
  it('accepts any number of parties with their roles', () => {
    const r = AgreementSchema.parse({ ...base, parties: [party('A', 'FUNDER'), party('B', 'RECIPIENT'), party('C', 'OBSERVER')] });
    expect(r.parties.map((p) => p.role)).toEqual(['FUNDER', 'RECIPIENT', 'OBSERVER']);
  });
});

describe('default vocabularies', () => {
  it('has unique codes and both languages for every entry', () => {
    for (const kind of VOCAB_KINDS) {
      const codes = DEFAULT_VOCAB[kind].map((v) => v.code);
      expect(new Set(codes).size, kind).toBe(codes.length);
      for (const v of DEFAULT_VOCAB[kind]) expect(v.nl && v.en, `${kind}.${v.code}`).toBeTruthy();
    }
  });
  it('refers only to known sectors and legal forms from actor types', () => {
    const sectors = new Set(DEFAULT_VOCAB.sector.map((s) => s.code));
    const forms = new Set(DEFAULT_VOCAB.legalForm.map((s) => s.code));
    for (const t of DEFAULT_VOCAB.actorType) {
      if (t.props?.sector) expect(sectors.has(String(t.props.sector)), t.code).toBe(true);
      if (t.props?.legalForm) expect(forms.has(String(t.props.legalForm)), t.code).toBe(true);
    }
  });
  it('has the GBO minimum partners and the vulnerable target groups as data', () => {
    expect(DEFAULT_VOCAB.partnershipKind.find((k) => k.code === 'GBO')?.props?.requiredMemberTypes).toEqual(['OCMW', 'CAW', 'DMW']);
    const vulnerable = DEFAULT_VOCAB.targetGroup.filter((g) => g.props?.vulnerable).map((g) => g.code);
    expect(vulnerable).toEqual(expect.arrayContaining(['DAK_THUISLOZEN', 'ARMOEDE', 'GEISOLEERDE_OUDEREN', 'KWETSBARE_GEZINNEN', 'NIEUWKOMERS']));
  });
  it('lets a document add and relabel entries', () => {
    const merged = mergeVocab({ targetGroup: [{ code: 'STUDENTEN', nl: 'Studenten', en: 'Students' }, { code: 'OUDEREN', nl: 'Senioren', en: 'Seniors' }] });
    expect(vocabLabel(merged, 'targetGroup', 'STUDENTEN', 'en')).toBe('Students');
    expect(vocabLabel(merged, 'targetGroup', 'OUDEREN', 'nl')).toBe('Senioren');
    expect(vocabLabel(merged, 'targetGroup', 'ONBEKEND', 'nl')).toBe('ONBEKEND');
  });
});
