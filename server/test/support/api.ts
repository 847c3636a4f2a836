import type { InvoiceSummary, LoginResponse } from '@cofacture/shared';

export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
}

export async function api<T = unknown>(
  baseUrl: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown; rawBody?: string } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const payload = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method: init.method ?? 'GET', headers, body: payload });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function login(baseUrl: string, email: string, password = 'cofacture-demo'): Promise<string> {
  const response = await api<LoginResponse>(baseUrl, '/api/auth/login', {
    method: 'POST',
    body: { email, password },
  });
  if (response.status !== 200) throw new Error(`login ${email} failed: ${JSON.stringify(response.body)}`);
  return response.body.token;
}

export async function listInvoices(baseUrl: string, token: string, query = ''): Promise<InvoiceSummary[]> {
  const response = await api<{ invoices: InvoiceSummary[] }>(baseUrl, `/api/invoices${query}`, { token });
  return response.body.invoices;
}

export async function createInvoice(baseUrl: string, token: string, body: unknown = {}): Promise<string> {
  const response = await api<{ id: string }>(baseUrl, '/api/invoices', { method: 'POST', token, body });
  if (response.status !== 201) throw new Error(`create failed: ${JSON.stringify(response.body)}`);
  return response.body.id;
}
