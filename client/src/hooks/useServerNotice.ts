import type { HocuspocusProvider } from '@hocuspocus/provider';
import { useEffect, useRef, useState } from 'react';
import { noticeFor, parseServerMessage } from '../lib/serverMessages.ts';

const SHOWN_FOR_MS = 8000;

/**
 * The latest message the server sent about this invoice (a refused edit, a refused lock…), for
 * a few seconds. `describe` puts a field path in words.
 */
export function useServerNotice(
  provider: HocuspocusProvider,
  describe: (path: string) => string,
): string | null {
  const [notice, setNotice] = useState<string | null>(null);
  const latestDescribe = useRef(describe);
  latestDescribe.current = describe;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onStateless = ({ payload }: { payload: string }) => {
      const message = parseServerMessage(payload);
      const text = message ? noticeFor(message, (path) => latestDescribe.current(path)) : null;
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
