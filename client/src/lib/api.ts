import type {
  CreateInvoiceResponse,
  InvoiceListResponse,
  InvoiceSummary,
  LoginResponse,
  MeResponse,
  Notification,
  NotificationListResponse,
  WorkflowAction,
} from '@cofacture/shared';
import type { ActionInput, ActionResult, AvailableAction, QueueItem } from './workflowActions.ts';

/** An HTTP API error as the server reports it (`{ error: { code, message } }`), or a network failure. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const unauthorizedListeners = new Set<() => void>();

/**
 * Told when the server refuses the session's token (expired, revoked): the app signs out
 * instead of showing errors on every request.
 */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  token?: string | null;
}

export async function request<T>(
  path: string,
  { method = 'GET', body, token }: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.');
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.status === 401 && token) for (const listener of [...unauthorizedListeners]) listener();
  if (!response.ok) throw errorFrom(response.status, json);
  return json as T;
}

function errorFrom(status: number, json: unknown): ApiError {
  const error = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : 'http_error';
  const message = typeof error?.message === 'string' ? error.message : `The server answered ${status}.`;
  return new ApiError(status, code, message);
}

export const api = {
  login: (email: string, password: string) =>
    request<LoginResponse>('/api/auth/login', { method: 'POST', body: { email, password } }),
  me: (token: string) => request<MeResponse>('/api/me', { token }),
  listInvoices: (token: string) => request<InvoiceListResponse>('/api/invoices', { token }),
  getInvoice: (token: string, id: string) =>
    request<{ invoice: InvoiceSummary }>(`/api/invoices/${encodeURIComponent(id)}`, { token }),
  createInvoice: (token: string, templateId?: string) =>
    request<CreateInvoiceResponse>('/api/invoices', {
      method: 'POST',
      body: templateId ? { templateId } : {},
      token,
    }),
  templates: (token: string, orgId: string) =>
    request<{ templates: { id: string; name: string }[] }>(
      `/api/orgs/${encodeURIComponent(orgId)}/templates`,
      { token },
    ),
  invoiceActions: (token: string, id: string) =>
    request<{ actions: AvailableAction[] }>(`/api/invoices/${encodeURIComponent(id)}/actions`, { token }),
  performAction: (token: string, id: string, action: WorkflowAction, input: ActionInput) =>
    request<ActionResult>(`/api/invoices/${encodeURIComponent(id)}/actions/${action}`, {
      method: 'POST',
      body: input,
      token,
    }),
  orgMembers: (token: string, orgId: string) =>
    request<{ members: { userId: string; email: string; name: string; roles: string[] }[] }>(
      `/api/orgs/${encodeURIComponent(orgId)}/members`,
      { token },
    ),
  queue: (token: string) => request<{ items: QueueItem[] }>('/api/queue', { token }),
  notifications: (token: string) => request<NotificationListResponse>('/api/notifications', { token }),
  markNotificationRead: (token: string, id: string) =>
    request<{ notification: Notification; unread: number }>(
      `/api/notifications/${encodeURIComponent(id)}/read`,
      { method: 'POST', body: {}, token },
    ),
  markAllNotificationsRead: (token: string) =>
    request<{ marked: number; unread: number }>('/api/notifications/read-all', {
      method: 'POST',
      body: {},
      token,
    }),
};
