import type { RichTextField } from '@cofacture/shared';
import type { Provider, ProviderAwareness, UserState } from '@lexical/yjs';
import type { AwarenessLike } from './presence.ts';

type RichStates = Partial<Record<RichTextField, UserState>>;

function richOf(state: Record<string, unknown> | null | undefined): RichStates {
  const rich = state?.rich;
  return typeof rich === 'object' && rich !== null ? (rich as RichStates) : {};
}

/**
 * @lexical/yjs keeps each editor's caret in the awareness state and assumes it owns that state
 * whole (it calls `setLocalState`). An invoice has one awareness for several editors and for
 * our own presence fields, so each rich-text field gets a view of the awareness that reads and
 * writes only `rich.<field>` of every state.
 */
export function fieldAwareness(awareness: AwarenessLike, field: RichTextField): ProviderAwareness {
  const setLocalState = (state: UserState | null) => {
    const rich = { ...richOf(awareness.getLocalState()) };
    if (state === null) delete rich[field];
    else rich[field] = state;
    awareness.setLocalStateField('rich', rich);
  };
  return {
    getLocalState: () => richOf(awareness.getLocalState())[field] ?? null,
    setLocalState,
    setLocalStateField(key, value) {
      const current = richOf(awareness.getLocalState())[field];
      if (current) setLocalState({ ...current, [key]: value });
    },
    getStates() {
      const states = new Map<number, UserState>();
      for (const [clientId, state] of awareness.getStates()) {
        const own = richOf(state)[field];
        if (own) states.set(clientId, own);
      }
      return states;
    },
    on: (_type, listener) => awareness.on('update', listener),
    off: (_type, listener) => awareness.off('update', listener),
  };
}

/**
 * The `Provider` @lexical/yjs wants, for one field of an invoice whose connection is owned by
 * the invoice page: it shares the page's socket and document, and connecting or disconnecting
 * it is not the editor's business (so both are no-ops). Create it once per field and
 * connection, never per render.
 */
export function createFieldProvider(awareness: AwarenessLike, field: RichTextField): Provider {
  const noop = () => {};
  return {
    awareness: fieldAwareness(awareness, field),
    connect: noop,
    disconnect: noop,
    on: noop,
    off: noop,
  };
}
