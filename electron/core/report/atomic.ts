import fs from 'node:fs';
import path from 'node:path';
import { fileError } from '../errors';

/** A temporary name beside a file (same folder, so the rename into place is atomic). */
export const tempBeside = (target: string) => path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);

/** Makes a rename in a folder durable (a no-op where folders cannot be synced, as on Windows). */
export function syncFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported here: the rename is atomic all the same.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/**
 * Writes a file through a temporary file beside it, synced to disk, and a rename: readers see the old file or the
 * whole new one, also after a crash or power cut. A failure (a full disk, a missing folder, no rights) leaves the
 * old file as it was and no temporary file, and is said in Dutch, naming the file.
 */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  const target = path.resolve(file);
  const tmp = tempBeside(target);
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw fileError(err, target) ?? err;
  }
  syncFolder(path.dirname(target));
}
