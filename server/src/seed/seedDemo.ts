import type { Directory } from '../services/Directory.ts';
import type { InvoiceService } from '../services/InvoiceService.ts';
import type { TemplateService } from '../services/templates/TemplateService.ts';
import { DEMO_INVOICES, DEMO_ORG, DEMO_PASSWORD, DEMO_TEMPLATE, DEMO_USERS } from './demoData.ts';

/** Seeds the demo organisation on a first start with an empty database. */
export async function seedDemo(
  directory: Directory,
  invoices: InvoiceService,
  templates: TemplateService,
): Promise<boolean> {
  if (!directory.isEmpty()) return false;
  const org = directory.createOrg(DEMO_ORG);
  const users = await Promise.all(
    DEMO_USERS.map(async (u) => ({
      ...u,
      id: (await directory.createUser({ ...u, password: DEMO_PASSWORD })).id,
    })),
  );
  for (const u of users) directory.setRoles(org.id, u.id, u.roles);
  const alice = users.find((u) => u.roles.includes('preparer'));
  for (const init of DEMO_INVOICES) invoices.create(org.id, alice?.id ?? users[0]!.id, init);
  templates.create(org.id, alice?.id ?? users[0]!.id, DEMO_TEMPLATE);
  return true;
}

export function demoBanner(url: string): string {
  const rows = DEMO_USERS.map((u) => `  ${u.email.padEnd(18)} ${u.roles.join(', ')}`).join('\n');
  return `Demo organisation "${DEMO_ORG}" — every password is ${DEMO_PASSWORD}\n${rows}\nOpen ${url} in two browsers, sign in as two people, open the same invoice.`;
}
