/**
 * Belgian enterprise numbers (KBO/BCE): ten digits, starting with 0 or 1, where the last two digits equal
 * 97 minus (the first eight modulo 97).
 */

/** Strips spaces, dots and a leading "BE"; returns the ten digits, or null when the shape is wrong. */
export function normaliseKbo(input: string): string | null {
  const compact = input.trim().toUpperCase().replace(/^BE/, '').replace(/[\s.\-/]/g, '');
  const digits = compact.length === 9 ? `0${compact}` : compact;
  return /^[01]\d{9}$/.test(digits) ? digits : null;
}

/** True when the ten digits pass the mod-97 check. */
export function kboChecksumOk(digits: string): boolean {
  const base = Number(digits.slice(0, 8));
  const check = Number(digits.slice(8));
  return 97 - (base % 97) === check;
}

/** A Dutch message when the input is not a valid enterprise number, otherwise null. */
export function kboProblem(input: string): string | null {
  const digits = normaliseKbo(input);
  if (!digits) return `"${input}" is geen ondernemingsnummer: verwacht 10 cijfers (bv. 0123.456.749).`;
  if (!kboChecksumOk(digits)) return `Ondernemingsnummer ${formatKbo(digits)} klopt niet: de controlecijfers (mod 97) passen niet.`;
  return null;
}

/** Formats ten digits as 0123.456.789. */
export function formatKbo(digits: string): string {
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

/** Appends the two check digits to an eight-digit base (for tests and sample data). */
export function withKboCheck(base8: string): string {
  const check = 97 - (Number(base8) % 97);
  return `${base8}${String(check).padStart(2, '0')}`;
}
