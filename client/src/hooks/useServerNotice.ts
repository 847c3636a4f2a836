import type { HocuspocusProvider } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';
import { noticeFor, parseServerMessage } from '../lib/serverMessages.ts';

const SHOWN_FOR_MS = 8000;

/** The latest message the server sent about this invoice (a refused edit…), for a few seconds. */
export function useServerNotice(provider: HocuspocusProvider): string | null {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onStateless = ({ payload }: { payload: string }) => {
      const message = parseServerMessage(payload);
      const text = message ? noticeFor(message) : null;
      if (!text) return;
      setNotice(text);
      clearTimeout(timer);
      timer = setTimeout(() => setNotice(null), SHOWN_FOR_MS);
    };
    provider.on('stateless', onStateless);
    return () => {
      clearTimeout(timer);
      provider.off('stateless', onStateless);
    };
  }, [provider]);
  return notice;
}
