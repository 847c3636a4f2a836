import type { StateResponse } from '@cofacture/shared/audit/index.ts';
import { auditApi } from '../lib/auditApi.ts';
import { type Loaded, useLoader } from './useLoader.ts';

/** The invoice as it was right after log row `seq` (null: none chosen yet). */
export function useAuditState(invoiceId: string, token: string, seq: number | null): Loaded<StateResponse> {
  return useLoader(seq === null ? null : `${invoiceId}@${seq}`, () =>
    auditApi.state(token, invoiceId, seq ?? 0),
  );
}
