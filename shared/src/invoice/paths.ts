import {
  HEADER_FIELDS,
  KEY,
  LINE_KEY,
  LINE_NUMBER_FIELDS,
  PARTIES,
  PARTY_FIELDS,
  RICH_TEXT_FIELDS,
  ROOT,
  SERVER_OWNED_KEYS,
} from './schema.ts';

/**
 * Field paths name what an edit touches and what a lock covers: `buyer.name`, `buyer` (the
 * block), `lines` (the list: insert, remove, move), `lines.<id>` (a whole line),
 * `lines.<id>.unitPrice`, `notes`, `status`, `locks.<path>`, `comments.<threadId>`.
 */
export type PathFamily =
  | 'header'
  | 'party'
  | 'lineList'
  | 'lineField'
  | 'richText'
  | 'serverOwned'
  | 'locks'
  | 'comments'
  | 'unknown';

const has = (list: readonly string[], value: string | undefined) =>
  value !== undefined && list.includes(value);
const LINE_FIELDS: readonly string[] = [LINE_KEY.description, LINE_KEY.position, ...LINE_NUMBER_FIELDS];

export function pathFamily(path: string): PathFamily {
  const [head, second, third, ...rest] = path.split('.');
  if (head === ROOT.locks) return 'locks';
  if (head === ROOT.comments) return 'comments';
  if (rest.length > 0) return 'unknown';
  if (has(SERVER_OWNED_KEYS, head) && second === undefined) return 'serverOwned';
  if (has(HEADER_FIELDS, head) && second === undefined) return 'header';
  if (has(RICH_TEXT_FIELDS, head) && second === undefined) return 'richText';
  if (has(PARTIES, head) && third === undefined && (second === undefined || has(PARTY_FIELDS, second)))
    return 'party';
  if (head === KEY.lines) {
    if (second === undefined) return 'lineList';
    if (second === '') return 'unknown'; // `lines.` names no line (lineIdOfPath agrees)
    if (third === undefined || has(LINE_FIELDS, third)) return 'lineField';
  }
  return 'unknown';
}

/** Paths a person may lock: a field, a party block, a whole line, a line field, a rich text. */
export function isLockablePath(path: string): boolean {
  const family = pathFamily(path);
  return family === 'header' || family === 'party' || family === 'lineField' || family === 'richText';
}

/**
 * Two paths overlap when one contains the other: a lock on `buyer` covers `buyer.name`. The
 * list path `lines` is the exception: it stands for membership and order, so adding or moving
 * one line does not collide with a lock on another (removing or moving a locked line touches
 * `lines.<id>` itself, and collides there).
 */
export function pathsOverlap(a: string, b: string): boolean {
  if (a === b) return true;
  if (a === KEY.lines || b === KEY.lines) return false;
  return a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

export function linePath(lineId: string, field?: string): string {
  return field ? `lines.${lineId}.${field}` : `lines.${lineId}`;
}

/** The line id of a `lines.<id>…` path, or null. */
export function lineIdOfPath(path: string): string | null {
  const [head, id] = path.split('.');
  return head === 'lines' && id ? id : null;
}

/** Whether a path is invoice content (what the four-eyes rule calls an edit). */
export function isContentPath(path: string): boolean {
  const family = pathFamily(path);
  return (
    family === 'header' ||
    family === 'party' ||
    family === 'lineList' ||
    family === 'lineField' ||
    family === 'richText'
  );
}
