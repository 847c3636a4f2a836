export type Route =
  | { name: 'list' }
  | { name: 'queue' }
  | { name: 'invoice'; id: string }
  | { name: 'history'; id: string }
  | { name: 'notFound' };

export const QUEUE_PATH = '/queue';

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '/invoices' || pathname === '/invoices/') return { name: 'list' };
  if (pathname === QUEUE_PATH || pathname === `${QUEUE_PATH}/`) return { name: 'queue' };
  const match = /^\/invoices\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  if (match?.[1]) return { name: 'invoice', id: match[1] };
  const history = /^\/invoices\/([A-Za-z0-9_-]{1,64})\/history\/?$/.exec(pathname);
  if (history?.[1]) return { name: 'history', id: history[1] };
  return { name: 'notFound' };
}

export function invoicePath(id: string): string {
  return `/invoices/${encodeURIComponent(id)}`;
}

/** The invoice's audit history (timeline, replay, diff, integrity, export). */
export function historyPath(id: string): string {
  return `${invoicePath(id)}/history`;
}

/** Client-side navigation: the server answers every non-API path with the app. */
export function navigate(path: string): void {
  if (window.location.pathname === path) return;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** Lets a plain left click on an in-app link navigate without a reload; other clicks stay native. */
export function shouldHandleClick(
  event: Pick<MouseEvent, 'button' | 'metaKey' | 'ctrlKey' | 'shiftKey' | 'altKey' | 'defaultPrevented'>,
): boolean {
  return (
    !event.defaultPrevented &&
    event.button === 0 &&
    !event.metaKey &&
    !event.ctrlKey &&
    !event.shiftKey &&
    !event.altKey
  );
}
