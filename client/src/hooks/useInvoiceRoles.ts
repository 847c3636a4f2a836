import type { Role } from '@cofacture/shared';
import { useEffect, useState } from 'react';
import { api } from '../lib/api.ts';

/**
 * The person's roles in the organisation that owns the invoice, or null while unknown. The UI
 * uses them with the shared rights table to disable what the server's guard would refuse.
 */
export function useInvoiceRoles(invoiceId: string, token: string): Role[] | null {
  const [roles, setRoles] = useState<Role[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    Promise.all([api.me(token), api.getInvoice(token, invoiceId)]).then(
      ([me, { invoice }]) => {
        if (!cancelled) setRoles(me.orgs.find((org) => org.orgId === invoice.orgId)?.roles ?? []);
      },
      // Unknown roles leave the decision to the connection's scope and the guard.
      () => {},
    );
    return () => {
      cancelled = true;
    };
  }, [invoiceId, token]);
  return roles;
}
