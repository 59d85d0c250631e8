/**
 * The command line's Electron printer: `electron out/main/print.js --regiekaart-page=<html> --regiekaart-out=<pdf>
 * --regiekaart-orientation=<portrait|landscape> --regiekaart-profile=<dir>`. It prints one page with the same window
 * as the app and exits: 0 when the PDF is written, 1 with the reason on stderr. The caller (core/report/pdf.ts)
 * checks the PDF and renames it into place.
 */
import fs from 'node:fs';
import { app } from 'electron';
import { printPageToPdf } from './print-window';

const arg = (name: string) => {
  const prefix = `--regiekaart-${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
};
const page = arg('page');
const out = arg('out');
const profile = arg('profile');

app.enableSandbox();
app.disableHardwareAcceleration();
// Its own profile, so a running Regiekaart (single-instance lock, recent files) is not touched.
if (profile) app.setPath('userData', profile);
app.on('window-all-closed', () => undefined);

void app
  .whenReady()
  .then(async () => {
    if (!page || !out) throw new Error('--regiekaart-page en --regiekaart-out zijn nodig.');
    fs.writeFileSync(out, await printPageToPdf(page, arg('orientation') === 'landscape' ? 'landscape' : 'portrait'));
    app.exit(0);
  })
  .catch((err: unknown) => {
    process.stderr.write(`${(err as Error).message}\n`);
    app.exit(1);
  });
