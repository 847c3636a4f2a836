import { fieldAccess, RIGHTS_NOTE_ID } from '../lib/fieldAccess.ts';
import { lockBadgeId } from '../lib/locks.ts';
import { mentionHintId } from '../lib/mentions.ts';
import { useEditorContext } from './useEditorContext.ts';

export interface FieldAccessView {
  readonly readOnly: boolean;
  /** Why the field is read-only, for its tooltip. */
  readonly reason: string | undefined;
  /** Ids of what explains the field: the rights note or the lock badge, a missing mention. */
  readonly describedBy: string | undefined;
}

/** Whether the control of `path` takes input now (rights and locks), and what explains it. */
export function useFieldAccess(path: string): FieldAccessView {
  const { facts, mentions } = useEditorContext();
  const access = fieldAccess(facts, path);
  const ids: string[] = [];
  if (access.readOnly) ids.push(access.lock ? lockBadgeId(access.lock.path) : RIGHTS_NOTE_ID);
  if (mentions.has(path)) ids.push(mentionHintId(path));
  return {
    readOnly: access.readOnly,
    reason: access.readOnly ? access.reason : undefined,
    describedBy: ids.length > 0 ? ids.join(' ') : undefined,
  };
}
