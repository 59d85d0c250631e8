// Plain-JS twin of electron-binary.ts for the test runner (which runs without a TypeScript loader).
import fs from 'node:fs';
import { createRequire } from 'node:module';

export function electronBinary() {
  try {
    const p = createRequire(import.meta.url)('electron');
    if (typeof p === 'string' && fs.existsSync(p)) return { path: p, reason: '' };
    return { path: null, reason: 'het electron-pakket heeft geen binary (geïnstalleerd met ELECTRON_SKIP_BINARY_DOWNLOAD=1)' };
  } catch (err) {
    return { path: null, reason: `geen Electron-binary op deze machine (${String(err.message).split('\n')[0]})` };
  }
}
