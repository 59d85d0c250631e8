import fs from 'node:fs';
import type { Counts } from '../../../shared/model';
import { NetworkDocument } from '../document';
import { buildVoorbeeldstad } from './voorbeeldstad';

/**
 * Writes the Voorbeeldstad demo to `file`: built under a temporary name and renamed into place, so a killed run
 * never leaves half a demo behind. `file` must not exist.
 */
export async function writeVoorbeeldstad(file: string, nativeBinding?: string): Promise<Counts> {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.rmSync(tmp, { force: true });
  try {
    const doc = await NetworkDocument.open(tmp, { create: true, author: 'demo', nativeBinding });
    let counts: Counts;
    try {
      counts = doc.addNetwork(buildVoorbeeldstad());
    } finally {
      doc.close();
    }
    fs.renameSync(tmp, file);
    return counts;
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
