import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A real small file system (tmpfs) of its own, for what happens when a disk is full or read-only: mounting needs
 * root (as on CI and these machines). `noSmallDisk` says why there is none, for the one skip line.
 */
export function smallDisk(sizeKb: number): { dir: string; fill(leaveKb?: number): void; free(): void; remount(readOnly: boolean): void; unmount(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiekaart-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'pipe' });
  const filler = path.join(dir, 'opvulling');
  const freeBytes = () => {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  };
  return {
    dir,
    /** Fills the disk up to `leaveKb` free (0: full to the last byte). */
    fill(leaveKb = 0) {
      const fd = fs.openSync(filler, 'a');
      const chunk = Buffer.alloc(4096, 1);
      try {
        while (freeBytes() > leaveKb * 1024) fs.writeSync(fd, chunk, 0, Math.min(chunk.length, freeBytes() - leaveKb * 1024));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      } finally {
        fs.closeSync(fd);
      }
    },
    free() {
      fs.rmSync(filler, { force: true });
    },
    remount(readOnly: boolean) {
      execFileSync('mount', ['-o', `remount,${readOnly ? 'ro' : 'rw'}`, dir], { stdio: 'pipe' });
    },
    /** Unmounts it; when a failed test left a file on it open (the web host's document), as soon as that closes. */
    unmount() {
      try {
        execFileSync('umount', [dir], { stdio: 'pipe' });
      } catch {
        execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Why this machine cannot mount a small disk for a test, or null when it can. */
export function noSmallDisk(): string | null {
  if (process.platform !== 'linux') return 'alleen op Linux';
  try {
    smallDisk(64).unmount();
    return null;
  } catch (err) {
    return `mount van een tmpfs lukt hier niet (${(err as Error).message.split('\n')[0]}): root nodig`;
  }
}
