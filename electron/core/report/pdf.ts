import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { CoreError } from '../errors';
import { writeFileAtomic } from './atomic';

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

/** A program that can print the report page: Electron with our print runner, or a Chromium-family browser. */
export type Printer = { kind: 'electron'; bin: string; script: string } | { kind: 'chromium'; bin: string };

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

/** Electron's binary when the electron package has one (it has none when installed with ELECTRON_SKIP_BINARY_DOWNLOAD). */
function electronBinary(): string | null {
  try {
    const bin: unknown = createRequire(import.meta.url)('electron');
    return typeof bin === 'string' && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** The built print runner (out/main/print.js), from the bundle (out/main or out/main/chunks) or from the sources. */
function printScript(): string | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    for (const candidate of [path.join(dir, 'print.js'), path.join(dir, 'out', 'main', 'print.js')]) {
      if (fs.existsSync(candidate) && path.basename(path.dirname(candidate)) === 'main') return candidate;
    }
    dir = path.dirname(dir);
  }
  return null;
}

/**
 * The printers to try, in order: a browser named by REGIEKAART_CHROMIUM alone (an explicit choice); else Electron's
 * own Chromium where the electron package has its binary, then the first system Chromium, Chrome or Edge.
 */
export function findPrinters(env: NodeJS.ProcessEnv = process.env): Printer[] {
  if (env.REGIEKAART_CHROMIUM) return [{ kind: 'chromium', bin: findChromium(env) }];
  const printers: Printer[] = [];
  const bin = electronBinary();
  const script = bin ? printScript() : null;
  if (bin && script) printers.push({ kind: 'electron', bin, script });
  try {
    printers.push({ kind: 'chromium', bin: findChromium(env) });
  } catch (err) {
    if (!printers.length) throw err;
  }
  return printers;
}

/** The command line for one printer; `tmp` receives the PDF. */
function printCommand(printer: Printer, page: string, tmp: string, work: string, orientation: 'portrait' | 'landscape'): string[] {
  const asRoot = process.getuid?.() === 0;
  if (printer.kind === 'electron') {
    const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
    return [
      printer.script,
      `--regiekaart-page=${page}`,
      `--regiekaart-out=${tmp}`,
      `--regiekaart-orientation=${orientation}`,
      `--regiekaart-profile=${path.join(work, 'profiel')}`,
      // Electron has no --headless; without a display its Ozone headless platform draws nothing on screen.
      ...(noDisplay ? ['--ozone-platform=headless'] : []),
      '--disable-gpu',
      ...(asRoot ? ['--no-sandbox'] : []),
    ];
  }
  return [
    '--headless',
    '--disable-gpu',
    '--no-pdf-header-footer',
    '--no-first-run',
    '--disable-extensions',
    `--user-data-dir=${path.join(work, 'profiel')}`,
    `--print-to-pdf=${tmp}`,
    // Chromium's sandbox refuses to start as root (containers, CI); a normal user keeps it.
    ...(asRoot ? ['--no-sandbox'] : []),
    pathToFileURL(page).href,
  ];
}

/** A PDF as a whole file: its signature at the start and its end-of-file marker in its last kilobyte. */
export function isWholePdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-' && bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1').includes('%%EOF');
}

export const printerName = (p: Printer) => (p.kind === 'electron' ? 'Electron' : path.basename(p.bin));

/**
 * Prints an HTML document to PDF outside the app, trying each printer in turn (each with its own temporary profile,
 * so a running browser or app is not touched). The PDF is printed into a temporary folder and checked to be whole
 * (it starts with its signature and ends with its end-of-file marker: a browser that ran out of disk leaves a
 * truncated file and still exits well), then written beside `out`, synced, and renamed into place. So a killed or
 * failed export never leaves a truncated file, and leaves the previous PDF as it was.
 */
export async function printPdf(
  html: string,
  out: string,
  options: { orientation?: 'portrait' | 'landscape'; printers?: Printer[] } = {},
): Promise<{ bytes: number; printer: string }> {
  const printers = options.printers ?? findPrinters();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'regiekaart-pdf-'));
  const target = path.resolve(out);
  const tmp = path.join(work, 'rapport.pdf');
  const failures: string[] = [];
  let printed: Buffer | null = null;
  let used: Printer | null = null;
  try {
    const page = path.join(work, 'rapport.html');
    fs.writeFileSync(page, html);
    for (const printer of printers) {
      try {
        const env = { ...process.env };
        delete env.ELECTRON_RUN_AS_NODE;
        await run(printer.bin, printCommand(printer, page, tmp, work, options.orientation ?? 'portrait'), { timeout: 120_000, env });
        const pdf = fs.existsSync(tmp) ? fs.readFileSync(tmp) : Buffer.alloc(0);
        if (!isWholePdf(pdf)) throw new Error(pdf.length ? `onvolledige PDF (${pdf.length} bytes)` : 'geen PDF gemaakt');
        printed = pdf;
        used = printer;
        break;
      } catch (err) {
        fs.rmSync(tmp, { force: true });
        failures.push(`${printerName(printer)} (${printer.bin}): ${(err as Error).message.split('\n')[0]}`);
      }
    }
    if (!printed) throw new CoreError('IO', `De PDF kon niet gemaakt worden. ${failures.join('; ')}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  writeFileAtomic(target, printed);
  return { bytes: printed.length, printer: printerName(used!) };
}
