/**
 * Electron's side of "one print template, two engines": a hidden, sandboxed window without scripts or preload
 * loads the report page and prints it. Used by the app (index.ts) and by the CLI's print runner (print.ts).
 */
import { BrowserWindow } from 'electron';
import { pathToFileURL } from 'node:url';
import { hardenWebContents, secureWebPreferences } from './security';

export async function printPageToPdf(page: string, orientation: 'portrait' | 'landscape'): Promise<Buffer> {
  const { preload: _preload, ...prefs } = secureWebPreferences('');
  const w = new BrowserWindow({ show: false, webPreferences: { ...prefs, javascript: false } });
  hardenWebContents(w.webContents, pathToFileURL(page).origin);
  try {
    await w.loadFile(page);
    return await w.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true, landscape: orientation === 'landscape', displayHeaderFooter: false });
  } finally {
    w.destroy();
  }
}
