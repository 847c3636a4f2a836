import type { MissingMention } from '@cofacture/shared';
import { focusField } from '../lib/focusRestore.ts';
import { mentionCount } from '../lib/mentions.ts';

/** The count of missing mandatory mentions, next to Submit; each one leads to its field. */
export function MentionSummary({ missing }: { missing: readonly MissingMention[] }) {
  if (missing.length === 0) return null;
  return (
    <details className="mention-summary" data-missing={missing.length}>
      <summary>{mentionCount(missing.length)}</summary>
      <ul>
        {missing.map((mention) => (
          <li key={`${mention.path}: ${mention.message}`}>
            <button type="button" className="link-button" onClick={() => focusField(mention.path)}>
              {mention.message}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
