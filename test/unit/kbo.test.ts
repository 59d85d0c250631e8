import { describe, expect, it } from 'vitest';
import { formatKbo, kboChecksumOk, kboProblem, normaliseKbo, withKboCheck } from '../../shared/util/kbo';
import { ActorSchema } from '../../shared/model';

describe('KBO enterprise numbers', () => {
  it('accepts valid numbers in the usual spellings', () => {
    // 0207.500.123: 97 - (02075001 mod 97) = 23
    for (const s of ['0207.500.123', '0207500123', 'BE0207500123', 'BE 0207.500.123', '207500123']) {
      expect(kboProblem(s)).toBeNull();
      expect(normaliseKbo(s)).toBe('0207500123');
    }
  });
  it('rejects a wrong check number with a Dutch message', () => {
    expect(kboChecksumOk('0207500124')).toBe(false);
    expect(kboProblem('0207.500.124')).toMatch(/klopt niet.*mod 97/);
  });
  it('rejects the wrong shape', () => {
    expect(kboProblem('12345')).toMatch(/geen ondernemingsnummer/);
    expect(kboProblem('2207500123')).toMatch(/geen ondernemingsnummer/); // must start with 0 or 1
  });
  it('computes and formats check digits', () => {
    expect(withKboCheck('04551234')).toBe('0455123406');
    expect(formatKbo('0455123406')).toBe('0455.123.406');
  });
  it('is validated and normalised by the actor schema', () => {
    const base = { id: 'X', name: 'X', type: 'CAW', legalForm: 'PRIVATE_NONPROFIT', level: 'LOKAAL' };
    expect(ActorSchema.parse({ ...base, kbo: 'BE 0455.123.406' }).kbo).toBe('0455123406');
    const bad = ActorSchema.safeParse({ ...base, kbo: '0455.123.407' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toMatch(/controlecijfers/);
  });
});
