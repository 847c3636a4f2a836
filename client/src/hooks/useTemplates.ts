import { useEffect, useState } from 'react';
import { api } from '../lib/api.ts';

export interface TemplateChoice {
  id: string;
  name: string;
}

/** The invoice templates of the person's organisations, to start a new invoice from. */
export function useTemplates(token: string, orgIds: readonly string[]): TemplateChoice[] {
  const [templates, setTemplates] = useState<TemplateChoice[]>([]);
  const key = orgIds.join(',');
  useEffect(() => {
    let cancelled = false;
    const ids = key ? key.split(',') : [];
    Promise.all(ids.map((orgId) => api.templates(token, orgId).then((r) => r.templates))).then(
      (lists) => {
        if (!cancelled) setTemplates(lists.flat().map(({ id, name }) => ({ id, name })));
      },
      () => {},
    );
    return () => {
      cancelled = true;
    };
  }, [token, key]);
  return templates;
}
