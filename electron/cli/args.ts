import { parseArgs } from 'node:util';

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** A wrong command line: the message is printed with the usage, and the exit code is 2. */
export class UsageError extends Error {}

/** parseArgs with Dutch errors. */
export function parse(args: string[], options: Record<string, { type: 'boolean' | 'string'; multiple?: boolean }>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/^Unknown option/, 'Onbekende optie'));
  }
}

/** The one positional argument a command takes. */
export function onePath(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`Geef precies één ${what} op.`);
  return positionals[0];
}
