import type { HistoryResponse } from '@cofacture/shared/audit/index.ts';
import { auditApi } from '../lib/auditApi.ts';
import { filterQuery, type HistoryFilters, NO_FILTERS } from '../lib/history.ts';
import { type Loaded, useLoader } from './useLoader.ts';

/** Every history entry of the invoice matching `filters` (all pages). */
export function useAuditHistory(
  invoiceId: string,
  token: string,
  filters: HistoryFilters = NO_FILTERS,
): Loaded<HistoryResponse> & { reload(): void } {
  const query = filterQuery(filters);
  return useLoader(`${invoiceId}?${query}`, () => auditApi.allHistory(token, invoiceId, query));
}
