export type EventStreamState = 'connecting' | 'open' | 'closed';

/** The part of EventSource this module uses (tests pass a fake). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  removeEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

const CLOSED = 2;

export interface EventStreams {
  /**
   * Hears one kind of event (`invoice`, `notification`) on the tab's stream for `token`;
   * `onState` hears the stream open, drop and come back.
   */
  subscribe(
    token: string,
    event: string,
    onData: (data: string) => void,
    onState?: (state: EventStreamState) => void,
  ): () => void;
}

/**
 * One `GET /api/events` stream per signed-in tab, shared by the list, the queue and the
 * notification bell, opened by the first subscriber and closed with the last. EventSource
 * cannot send headers, hence the token in the query; the browser reconnects by itself.
 */
export function createEventStreams(factory: EventSourceFactory): EventStreams {
  const streams = new Map<string, { source: EventSourceLike; users: number }>();
  return {
    subscribe(token, event, onData, onState = () => {}) {
      let stream = streams.get(token);
      if (!stream) {
        stream = { source: factory(`/api/events?token=${encodeURIComponent(token)}`), users: 0 };
        streams.set(token, stream);
      }
      const shared = stream;
      shared.users++;
      const onMessage = (message: MessageEvent<string>) => onData(message.data);
      const onOpen = () => onState('open');
      const onError = () => onState(shared.source.readyState === CLOSED ? 'closed' : 'connecting');
      shared.source.addEventListener(event, onMessage);
      shared.source.addEventListener('open', onOpen);
      shared.source.addEventListener('error', onError);
      return () => {
        shared.source.removeEventListener(event, onMessage);
        shared.source.removeEventListener('open', onOpen);
        shared.source.removeEventListener('error', onError);
        shared.users--;
        if (shared.users === 0) {
          shared.source.close();
          streams.delete(token);
        }
      };
    },
  };
}

export const eventStreams: EventStreams = createEventStreams((url) => new EventSource(url));
