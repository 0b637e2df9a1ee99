import { afterAll, describe, expect, it } from 'vitest';
import { createSanitizePool, SanitizeUnavailableError, type SanitizePool } from './sanitize-pool';

const pools: SanitizePool[] = [];
const pool = (options: Parameters<typeof createSanitizePool>[0]) => {
  const created = createSanitizePool(options);
  pools.push(created);
  return created;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

const job = (html: string) => ({ html, allowRemote: false, cids: [['logo@acme', '/api/part'] as [string, string]] });

// Starting a worker loads jsdom through tsx: seconds on a quiet machine, far more while other work loads it.
describe('the sanitiser pool (worker threads)', { timeout: 180_000 }, () => {
  it('sanitises in a worker, with the cid map carried across', async () => {
    const workers = pool({ size: 1 });
    const result = await workers.sanitize(
      job('<body><script>alert(1)</script><img src="http://remote.test/x.png"><img src="cid:logo@acme"></body>'),
    );
    expect(result.html).not.toContain('<script');
    expect(result.html).not.toContain('remote.test');
    expect(result.html).toContain('src="/api/part"');
    expect(result.blockedRemote).toBe(1);
  });

  it('gives up on a job past its budget, terminates that worker and serves the next job with a new one', async () => {
    // A budget no job can meet, so the timeout path runs every time.
    const workers = pool({ size: 1, timeoutMs: 0 });
    await expect(workers.sanitize(job('<p>slow</p>'))).rejects.toBeInstanceOf(SanitizeUnavailableError);
    await expect(workers.sanitize(job('<p>again</p>'))).rejects.toThrow(/longer than 0 ms/);
  });

  it('fails waiting jobs in turn when a worker cannot start', async () => {
    const workers = pool({ size: 1, startTimeoutMs: 0 });
    await expect(workers.sanitize(job('<p>1</p>'))).rejects.toThrow(/did not start/);
  });

  it('refuses at once when its queue is full, and after it is closed', async () => {
    // Calls made in one go all wait while the worker starts, so the third finds the queue of two full.
    const workers = pool({ size: 1, maxQueue: 2 });
    const first = workers.sanitize(job('<p>1</p>'));
    const second = workers.sanitize(job('<p>2</p>'));
    await expect(workers.sanitize(job('<p>3</p>'))).rejects.toThrow(/busy/);
    await expect(first).resolves.toMatchObject({ blockedRemote: 0 });
    await expect(second).resolves.toMatchObject({ blockedRemote: 0 });
    await workers.close();
    await expect(workers.sanitize(job('<p>4</p>'))).rejects.toThrow(/closed/);
  });
});
