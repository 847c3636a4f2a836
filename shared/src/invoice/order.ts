import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import type { VisibleLine } from './schema.ts';

/**
 * Order keys for lines (fractional indexing): a key between two neighbours is always found, so
 * inserting or moving a line changes one value and nothing else.
 */
export function keyAt(visible: readonly VisibleLine[], index: number): string {
  const before = index > 0 ? (visible[index - 1]?.position ?? null) : null;
  // Equal keys (concurrent inserts at one spot) leave no room between them: take the next
  // strictly greater key, so the new line lands right after the tied ones.
  let after: string | null = null;
  for (let i = index; i < visible.length; i++) {
    const key = visible[i]?.position ?? '';
    if (before === null ? key !== '' : key > before) {
      after = key;
      break;
    }
  }
  return safeKeyBetween(before || null, after);
}

export function initialKeys(count: number): string[] {
  return generateNKeysBetween(null, null, count);
}

/** Keys written by hand or by an old client may be invalid; fall back to appending after `a`. */
function safeKeyBetween(a: string | null, b: string | null): string {
  try {
    return generateKeyBetween(a, b);
  } catch {
    try {
      return generateKeyBetween(a, null);
    } catch {
      return generateKeyBetween(null, null);
    }
  }
}

export const ORDER_KEY_PATTERN = /^[0-9A-Za-z]{1,128}$/;
