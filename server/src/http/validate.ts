import type { z } from 'zod';
import { AppError } from '../services/errors.ts';

/** Parses request input; the error names each bad field so the caller can fix it. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  throw new AppError('bad_request', `Invalid ${what}: ${problems}.`);
}
