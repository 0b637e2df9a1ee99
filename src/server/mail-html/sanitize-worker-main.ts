import { parentPort } from 'node:worker_threads';
import type { SanitizeJob, SanitizeReply } from './sanitize-pool';
import { sanitizeEmailDocument } from './sanitize-email';

/** One job at a time from the pool (sanitize-pool.ts); a thrown error or a null result is an answer, not a crash. */
parentPort?.on('message', (job: SanitizeJob) => {
  let reply: SanitizeReply;
  try {
    const cids = new Map(job.cids);
    const result = sanitizeEmailDocument(job.html, {
      allowRemote: job.allowRemote,
      selfOrigin: job.selfOrigin,
      resolveCid: (contentId) => cids.get(contentId),
    });
    reply = { id: job.id, ok: true, result };
  } catch (error) {
    reply = { id: job.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});

// Loaded (jsdom, DOMPurify, css-tree): the pool starts a job's time budget only from here.
parentPort?.postMessage({ ready: true });
