import { createHash } from 'node:crypto';
import { type ChainRow, chainPayload } from '@cofacture/shared';

export function chainHash(row: ChainRow): string {
  return createHash('sha256').update(chainPayload(row)).digest('hex');
}
