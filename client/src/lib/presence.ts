import { type PresenceState, type PresenceUser, type PublicUser, parsePresence } from '@cofacture/shared';

/** The part of y-protocols' Awareness this module needs (the provider's instance is passed in). */
export interface AwarenessLike {
  readonly clientID: number;
  getLocalState(): Record<string, unknown> | null;
  setLocalStateField(field: string, value: unknown): void;
  getStates(): Map<number, Record<string, unknown>>;
  on(event: 'change' | 'update', handler: () => void): void;
  off(event: 'change' | 'update', handler: () => void): void;
}

export interface Peer extends PresenceState {
  readonly clientId: number;
}

// White text stays readable on each; none is the red of error messages.
const PALETTE = [
  '#1f6fb4',
  '#2a8a2a',
  '#7b4bb7',
  '#8c564b',
  '#c2398f',
  '#0f8a99',
  '#b36b00',
  '#4b5cc4',
  '#5f7d1a',
  '#a0441f',
  '#2f7f6f',
  '#6d6d8a',
];

/** A stable colour per person, the same on every screen. */
export function colorForUser(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? '#1f77b4';
}

export function presenceUser(user: PublicUser): PresenceUser {
  return { id: user.id, name: user.name, color: colorForUser(user.id) };
}

export function publishPresence(awareness: AwarenessLike, user: PresenceUser): void {
  awareness.setLocalStateField('user', user);
  awareness.setLocalStateField('focus', null);
}

export function publishFocus(awareness: AwarenessLike, path: string | null): void {
  if (awareness.getLocalState()?.focus === path) return;
  awareness.setLocalStateField('focus', path);
}

/** Everyone else in the invoice, in a stable order; malformed states are ignored. */
export function readPeers(awareness: AwarenessLike): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const presence = parsePresence(state);
    if (presence) peers.push({ clientId, ...presence });
  }
  return peers.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
}

/** One avatar per person, however many tabs they have open. */
export function uniqueUsers(peers: readonly Peer[]): PresenceUser[] {
  const byId = new Map<string, PresenceUser>();
  for (const peer of peers) if (!byId.has(peer.user.id)) byId.set(peer.user.id, peer.user);
  return [...byId.values()];
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [parts[0] ?? '?'];
  return letters.map((part) => (part ?? '').charAt(0).toLocaleUpperCase()).join('');
}
