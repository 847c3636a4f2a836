import { useEffect, useState } from 'react';
import { api } from '../lib/api.ts';
import type { Mentionable } from '../lib/mentionInput.ts';

/** The members of the invoice's organisation, for @-mentions (empty until loaded). */
export function useOrgMembers(invoiceId: string, token: string): readonly Mentionable[] {
  const [members, setMembers] = useState<readonly Mentionable[]>([]);
  useEffect(() => {
    let cancelled = false;
    api
      .getInvoice(token, invoiceId)
      .then(({ invoice }) => api.orgMembers(token, invoice.orgId))
      .then(
        ({ members: list }) => {
          if (!cancelled) setMembers(list.map(({ userId, name, email }) => ({ userId, name, email })));
        },
        () => {},
      );
    return () => {
      cancelled = true;
    };
  }, [invoiceId, token]);
  return members;
}
