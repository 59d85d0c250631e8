/**
 * A new entity id: a UUID version 7 (RFC 9562), whose first 48 bits are the time in milliseconds. Ids made one
 * after the other sort (nearly) one after the other, so a bulk import appends to the tables' B-trees, and to the
 * child tables keyed by them, instead of writing into random pages; random UUIDs made an import of 30,000
 * agreements a third slower.
 *
 * Made from the platform's random UUID (version 4, the same layout with 122 random bits): its first 48 bits become
 * the time and its version digit a 7, which leaves the 74 random bits version 7 has. The `uuid` package's v7 takes
 * 4 µs per id against 1 µs for this, which an import of 40,000 rows feels.
 */
export function newId(): string {
  const now = Date.now();
  if (now !== lastMs) {
    const ms = now.toString(16).padStart(12, '0');
    lastMs = now;
    prefix = `${ms.slice(0, 8)}-${ms.slice(8)}-7`;
  }
  return prefix + globalThis.crypto.randomUUID().slice(15);
}
/** The time part of the ids of the current millisecond (an import makes dozens in one). */
let lastMs = -1;
let prefix = '';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id is a UUID (as `newId` makes them): unique the world over, so two files with it mean one thing. */
export const isUuid = (id: string) => UUID.test(id);
