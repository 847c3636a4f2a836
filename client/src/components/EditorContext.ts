import type { PresenceUser } from '@cofacture/shared';
import { createContext } from 'react';
import type { InvoiceConnection } from '../lib/invoiceConnection.ts';
import type { Peer } from '../lib/presence.ts';
import type { UndoRedo } from '../lib/undo.ts';

/** What every field of the open invoice needs: the live document, who is where, and rights. */
export interface EditorContextValue {
  readonly connection: InvoiceConnection;
  readonly me: PresenceUser;
  readonly readOnly: boolean;
  /** Other people by the field path they are in. */
  readonly peersByField: ReadonlyMap<string, readonly Peer[]>;
  readonly history: UndoRedo;
}

export const EditorContext = createContext<EditorContextValue | null>(null);
