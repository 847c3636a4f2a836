import { invoiceIdFromDocName, isReadOnlyRoleSet } from '@cofacture/shared';
import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import type { Directory } from '../../services/Directory.ts';
import { AppError } from '../../services/errors.ts';
import type { InvoiceIndex } from '../../services/InvoiceIndex.ts';
import type { Tokens } from '../../services/tokens.ts';
import { type ConnectionContext, ConnectionRefused } from '../context.ts';

/**
 * JWT → user → membership of the invoice's organisation. A token only opens documents of the
 * user's organisations; roles that never edit content get a read-only connection.
 */
export class AuthExtension implements Extension {
  priority = 1000;
  extensionName = 'cofacture-auth';

  constructor(
    private readonly tokens: Tokens,
    private readonly directory: Directory,
    private readonly index: InvoiceIndex,
  ) {}

  async onAuthenticate({
    token,
    documentName,
    connectionConfig,
  }: onAuthenticatePayload): Promise<ConnectionContext> {
    const invoiceId = invoiceIdFromDocName(documentName);
    if (!invoiceId)
      throw new ConnectionRefused(`"${documentName.slice(0, 80)}" is not an invoice document name.`);
    let userId: string;
    try {
      userId = this.tokens.verify(token).sub;
    } catch (error) {
      throw new ConnectionRefused(error instanceof AppError ? error.message : 'The access token is invalid.');
    }
    const user = this.directory.user(userId);
    if (!user) throw new ConnectionRefused('This account no longer exists.');
    const orgId = this.index.orgOf(invoiceId);
    const roles = orgId ? this.directory.rolesIn(orgId, user.id) : null;
    // Same answer for "no such invoice" and "not your organisation's": ids are not an oracle.
    if (!orgId || !roles || roles.length === 0)
      throw new ConnectionRefused('No such invoice in your organisations.');
    connectionConfig.readOnly = isReadOnlyRoleSet(roles);
    return { user, orgId, invoiceId, roles };
  }
}
