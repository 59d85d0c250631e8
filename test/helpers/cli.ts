import { runCli } from '../../electron/cli/run';

/** Runs the command line in-process and collects its exit code and output. */
export async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}
