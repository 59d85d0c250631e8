import crypto from 'node:crypto';
import type { RawSheet } from '../../../shared/exchange/csv';
import type { GroupsAs } from '../../../shared/exchange/fields';
import type { GraphLayer } from '../../../shared/exchange/graph';
import type { TablePlan } from '../../../shared/exchange/plan';
import { todayIso } from '../../../shared/util/dates';
import type { NetworkDocument } from '../document';
import { fallbacksOf, type mapSheets } from './tables';

type Sheets = ReturnType<typeof mapSheets>;

/** What a plan was made of, of the file: its bytes, and the day (a Sociale Kaart import dates its rows). */
export function fileStamp(bytes: Uint8Array): string {
  return `${todayIso()}:${crypto.createHash('sha256').update(bytes).digest('hex')}`;
}

/**
 * What a plan was made of, of the mapping: each sheet's header row, kind, columns and fallback codes as they take
 * effect (the preview's suggested mapping and the same mapping sent back by the dialog are one).
 */
export function mappingKey(sheets: Sheets): string {
  const sorted = <T>(o: Record<string, T>) => Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const values = (v: Record<string, Record<string, string>> | undefined) => sorted(v ?? {}).map(([k, m]) => [k, sorted(m)]);
  return JSON.stringify(sheets.map((s) => (s.kind === 'skip' ? [s.name, s.kind, s.headerRow] : [s.name, s.kind, s.headerRow, sorted(s.columns), sorted(fallbacksOf(s.kind, s.fallbacks)), values(s.values), !!s.newParties, sorted(s.parties ?? {})])));
}

/**
 * A spreadsheet or graph file as read, before mapping: its sheets, and for a graph the places of its nodes and its
 * partnerships and memberships.
 */
export interface ReadFile {
  raw: RawSheet[];
  placesFor?: (plan: TablePlan) => { actorId: string; x: number; y: number }[];
  layer?: GraphLayer | null;
  /** A graph file's group nodes: how many, and what they were read as. */
  groups?: { count: number; as: GroupsAs };
}

interface Kept {
  file: string;
  /** How the file was read: its format, and for a graph file what its groups became (`readAs`). */
  format: string;
  stamp: string;
  read: ReadFile;
  against: NetworkDocument | null;
  revision: number;
  mapping: string;
  plan: TablePlan;
}

/**
 * The last preview of a spreadsheet or graph file, kept for the import that confirms it: reading, checking and
 * matching 40,000 rows is most of an import, and the user has just seen its outcome. It is used only while all it
 * was made of still holds: the same file bytes and mapping, planned against the same document (or against none,
 * for a new one), which has written nothing since. Anything else plans anew. An import uses it once.
 */
export class KeptPreview {
  private kept: Kept | null = null;
  private expiry: ReturnType<typeof setTimeout> | null = null;

  /**
   * Keeps a preview's plan: until the import, the next preview, or a quarter of an hour (a plan of 30,000 rows holds
   * some 40 MB, and a dialog may be cancelled; a later import then plans anew).
   */
  keep(k: Kept, forMs = 15 * 60_000): void {
    this.clear();
    this.kept = k;
    this.expiry = setTimeout(() => this.clear(), forMs);
    this.expiry.unref?.();
  }

  clear(): void {
    this.kept = null;
    if (this.expiry) clearTimeout(this.expiry);
    this.expiry = null;
  }

  /** The file as the preview read it, when its bytes are still the same. */
  readFor(file: string, format: string, stamp: string): ReadFile | null {
    const k = this.kept;
    return k && sameFile(k, file, format, stamp) ? k.read : null;
  }

  /** The preview's plan, when it still holds for this file, mapping and target; taken (an import uses it once). */
  take(file: string, format: string, stamp: string, sheets: Sheets, against: NetworkDocument | null): TablePlan | null {
    const k = this.kept;
    this.clear();
    if (!k || !sameFile(k, file, format, stamp) || k.against !== against || k.mapping !== mappingKey(sheets)) return null;
    return !against || k.revision === against.revision() ? k.plan : null;
  }
}

/** How a file is read, for `format` above: a graph file's groups are read one way or the other. */
export const readAs = (format: string, groups: GroupsAs | undefined): string => (format === 'graphml' || format === 'gexf' ? `${format}:${groups ?? 'partnerships'}` : format);

const sameFile = (k: Kept, file: string, format: string, stamp: string) => k.file === file && k.format === format && k.stamp === stamp;
