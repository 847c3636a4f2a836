import { type LockHolder, locksMap, pathsOverlap } from '@cofacture/shared';
import type * as Y from 'yjs';

/** Reads the server-owned `locks` map (DESIGN §4): key = field path, value = holder. */
export function lockEntries(doc: Y.Doc): [string, LockHolder][] {
  const out: [string, LockHolder][] = [];
  for (const [path, value] of locksMap(doc).entries()) {
    if (isHolder(value)) out.push([path, value]);
  }
  return out;
}

/** The first lock held by someone other than `userId` that overlaps `path`. */
export function conflictingLock(doc: Y.Doc, path: string, userId: string): [string, LockHolder] | null {
  for (const entry of lockEntries(doc)) {
    if (entry[1].userId !== userId && pathsOverlap(entry[0], path)) return entry;
  }
  return null;
}

function isHolder(value: unknown): value is LockHolder {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.userId === 'string' && typeof v.name === 'string' && typeof v.since === 'string';
}
