import type { ChainVerification } from '@cofacture/shared/audit/index.ts';
import { auditApi } from '../lib/auditApi.ts';
import { type Loaded, useLoader } from './useLoader.ts';

/** The hash chain's integrity, checked by the server (`enabled` false for people who may not). */
export function useChainVerification(
  invoiceId: string,
  token: string,
  enabled: boolean,
): Loaded<ChainVerification> & { reload(): void } {
  return useLoader(enabled ? invoiceId : null, () => auditApi.verify(token, invoiceId));
}
