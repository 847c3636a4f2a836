import type { LineNumberField, PartyField, PartyKey, RichTextField } from '../invoice/schema.ts';

/**
 * What each connection publishes in the Hocuspocus awareness of an invoice (the presence
 * avatars, the coloured ring on the field someone is in, the carets in rich text). Awareness
 * is not persisted and not trusted: a state is read through `parsePresence`, and anything that
 * does not match is ignored rather than shown.
 */
export interface PresenceUser {
  readonly id: string;
  readonly name: string;
  /** A CSS colour, `#rrggbb`. */
  readonly color: string;
}

export interface PresenceState {
  readonly user: PresenceUser;
  /** The field path the person is in (`buyer.name`, `lines.<id>.quantity`, `notes`), or null. */
  readonly focus: string | null;
  /**
   * Caret and selection of each rich-text editor, written and read by @lexical/yjs only
   * (relative positions into that field's `XmlText`). Opaque to everything else.
   */
  readonly rich?: Partial<Record<RichTextField, unknown>>;
}

/** Field paths, the same strings the lock map uses as keys (DESIGN §4). */
export type LineFieldName = LineNumberField | 'description';

export const FieldPath = {
  party: (party: PartyKey, field: PartyField): string => `${party}.${field}`,
  header: (field: 'currency' | 'issueDate' | 'dueDate'): string => field,
  line: (lineId: string, field: LineFieldName): string => `lines.${lineId}.${field}`,
  rich: (field: RichTextField): string => field,
} as const;

const MAX_NAME = 200;
const COLOR = /^#[0-9a-fA-F]{6}$/;

function isShortString(value: unknown, max = MAX_NAME): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

/** The presence part of an awareness state, or null when it is missing or malformed. */
export function parsePresence(state: unknown): PresenceState | null {
  if (typeof state !== 'object' || state === null) return null;
  const { user, focus, rich } = state as { user?: unknown; focus?: unknown; rich?: unknown };
  if (typeof user !== 'object' || user === null) return null;
  const { id, name, color } = user as { id?: unknown; name?: unknown; color?: unknown };
  if (!isShortString(id) || !isShortString(name) || typeof color !== 'string' || !COLOR.test(color))
    return null;
  const parsedFocus = isShortString(focus) ? focus : null;
  const parsedRich = typeof rich === 'object' && rich !== null ? (rich as PresenceState['rich']) : undefined;
  return { user: { id, name, color }, focus: parsedFocus, ...(parsedRich ? { rich: parsedRich } : {}) };
}
