import type { MissingMention } from '@cofacture/shared';

/** The shared check's findings by the path of the field they belong under. */
export function mentionsByPath(missing: readonly MissingMention[]): ReadonlyMap<string, readonly string[]> {
  const byPath = new Map<string, string[]>();
  for (const { path, message } of missing) {
    const list = byPath.get(path);
    if (list) list.push(message);
    else byPath.set(path, [message]);
  }
  return byPath;
}

/** "1 mandatory mention missing", "3 mandatory mentions missing". */
export function mentionCount(count: number): string {
  return `${count} mandatory ${count === 1 ? 'mention' : 'mentions'} missing`;
}

/** The id of the hint under a field, for aria-describedby (one editor per page). */
export function mentionHintId(path: string): string {
  return `mention-${path}`;
}
