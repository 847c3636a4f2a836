import type { PresenceUser } from '@cofacture/shared';
import { createContext } from 'react';
import type { AccessFacts } from '../lib/fieldAccess.ts';
import type { InvoiceConnection } from '../lib/invoiceConnection.ts';
import type { LockRequests } from '../lib/lockRequests.ts';
import type { Peer } from '../lib/presence.ts';
import type { UndoRedo } from '../lib/undo.ts';

/** What every field of the open invoice needs: the live document, who is where, and rights. */
export interface EditorContextValue {
  readonly connection: InvoiceConnection;
  readonly me: PresenceUser;
  /** Nothing of the content may be changed by this person now (role, state, connection). */
  readonly readOnly: boolean;
  /** What decides each field: rights, workflow state, locks (see fieldAccess.ts). */
  readonly facts: AccessFacts;
  readonly locks: LockRequests;
  /** The connection is up: lock requests can be sent. */
  readonly online: boolean;
  /** Mandatory mentions still missing, by the path of the field they belong under. */
  readonly mentions: ReadonlyMap<string, readonly string[]>;
  /** Other people by the field path they are in. */
  readonly peersByField: ReadonlyMap<string, readonly Peer[]>;
  readonly history: UndoRedo;
}

export const EditorContext = createContext<EditorContextValue | null>(null);
