/**
 * `npm run web [file]`: the Regiekaart UI in a normal browser, served on 127.0.0.1 with a per-run token.
 * Options: --port N, --workdir DIR (where the demo copy and the recent list go).
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createHandlers, Session } from '../core/session';
import { startWebHost } from './server';

const here = path.dirname(fileURLToPath(import.meta.url));
// Built as out/main/web.js: the renderer is beside it in out/renderer, the app root two levels up.
const appRoot = path.resolve(here, '..', '..');

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { port: { type: 'string' }, workdir: { type: 'string' } },
    allowPositionals: true,
  });
  const session = new Session({
    host: 'web',
    appVersion: process.env.npm_package_version ?? '0.0.0',
    dialogs: null,
    bundledDemo: path.join(appRoot, 'resources', 'demo', 'voorbeeldstad.regiekaart'),
    workDir: values.workdir ? path.resolve(values.workdir) : path.join(os.homedir(), '.regiekaart-web'),
  });
  if (positionals[0]) await session.open(path.resolve(positionals[0]));
  else await session.openDemo();
  const host = await startWebHost({
    handlers: createHandlers(session),
    rendererDir: path.join(appRoot, 'out', 'renderer'),
    port: values.port ? Number(values.port) : 0,
  });
  process.stdout.write(`Regiekaart draait op ${host.url}\n`);
  const stop = () => {
    session.close();
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`Fout: ${(err as Error).message}\n`);
  process.exit(1);
});
