import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-client';
import { createQueryClient, shouldRetry } from './query-client';

function setup() {
  const onUnauthorized = vi.fn();
  const onError = vi.fn();
  return { client: createQueryClient({ onUnauthorized, onError }), onUnauthorized, onError };
}

describe('createQueryClient: the one error path', () => {
  it('sends a 401 to onUnauthorized and nothing to the toasts', async () => {
    const { client, onUnauthorized, onError } = setup();
    await client
      .fetchQuery({ queryKey: ['x'], queryFn: () => Promise.reject(new ApiError(401, 'Not signed in')) })
      .catch(() => undefined);
    expect(onUnauthorized).toHaveBeenCalledOnce();
    expect(onError).not.toHaveBeenCalled();
  });

  it('toasts other failures with their message, for mutations too', async () => {
    const { client, onError } = setup();
    await client
      .fetchQuery({
        queryKey: ['y'],
        queryFn: () => Promise.reject(new ApiError(404, 'Domain not found')),
        retry: false,
      })
      .catch(() => undefined);
    await client
      .getMutationCache()
      .build(client, { mutationFn: () => Promise.reject(new ApiError(400, 'subject is required')) })
      .execute(undefined)
      .catch(() => undefined);
    expect(onError.mock.calls).toEqual([['Domain not found'], ['subject is required']]);
  });

  it('leaves errors alone when the caller handles them (meta.errorHandling = local)', async () => {
    const { client, onUnauthorized, onError } = setup();
    await client
      .fetchQuery({
        queryKey: ['me'],
        queryFn: () => Promise.reject(new ApiError(401, 'Not signed in')),
        meta: { errorHandling: 'local' },
      })
      .catch(() => undefined);
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });
});

describe('shouldRetry', () => {
  it('never retries client errors, retries server and network errors twice', () => {
    expect(shouldRetry(0, new ApiError(404, 'x'))).toBe(false);
    expect(shouldRetry(0, new ApiError(503, 'x'))).toBe(true);
    expect(shouldRetry(1, new ApiError(0, 'x'))).toBe(true);
    expect(shouldRetry(2, new ApiError(0, 'x'))).toBe(false);
  });
});
