import { z } from 'zod';

/** The error body every route may answer with (see platform/errors/error-handler.ts). */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.object({ zh: z.string(), en: z.string() }),
      fields: z
        .array(
          z.object({
            field: z.string(),
            reason: z.object({ zh: z.string(), en: z.string() }),
            ruleId: z.string().optional(),
            earliestDate: z.string().optional(),
          }),
        )
        .optional(),
      requestId: z.string(),
    }),
  })
  .meta({ id: 'Error' });

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 423 | 429;

/** Response schemas for the error statuses a route documents. */
export function errorResponses(...statuses: ErrorStatus[]): Record<number, typeof errorSchema> {
  return Object.fromEntries(statuses.map((s) => [s, errorSchema]));
}
