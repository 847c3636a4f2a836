import type { UserState } from '@lexical/yjs';
import { describe, expect, it } from 'vitest';
import { fieldAwareness } from './lexicalProvider.ts';
import type { AwarenessLike } from './presence.ts';

function fakeAwareness(clientID: number, states: Map<number, Record<string, unknown>>): AwarenessLike {
  return {
    clientID,
    getLocalState: () => states.get(clientID) ?? null,
    setLocalStateField(field, value) {
      states.set(clientID, { ...(states.get(clientID) ?? {}), [field]: value });
    },
    getStates: () => states,
    on() {},
    off() {},
  };
}

const cursor = (name: string): UserState => ({
  anchorPos: null,
  focusPos: null,
  color: '#123456',
  focusing: true,
  name,
  awarenessData: {},
});

describe('fieldAwareness', () => {
  it('gives each rich-text field its own slice and leaves the presence fields alone', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { id: 'u1', name: 'Alice', color: '#123456' }, focus: 'notes' }],
      [
        2,
        {
          user: { id: 'u2', name: 'Adèle', color: '#654321' },
          focus: null,
          rich: { terms: cursor('Adèle') },
        },
      ],
    ]);
    const awareness = fakeAwareness(1, states);
    const notes = fieldAwareness(awareness, 'notes');
    const terms = fieldAwareness(awareness, 'terms');

    notes.setLocalState(cursor('Alice'));
    notes.setLocalStateField('focusing', false);
    expect(states.get(1)).toMatchObject({
      focus: 'notes',
      rich: { notes: { name: 'Alice', focusing: false } },
    });
    expect(terms.getLocalState()).toBeNull();
    expect([...notes.getStates().keys()]).toEqual([1]);
    expect([...terms.getStates().keys()]).toEqual([2]);

    notes.setLocalState(null);
    expect(states.get(1)?.rich).toEqual({});
    expect(states.get(1)?.user).toEqual({ id: 'u1', name: 'Alice', color: '#123456' });
  });
});
