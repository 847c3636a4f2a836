import { invoicePath } from './router.ts';

/** The invoice opened at a comment thread (a mention's notification links here). */
export function threadLink(invoiceId: string, threadId: string | undefined): string {
  const path = invoicePath(invoiceId);
  return threadId ? `${path}?thread=${encodeURIComponent(threadId)}` : path;
}

/** The thread asked for in the address (`?thread=<id>`), or null. */
export function threadFromSearch(search: string): string | null {
  const id = new URLSearchParams(search).get('thread');
  return id && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null;
}
