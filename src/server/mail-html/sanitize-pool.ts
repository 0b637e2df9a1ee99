import { Worker } from 'node:worker_threads';
import type { SanitizedEmailDocument } from './sanitize-email';

/**
 * Email HTML is sanitised in worker threads with a time budget, never on the event loop: jsdom and DOMPurify are
 * super-linear on some shapes of HTML (deep nesting, huge flat documents), and a single hostile mail opened in the
 * reader held every other request of the BFF for tens of seconds. html-complexity.ts turns most such mails away
 * before they get here; this is the backstop for what a linear scan cannot predict. A job past its budget has its
 * worker terminated (and replaced on the next job), and the caller shows the text instead.
 */
export interface SanitizeJob {
  id: number;
  html: string;
  allowRemote: boolean;
  selfOrigin?: string;
  /** content id → the console's URL of that inline part (functions cannot cross to a worker). */
  cids: [string, string][];
}

export type SanitizeReply =
  { id: number; ok: true; result: SanitizedEmailDocument } | { id: number; ok: false; error: string };

export interface SanitizePoolOptions {
  /** Worker threads; default 2 (the machines this runs on have a few cores, and reading mail is bursty). */
  size?: number;
  /** How long one job may run once a worker has it; default 10 s. */
  timeoutMs?: number;
  /** How long a new worker may take to load the sanitiser (jsdom is slow to load on a busy machine); default 120 s. */
  startTimeoutMs?: number;
  /** How many jobs may wait for a worker; past it a job fails at once; default 64. */
  maxQueue?: number;
}

export class SanitizeUnavailableError extends Error {}

interface Pending {
  job: SanitizeJob;
  resolve: (result: SanitizedEmailDocument) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** The worker has loaded the sanitiser; until then it gets no job, so loading never eats a job's budget. */
  ready: boolean;
  startTimer?: NodeJS.Timeout;
  busy?: { pending: Pending; timer: NodeJS.Timeout };
}

const WORKER_URL = new URL('./sanitize-worker.mjs', import.meta.url);

export function createSanitizePool(options: SanitizePoolOptions = {}) {
  const size = options.size ?? 2;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxQueue = options.maxQueue ?? 64;
  const startTimeoutMs = options.startTimeoutMs ?? 120_000;
  const slots: (Slot | undefined)[] = Array.from({ length: size }, () => undefined);
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  const finish = (slot: Slot, outcome: { result?: SanitizedEmailDocument; error?: Error }) => {
    const busy = slot.busy;
    if (!busy) return;
    clearTimeout(busy.timer);
    slot.busy = undefined;
    if (outcome.error) busy.pending.reject(outcome.error);
    else busy.pending.resolve(outcome.result!);
  };

  const retire = (index: number, error: Error) => {
    const slot = slots[index];
    if (!slot) return;
    slots[index] = undefined;
    clearTimeout(slot.startTimer);
    // A worker that never became ready had no job: fail the oldest waiting one, so a sanitiser that cannot load
    // answers every request in turn instead of leaving them all waiting.
    if (!slot.ready && !slot.busy) queue.shift()?.reject(error);
    finish(slot, { error });
    void slot.worker.terminate();
  };

  const spawn = (index: number): Slot => {
    const worker = new Worker(WORKER_URL);
    // A worker waiting for work must not keep the process alive.
    worker.unref();
    const slot: Slot = { worker, ready: false };
    slot.startTimer = setTimeout(() => {
      retire(index, new SanitizeUnavailableError(`the sanitiser did not start within ${startTimeoutMs} ms`));
      pump();
    }, startTimeoutMs);
    worker.on('message', (reply: SanitizeReply) => {
      if ('ready' in reply) {
        clearTimeout(slot.startTimer);
        slot.ready = true;
        pump();
        return;
      }
      if (slot.busy?.pending.job.id !== reply.id) return;
      if (reply.ok) finish(slot, { result: reply.result });
      else finish(slot, { error: new SanitizeUnavailableError(reply.error) });
      pump();
    });
    worker.on('error', (error: unknown) => {
      retire(index, new SanitizeUnavailableError(error instanceof Error ? error.message : String(error)));
      pump();
    });
    worker.on('exit', () => {
      if (slots[index] === slot) retire(index, new SanitizeUnavailableError('the sanitiser stopped'));
      pump();
    });
    slots[index] = slot;
    return slot;
  };

  function pump() {
    if (closed) return;
    for (let index = 0; index < size && queue.length > 0; index++) {
      const slot = slots[index] ?? spawn(index);
      if (!slot.ready || slot.busy) continue;
      const pending = queue.shift()!;
      const timer = setTimeout(() => {
        retire(index, new SanitizeUnavailableError(`sanitising took longer than ${timeoutMs} ms`));
        pump();
      }, timeoutMs);
      slot.busy = { pending, timer };
      slot.worker.postMessage(pending.job);
    }
  }

  return {
    /** Starts every worker now, so the first message opened does not wait for jsdom to load. */
    warm() {
      if (closed) return;
      for (let index = 0; index < size; index++) slots[index] ??= spawn(index);
    },
    sanitize(input: Omit<SanitizeJob, 'id'>): Promise<SanitizedEmailDocument> {
      if (closed) return Promise.reject(new SanitizeUnavailableError('the sanitiser is closed'));
      if (queue.length >= maxQueue) return Promise.reject(new SanitizeUnavailableError('the sanitiser is busy'));
      return new Promise((resolve, reject) => {
        queue.push({ job: { ...input, id: nextId++ }, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(new SanitizeUnavailableError('the sanitiser is closed'));
      await Promise.all(
        slots.map((slot, index) => {
          if (!slot) return undefined;
          slots[index] = undefined;
          clearTimeout(slot.startTimer);
          finish(slot, { error: new SanitizeUnavailableError('the sanitiser is closed') });
          return slot.worker.terminate();
        }),
      );
    },
  };
}

export type SanitizePool = ReturnType<typeof createSanitizePool>;
