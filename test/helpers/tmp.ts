import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const dirs: string[] = [];

/** A fresh temporary folder, removed after the test (write bits restored first, for read-only cases). */
export function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'regiekaart-test-'));
  dirs.push(d);
  return d;
}

afterEach(() => {
  for (const d of dirs.splice(0)) {
    for (const f of fs.readdirSync(d)) fs.chmodSync(path.join(d, f), 0o644);
    fs.rmSync(d, { recursive: true, force: true });
  }
});
