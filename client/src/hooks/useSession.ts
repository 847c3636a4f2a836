import { useCallback, useEffect, useState } from 'react';
import { api, onUnauthorized } from '../lib/api.ts';
import { clearSession, loadSession, type Session, saveSession } from '../lib/session.ts';

export interface SessionControls {
  readonly session: Session | null;
  signIn(email: string, password: string): Promise<void>;
  signOut(): void;
}

export function useSession(): SessionControls {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const signIn = useCallback(async (email: string, password: string) => {
    const { token, user } = await api.login(email, password);
    const next = { token, user };
    saveSession(next);
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    clearSession();
    setSession(null);
  }, []);
  useEffect(() => onUnauthorized(signOut), [signOut]);
  return { session, signIn, signOut };
}
