import type { Counts } from '../../../shared/model';
import { createDocument } from '../document';
import { buildVoorbeeldstad } from './voorbeeldstad';

/**
 * Writes the Voorbeeldstad demo to `file`: built under a temporary name and renamed into place, so a killed run
 * never leaves half a demo behind. `file` must not exist.
 */
export function writeVoorbeeldstad(file: string, nativeBinding?: string): Promise<Counts> {
  return createDocument(file, { author: 'demo', nativeBinding }, (doc) => doc.addNetwork(buildVoorbeeldstad()));
}
