#!/usr/bin/env node
/**
 * Regiekaart command line: batch work on network documents without the app.
 * Usage: regiekaart <command> [arguments]; errors go to stderr in Dutch with a non-zero exit code.
 */
import { runCli } from './run';

runCli(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Fout: ${String((err as Error)?.message ?? err)}\n`);
    process.exitCode = 1;
  },
);
