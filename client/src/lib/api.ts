import type {
  CreateInvoiceResponse,
  InvoiceListResponse,
  InvoiceSummary,
  LoginResponse,
  MeResponse,
} from '@cofacture/shared';

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

async function request<T>(path: string, { method = 'GET', body, token }: RequestOptions = {}): Promise<T> {
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
  createInvoice: (token: string) =>
    request<CreateInvoiceResponse>('/api/invoices', { method: 'POST', body: {}, token }),
};
