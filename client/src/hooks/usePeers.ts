import { useEffect, useState } from 'react';
import { type AwarenessLike, type Peer, readPeers } from '../lib/presence.ts';

/** Everyone else in the invoice, updated as they come, go and move between fields. */
export function usePeers(awareness: AwarenessLike): Peer[] {
  const [peers, setPeers] = useState(() => readPeers(awareness));
  useEffect(() => {
    const onChange = () => setPeers(readPeers(awareness));
    onChange();
    // 'change' fires only when a state really changed, not on the 15-second heartbeats.
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness]);
  return peers;
}
