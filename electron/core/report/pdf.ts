import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { CoreError } from '../errors';
import { tempBeside } from './atomic';

const run = promisify(execFile);

/** Where a Chromium, Chrome or Edge usually lives, per platform. */
const CANDIDATES: Record<string, string[]> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/snap/bin/chromium'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

/** The browser that prints reports outside the app: REGIEKAART_CHROMIUM when set, else the first one installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): string {
  const chosen = env.REGIEKAART_CHROMIUM;
  if (chosen) {
    if (!fs.existsSync(chosen)) throw new CoreError('NOT_FOUND', `REGIEKAART_CHROMIUM wijst naar ${chosen}, maar dat bestand bestaat niet.`);
    return chosen;
  }
  const found = (CANDIDATES[platform] ?? []).find((p) => fs.existsSync(p));
  if (!found) {
    throw new CoreError('NOT_FOUND', 'Geen Chromium, Chrome of Edge gevonden om de PDF te drukken. Installeer er een of zet REGIEKAART_CHROMIUM op het pad van de browser.');
  }
  return found;
}

/**
 * Prints an HTML document to PDF with a headless Chromium (its own profile, so a running browser is not touched).
 * The PDF is written next to `out` and renamed into place: a killed export never leaves a truncated file.
 */
export async function printPdf(html: string, out: string, chromium = findChromium()): Promise<{ bytes: number }> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'regiekaart-pdf-'));
  const target = path.resolve(out);
  const tmp = tempBeside(target);
  try {
    const page = path.join(work, 'rapport.html');
    fs.writeFileSync(page, html);
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-pdf-header-footer',
      '--no-first-run',
      '--disable-extensions',
      `--user-data-dir=${path.join(work, 'profiel')}`,
      `--print-to-pdf=${tmp}`,
      // Chromium's sandbox refuses to start as root (containers, CI); a normal user keeps it.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      pathToFileURL(page).href,
    ];
    await run(chromium, args, { timeout: 120_000 });
    const bytes = fs.existsSync(tmp) ? fs.statSync(tmp).size : 0;
    const head = bytes ? fs.readFileSync(tmp).subarray(0, 5).toString('latin1') : '';
    if (head !== '%PDF-') throw new CoreError('IO', `De browser (${chromium}) maakte geen PDF.`);
    fs.renameSync(tmp, target);
    return { bytes };
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    if (err instanceof CoreError) throw err;
    throw new CoreError('IO', `De PDF kon niet gemaakt worden: ${(err as Error).message.split('\n')[0]}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
