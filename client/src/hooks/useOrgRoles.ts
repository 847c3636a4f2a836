import type { Role } from '@cofacture/shared';
import { useEffect, useState } from 'react';
import { api } from '../lib/api.ts';

/** The person's roles per organisation id (empty while unknown). */
export function useOrgRoles(token: string): ReadonlyMap<string, readonly Role[]> {
  const [roles, setRoles] = useState<ReadonlyMap<string, readonly Role[]>>(new Map());
  useEffect(() => {
    let cancelled = false;
    api.me(token).then(
      (me) => {
        if (!cancelled) setRoles(new Map(me.orgs.map((org) => [org.orgId, org.roles])));
      },
      () => {},
    );
    return () => {
      cancelled = true;
    };
  }, [token]);
  return roles;
}
