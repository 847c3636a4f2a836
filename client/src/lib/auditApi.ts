import type {
  ChainVerification,
  DiffResponse,
  HistoryResponse,
  StateResponse,
} from '@cofacture/shared/audit/index.ts';
import { ApiError, request } from './api.ts';
import { fileNameFrom } from './history.ts';

const base = (id: string) => `/api/invoices/${encodeURIComponent(id)}`;

export type ExportFormat = 'csv' | 'json';

/** The audit API (server `http/routes/history.ts`), typed with the shared audit shapes. */
export const auditApi = {
  history: (token: string, id: string, query: URLSearchParams) =>
    request<HistoryResponse>(`${base(id)}/history?${query}`, { token }),
  /** Every page of the history for `query`, in log order. */
  async allHistory(token: string, id: string, query: URLSearchParams): Promise<HistoryResponse> {
    const params = new URLSearchParams(query);
    params.set('limit', '1000');
    let page = await auditApi.history(token, id, params);
    const entries = [...page.entries];
    while (page.next !== null) {
      params.set('after', String(page.next));
      page = await auditApi.history(token, id, params);
      entries.push(...page.entries);
    }
    return { ...page, entries };
  },
  state: (token: string, id: string, at: number) =>
    request<StateResponse>(`${base(id)}/state?at=${at}`, { token }),
  diff: (token: string, id: string, from: number, to: number) =>
    request<DiffResponse>(`${base(id)}/diff?from=${from}&to=${to}`, { token }),
  verify: (token: string, id: string) => request<ChainVerification>(`${base(id)}/verify`, { token }),
  /** Downloads the export with the bearer token and hands it to the browser as a file. */
  async download(token: string, id: string, format: ExportFormat): Promise<string> {
    let response: Response;
    try {
      response = await fetch(`${base(id)}/export?format=${format}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    } catch {
      throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.');
    }
    if (!response.ok) {
      const json = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new ApiError(
        response.status,
        'export_failed',
        json?.error?.message ?? `The server answered ${response.status}.`,
      );
    }
    const name = fileNameFrom(response.headers.get('content-disposition'), `invoice-${id}-audit.${format}`);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return name;
  },
};
