import fs from 'node:fs';
import path from 'node:path';

/** A temporary name beside a file (same folder, so the rename into place is atomic). */
export const tempBeside = (target: string) => path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);

/** Writes a file through a temporary file beside it and a rename: readers see the old file or the whole new one. */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  const target = path.resolve(file);
  const tmp = tempBeside(target);
  try {
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
