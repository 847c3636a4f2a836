import type { DiffResponse } from '@cofacture/shared/audit/index.ts';
import { auditApi } from '../lib/auditApi.ts';
import { type Loaded, useLoader } from './useLoader.ts';

/** Field-level differences between the states at two seqs (null: not asked for). */
export function useAuditDiff(
  invoiceId: string,
  token: string,
  range: { from: number; to: number } | null,
): Loaded<DiffResponse> {
  return useLoader(range === null ? null : `${invoiceId}:${range.from}-${range.to}`, () =>
    auditApi.diff(token, invoiceId, range?.from ?? 0, range?.to ?? 0),
  );
}
