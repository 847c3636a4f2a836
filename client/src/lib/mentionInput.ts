/** Someone who can be mentioned with @ (a member of the invoice's organisation). */
export interface Mentionable {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
}

/** The "@que" being typed right before the caret, or null. */
export function mentionQuery(text: string, caret: number): { query: string; from: number } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([\p{L}\p{N}._-]{0,40})$/u.exec(before);
  if (!match) return null;
  const query = match[2] ?? '';
  return { query, from: caret - query.length - 1 };
}

export function matchMembers(
  members: readonly Mentionable[],
  query: string,
  excludeUserId?: string,
): Mentionable[] {
  const q = query.toLocaleLowerCase();
  return members
    .filter((m) => m.userId !== excludeUserId)
    .filter(
      (m) =>
        q === '' ||
        m.name
          .toLocaleLowerCase()
          .split(/\s+/)
          .some((word) => word.startsWith(q)) ||
        m.name.toLocaleLowerCase().startsWith(q) ||
        m.email.toLocaleLowerCase().startsWith(q),
    )
    .slice(0, 8);
}

/** Replaces the "@que" at `from` with "@Full Name " and gives the new caret. */
export function insertMention(
  text: string,
  from: number,
  caret: number,
  member: Mentionable,
): { text: string; caret: number } {
  const inserted = `@${member.name} `;
  return { text: text.slice(0, from) + inserted + text.slice(caret), caret: from + inserted.length };
}

/** The chosen people whose "@Name" is still in the text when it is sent. */
export function mentionedIn(text: string, chosen: readonly Mentionable[]): string[] {
  const ids = chosen.filter((m) => text.includes(`@${m.name}`)).map((m) => m.userId);
  return [...new Set(ids)];
}

export type TextPart = { kind: 'text'; text: string } | { kind: 'mention'; text: string };

/** Splits a message so "@Name" of each mentioned person can be shown as a mention. */
export function splitMentions(text: string, names: readonly string[]): TextPart[] {
  const wanted = [...new Set(names.filter(Boolean))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return text ? [{ kind: 'text', text }] : [];
  const escaped = wanted.map((name) => `@${name}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(new RegExp(escaped.join('|'), 'g'))) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ kind: 'text', text: text.slice(last, at) });
    parts.push({ kind: 'mention', text: match[0] });
    last = at + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}
