import { describe, expect, it } from 'vitest';
import { noticeFor, parseServerMessage } from './serverMessages.ts';

describe('server messages', () => {
  it('says who holds a refused lock, in words', () => {
    const message = parseServerMessage(
      JSON.stringify({
        type: 'lock.denied',
        path: 'buyer',
        holder: { userId: 'u', name: 'Alice Martin', since: '2026-01-01T00:00:00Z' },
      }),
    );
    expect(message && noticeFor(message, () => 'buyer block')).toBe(
      'You cannot lock buyer block: it is locked by Alice Martin.',
    );
  });

  it('shows refused edits with their reason, and ignores malformed messages', () => {
    const rejected = parseServerMessage('{"type":"edit.rejected","paths":["buyer.name"],"reason":"No."}');
    expect(rejected && noticeFor(rejected)).toBe('Your change was undone by the server: No.');
    expect(parseServerMessage('{"type":"lock.denied","path":"buyer"}')).toBeNull();
    const notify = parseServerMessage(
      '{"type":"notify","kind":"submitted","message":"Hi","notification":{}}',
    );
    expect(notify && noticeFor(notify)).toBeNull();
    expect(parseServerMessage('{"type":"other"}')).toBeNull();
    expect(parseServerMessage('nope')).toBeNull();
  });
});
