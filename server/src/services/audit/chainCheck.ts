import {
  type ChainBreakReason,
  type ChainVerification,
  GENESIS_HASH,
} from '@cofacture/shared/audit/index.ts';
import { chainHash } from '../../store/hash.ts';

export interface ChainInputRow {
  seq: number;
  at: number;
  userId: string;
  update: Uint8Array;
  prevHash: string;
  hash: string;
}

/**
 * Recomputes one document's chain row by row (`shared/src/audit/chain.ts` layout), so any number
 * of rows is checked in constant memory. Stops at the first row that does not check out: that is
 * the row to name, whatever follows it.
 */
export class ChainCheck {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private checked = 0;
  private head: ChainVerification['head'] = null;
  private firstBad: ChainVerification['firstBad'] = null;

  constructor(readonly doc: string) {}

  get broken(): boolean {
    return this.firstBad !== null;
  }

  /** The seq of the next row to read (the last checked one + 1). */
  get nextSeq(): number {
    return this.expectedSeq;
  }

  push(row: ChainInputRow): void {
    if (this.firstBad) return;
    this.head = { seq: row.seq, hash: row.hash };
    if (row.seq !== this.expectedSeq) {
      const missing = row.seq > this.expectedSeq;
      this.fail(
        missing ? this.expectedSeq : row.seq,
        'seq gap (row missing)',
        missing
          ? `expected seq ${this.expectedSeq}, the next row is seq ${row.seq}`
          : `seq ${row.seq} follows seq ${this.expectedSeq - 1}`,
      );
      return;
    }
    if (row.prevHash !== this.prevHash) {
      const what = row.seq === 1 ? 'the genesis hash' : `row ${row.seq - 1}'s hash ${short(this.prevHash)}`;
      this.fail(row.seq, 'prev_hash does not link', `prev_hash is ${short(row.prevHash)}, not ${what}`);
      return;
    }
    let computed: string;
    try {
      computed = chainHash({ ...row, doc: this.doc });
    } catch (error) {
      this.fail(row.seq, 'malformed row', error instanceof Error ? error.message : String(error));
      return;
    }
    if (computed !== row.hash) {
      this.fail(row.seq, 'hash mismatch', `stored ${short(row.hash)}, recomputed ${short(computed)}`);
      return;
    }
    this.checked++;
    this.prevHash = row.hash;
    this.expectedSeq++;
  }

  /**
   * `knownSeq`: the highest seq something else (a snapshot, the audit watermark) says the log
   * reached. Rows cut off the end leave a chain that links, so only this can tell.
   */
  finish(knownSeq = 0): ChainVerification {
    const last = this.expectedSeq - 1;
    if (!this.firstBad && knownSeq > last)
      this.fail(last + 1, 'log truncated', `the log ends at seq ${last}, but seq ${knownSeq} was recorded`);
    return {
      ok: this.firstBad === null,
      doc: this.doc,
      checked: this.checked,
      head: this.head,
      firstBad: this.firstBad,
    };
  }

  private fail(seq: number, reason: ChainBreakReason, detail: string): void {
    this.firstBad = { seq, reason, detail };
  }
}

function short(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : JSON.stringify(hash);
}
