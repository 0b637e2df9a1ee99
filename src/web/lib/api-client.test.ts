import { z } from 'zod';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiClient, isUnauthorized } from './api-client';
import { fail, mockApi, ok } from '@web/testing/mock-api';

afterEach(() => vi.unstubAllGlobals());

describe('apiClient', () => {
  it('returns the envelope data', async () => {
    mockApi({ 'GET /api/domains': () => ok([{ id: 'a' }]) });
    await expect(apiClient.get('/api/domains')).resolves.toEqual([{ id: 'a' }]);
  });

  it('throws an ApiError with the status and the envelope message', async () => {
    mockApi({ 'POST /auth/login': () => fail(401, 'Email or password is incorrect') });
    const error = await apiClient.post('/auth/login', { email: 'a@b.c', password: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, message: 'Email or password is incorrect' });
    expect(isUnauthorized(error)).toBe(true);
  });

  it('falls back to a readable message when the error body is not an envelope', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad Gateway</html>', { status: 502 })),
    );
    await expect(apiClient.get('/api/domains')).rejects.toMatchObject({
      status: 502,
      message: 'The server had a problem. Please try again.',
    });
  });

  it('reports an unreachable server as status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('fetch failed'))),
    );
    await expect(apiClient.get('/auth/me')).rejects.toMatchObject({ status: 0 });
  });

  it('treats a 200 carrying an error envelope as a failure', async () => {
    mockApi({ 'GET /api/domains': () => ({ status: 200, body: { data: null, error: 'Upstream said no' } }) });
    await expect(apiClient.get('/api/domains')).rejects.toMatchObject({ status: 200, message: 'Upstream said no' });
  });

  it('parses data with the contract schema and rejects a drifting shape', async () => {
    const schema = z.object({ count: z.number() });
    mockApi({
      'GET /good': () => ok({ count: 3 }),
      'GET /bad': () => ok({ count: 'three' }),
    });
    await expect(apiClient.get('/good', { schema })).resolves.toEqual({ count: 3 });
    await expect(apiClient.get('/bad', { schema })).rejects.toMatchObject({
      message: 'The server sent data in an unexpected shape.',
    });
  });

  it('sends JSON with a Content-Type on POST and adds query parameters', async () => {
    const { fetchMock } = mockApi({
      'POST /auth/logout': () => ok({ message: 'Signed out' }),
      'GET /api/inbox': () => ok([]),
    });
    await apiClient.post('/auth/logout');
    await apiClient.get('/api/inbox', { query: { mailbox: 'a@acme.example', page: 2, q: undefined } });

    const [, postInit] = fetchMock.mock.calls[0]!;
    expect(postInit?.headers).toMatchObject({ 'Content-Type': 'application/json' });
    expect(postInit?.body).toBe('{}');
    expect(String(fetchMock.mock.calls[1]![0])).toBe('/api/inbox?mailbox=a%40acme.example&page=2');
  });
});
