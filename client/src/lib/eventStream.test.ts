import { describe, expect, it } from 'vitest';
import { createEventStreams, type EventSourceLike } from './eventStream.ts';

class FakeSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  readonly listeners = new Map<string, Set<(event: MessageEvent<string>) => void>>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }
  removeEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.get(type)?.delete(listener);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data = '') {
    for (const listener of this.listeners.get(type) ?? []) listener({ data } as MessageEvent<string>);
  }
}

describe('createEventStreams', () => {
  it('shares one stream per token between subscribers and closes it with the last', () => {
    const sources: FakeSource[] = [];
    const streams = createEventStreams((url) => {
      const source = new FakeSource(url);
      sources.push(source);
      return source;
    });
    const invoices: string[] = [];
    const notes: string[] = [];
    const states: string[] = [];
    const stopInvoices = streams.subscribe('t k', 'invoice', (data) => invoices.push(data));
    const stopNotes = streams.subscribe(
      't k',
      'notification',
      (data) => notes.push(data),
      (s) => states.push(s),
    );
    expect(sources).toHaveLength(1);
    expect(sources[0]?.url).toBe('/api/events?token=t%20k');

    sources[0]?.emit('invoice', 'a');
    sources[0]?.emit('notification', 'b');
    sources[0]?.emit('open');
    expect([invoices, notes, states]).toEqual([['a'], ['b'], ['open']]);

    stopInvoices();
    sources[0]?.emit('invoice', 'c');
    expect(invoices).toEqual(['a']);
    expect(sources[0]?.closed).toBe(false);
    stopNotes();
    expect(sources[0]?.closed).toBe(true);
    streams.subscribe('t k', 'invoice', () => {});
    expect(sources).toHaveLength(2);
  });
});
