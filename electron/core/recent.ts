import fs from 'node:fs';
import path from 'node:path';
import type { RecentFile } from '../../shared/api';

const MAX_RECENT = 10;

/** The "open recent" list, kept as a small JSON file in the host's settings folder. */
export class RecentFiles {
  constructor(private readonly file: string) {}

  /** The list, newest first; files that have gone missing are kept but marked. */
  list(): RecentFile[] {
    let raw: unknown = [];
    try {
      raw = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch {
      raw = [];
    }
    if (!Array.isArray(raw)) return [];
    return raw
      .filter((r): r is { path: string; openedAt: string } => typeof r?.path === 'string' && typeof r?.openedAt === 'string')
      .map((r) => ({ path: r.path, fileName: path.basename(r.path), openedAt: r.openedAt, exists: fs.existsSync(r.path) }));
  }

  /** Puts a file at the top of the list. */
  add(file: string): void {
    const entries = [{ path: file, openedAt: new Date().toISOString() }, ...this.list().filter((r) => r.path !== file)]
      .slice(0, MAX_RECENT)
      .map(({ path: p, openedAt }) => ({ path: p, openedAt }));
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(entries, null, 2));
    fs.renameSync(tmp, this.file);
  }
}
