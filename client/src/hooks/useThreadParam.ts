import { useEffect, useState } from 'react';
import { threadFromSearch } from '../lib/commentLinks.ts';

/** The `?thread=<id>` of the address, following in-app navigation (a notification click). */
export function useThreadParam(): string | null {
  const [thread, setThread] = useState(() => threadFromSearch(window.location.search));
  useEffect(() => {
    const onPopState = () => setThread(threadFromSearch(window.location.search));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
  return thread;
}
