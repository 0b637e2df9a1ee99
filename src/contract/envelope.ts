import { z } from 'zod';

/**
 * Every Sentroy answer is `{data, error}`. Success carries `data` (the platform omits `error`);
 * failure carries `data: null` and a human-readable `error` (sentroy-contract.md section 2).
 */
export const errorEnvelopeSchema = z.object({
  data: z.null(),
  error: z.string(),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

export function successEnvelopeSchema<T extends z.ZodType>(data: T) {
  return z.object({ data, error: z.undefined().optional() });
}

export function envelopeSchema<T extends z.ZodType>(data: T) {
  return z.union([successEnvelopeSchema(data), errorEnvelopeSchema]);
}

export type SuccessEnvelope<T> = { data: T; error?: undefined };
export type Envelope<T> = SuccessEnvelope<T> | ErrorEnvelope;

/** `{message}` is what the platform answers for inbox actions (read, unread, move, delete). */
export const actionResultSchema = z.object({ message: z.string() });
export type ActionResult = z.infer<typeof actionResultSchema>;
