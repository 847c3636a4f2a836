import type * as Y from 'yjs';
import type { LockHolder } from '../protocol/messages.ts';
import { pathsOverlap } from './paths.ts';
import { locksMap } from './schema.ts';

/** One entry of the server-owned `locks` map (DESIGN §4): who holds which path. */
export interface LockEntry {
  readonly path: string;
  readonly holder: LockHolder;
}

/** The locks in the document, by path; entries that are not well-formed holders are ignored, not trusted. */
export function readLocks(doc: Y.Doc): LockEntry[] {
  const out: LockEntry[] = [];
  for (const [path, value] of locksMap(doc).entries()) {
    if (isLockHolder(value)) out.push({ path, holder: value });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

export function isLockHolder(value: unknown): value is LockHolder {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.userId === 'string' && typeof v.name === 'string' && typeof v.since === 'string';
}

/** The first lock held by someone other than `userId` that overlaps `path` (a lock on `buyer` covers `buyer.name`). */
export function conflictingLock(doc: Y.Doc, path: string, userId: string): LockEntry | null {
  return (
    readLocks(doc).find((entry) => entry.holder.userId !== userId && pathsOverlap(entry.path, path)) ?? null
  );
}
