import type { PresenceUser } from '@cofacture/shared';
import { initials, type Peer, uniqueUsers } from '../lib/presence.ts';

/** Avatars of everyone in the invoice, you first. */
export function PresenceBar({ me, peers }: { me: PresenceUser; peers: readonly Peer[] }) {
  const others = uniqueUsers(peers).filter((user) => user.id !== me.id);
  return (
    <ul className="presence" aria-label="People in this invoice">
      <Avatar user={me} you />
      {others.map((user) => (
        <Avatar key={user.id} user={user} />
      ))}
    </ul>
  );
}

function Avatar({ user, you = false }: { user: PresenceUser; you?: boolean }) {
  const label = you ? `${user.name} (you)` : user.name;
  return (
    <li
      className="avatar"
      style={{ background: user.color }}
      title={label}
      aria-label={label}
      data-user-id={user.id}
    >
      <span aria-hidden>{initials(user.name)}</span>
    </li>
  );
}
