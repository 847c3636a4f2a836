import { describe, expect, it } from 'vitest';
import { insertMention, matchMembers, mentionedIn, mentionQuery, splitMentions } from './mentionInput.ts';

const BOB = { userId: 'u-bob', name: 'Bob Durand', email: 'bob@demo.test' };
const ALICE = { userId: 'u-alice', name: 'Alice Martin', email: 'alice@demo.test' };

describe('mention input', () => {
  it('finds the @query before the caret, completes it and keeps only mentions still in the text', () => {
    expect(mentionQuery('Thanks @Du', 10)).toEqual({ query: 'Du', from: 7 });
    expect(mentionQuery('mail@x', 6)).toBeNull();
    expect(matchMembers([ALICE, BOB], 'du').map((m) => m.userId)).toEqual(['u-bob']);
    expect(matchMembers([ALICE, BOB], '', 'u-alice').map((m) => m.userId)).toEqual(['u-bob']);
    const done = insertMention('Thanks @Du', 7, 10, BOB);
    expect(done).toEqual({ text: 'Thanks @Bob Durand ', caret: 19 });
    expect(mentionedIn(`${done.text}fixed`, [BOB, ALICE])).toEqual(['u-bob']);
    expect(mentionedIn('Thanks', [BOB])).toEqual([]);
  });

  it('splits a message around the mentions', () => {
    expect(splitMentions('Hi @Bob Durand, ok', ['Bob Durand'])).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'mention', text: '@Bob Durand' },
      { kind: 'text', text: ', ok' },
    ]);
  });
});
