import { describe, expect, it } from 'vitest';
import { idempotencyKeySchema, parseMissingVariables, templatePreviewRequestSchema } from './index';

describe('console dashboard contract', () => {
  it("reads the platform's 422 message into the missing variable names", () => {
    expect(parseMissingVariables('Missing template variables: name, items')).toEqual(['name', 'items']);
    expect(parseMissingVariables('Domain not found or not active')).toBeNull();
  });
  it('accepts UUID idempotency keys and refuses anything that is not a plain token', () => {
    expect(idempotencyKeySchema.safeParse('0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d').success).toBe(true);
    expect(idempotencyKeySchema.safeParse('short').success).toBe(false);
    expect(idempotencyKeySchema.safeParse('has spaces in it').success).toBe(false);
  });
  it('defaults preview variables to none and takes scalars or section rows', () => {
    expect(templatePreviewRequestSchema.parse({})).toEqual({ variables: {} });
    expect(
      templatePreviewRequestSchema.safeParse({ lang: 'tr', variables: { n: 1, items: [{ a: 'x' }] } }).success,
    ).toBe(true);
  });
});
