/** Calendar dates are ISO strings (YYYY-MM-DD): no time zones in a document. */
export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True when the string is an existing calendar date in ISO form. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  // Arithmetic rather than a Date: imports check tens of thousands of dates.
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** The date n days after an ISO date (n may be negative). */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Today in the user's own time zone, as an ISO date. */
export function todayIso(now = new Date()): string {
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An ISO date as Flemish readers write it: 31/12/2026. */
export const flemishDate = (iso: string): string => iso.slice(0, 10).split('-').reverse().join('/');
