import { z } from 'zod';
import { isDecimalString } from './money/index.ts';
import { ROLES } from './roles.ts';
import { INVOICE_KINDS } from './workflow.ts';
import type { ApprovalLevel } from './workflowRules.ts';

/**
 * Validation of the approval-levels setting, apart from the rules themselves so that code
 * using only the rules (the web client) does not bundle zod.
 */
export const ApprovalLevelSchema: z.ZodType<ApprovalLevel> = z.object({
  above: z.string().refine(isDecimalString, 'must be a decimal amount like "10000.00"'),
  approvals: z.number().int().min(1).max(5),
  roles: z.array(z.enum(ROLES)).min(1).optional(),
  kind: z.enum(INVOICE_KINDS).optional(),
});

export const ApprovalLevels = z.array(ApprovalLevelSchema).min(1).max(20);
