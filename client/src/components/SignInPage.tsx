import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../lib/api.ts';

export function SignInPage({ onSignIn }: { onSignIn: (email: string, password: string) => Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await onSignIn(String(form.get('email') ?? ''), String(form.get('password') ?? ''));
    } catch (caught) {
      setError(signInMessage(caught));
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={submit} aria-describedby={error ? errorId : undefined}>
        <h1>Cofacture</h1>
        <p className="muted">Sign in to your invoices.</p>
        <label className="field-label" htmlFor="sign-in-email">
          Email
        </label>
        <input id="sign-in-email" name="email" type="email" autoComplete="username" required />
        <label className="field-label" htmlFor="sign-in-password">
          Password
        </label>
        <input
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        {error && (
          <p id={errorId} className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

function signInMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 401)
    return 'Wrong email or password. Check both and try again.';
  return error instanceof Error ? error.message : 'Sign-in failed.';
}
