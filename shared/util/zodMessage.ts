import type { ZodError } from 'zod';

/** One Dutch sentence per problem, naming the field: "naam: Naam is verplicht." */
export function describeZodError(err: ZodError): string {
  return err.issues
    .slice(0, 8)
    .map((i) => {
      const where = i.path.length ? `${i.path.join('.')}: ` : '';
      return `${where}${dutchIssue(i.code, i.message)}`;
    })
    .join(' ');
}

/** The first Dutch message per field path ("parties", "contact.email"), for showing errors beside form fields. */
export function zodFields(err: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of err.issues) {
    const key = i.path.map(String).join('.') || '_';
    out[key] ??= dutchIssue(i.code, i.message);
  }
  return out;
}

/** One issue's message in Dutch: ours as written, zod's built-in English ones replaced. */
export function dutchIssue(code: string, message: string): string {
  // Our own schemas carry Dutch messages; zod's built-in English ones are replaced by a Dutch equivalent.
  if (!/^(Invalid|Too|Expected|Unrecognized|Required)/i.test(message)) return message;
  switch (code) {
    case 'invalid_type':
      return /received undefined/.test(message) ? 'is verplicht.' : 'heeft een verkeerd soort waarde.';
    case 'too_small':
      return 'is te kort of te klein.';
    case 'too_big':
      return 'is te lang of te groot.';
    case 'invalid_value':
    case 'invalid_enum_value':
      return 'heeft geen toegelaten waarde.';
    case 'unrecognized_keys':
      return 'bevat onbekende velden.';
    default:
      return 'is ongeldig.';
  }
}
