import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '@contract/index';
import { newDraft, type Draft, type DraftAttachment } from './draft';
import {
  LEGACY_DRAFT_KEY,
  LEGACY_DRAFTS,
  LEGACY_FILES,
  LEGACY_LOCAL_STORAGE_KEY,
  LOCAL_DRAFTS_DB,
  LOCAL_STORAGE_DRAFTS_KEY,
  clearLocalDrafts,
} from '@web/lib/local-drafts';
import {
  createLocalStorageDraftBuffer,
  MAX_LOCAL_ATTACHMENT_CHARS,
  openDraftBuffer,
  ownedDraftBuffer,
} from './draft-store';

/** A Storage over a Map, with an optional quota in characters like a browser's ~5 MB. */
function memoryStorage(quotaChars = Infinity): Storage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => {
      if (v.length > quotaChars) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      map.set(k, v);
    },
  };
}

function fileAttachment(id: string, bytes: Uint8Array, patch: Partial<DraftAttachment> = {}): DraftAttachment {
  return {
    id,
    filename: `${id}.bin`,
    contentType: 'application/octet-stream',
    size: bytes.byteLength,
    content: null,
    readBytes: 0,
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
    ...patch,
  };
}

function bytesOf(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 4096) bytes[i] = (i / 4096 + seed) % 256;
  bytes[size - 1] = seed;
  return bytes;
}

const sameBytes = async (blob: Blob | undefined, bytes: Uint8Array) =>
  Buffer.from(await blob!.arrayBuffer()).equals(Buffer.from(bytes));

const draftWith = (attachments: DraftAttachment[], patch: Partial<Draft> = {}): Draft => ({
  ...newDraft(),
  from: 'info@acme.example',
  to: ['ada@example.com'],
  subject: 'Quarterly files',
  markdown: 'Hello',
  attachments,
  ...patch,
});

describe('IndexedDB draft buffer', () => {
  it('brings back every field and attachments as Blobs up to the 20 MB cap, byte for byte', async () => {
    const factory = new IDBFactory();
    const big = bytesOf(MAX_ATTACHMENT_BYTES - 1024, 7);
    const small = new TextEncoder().encode('id,amount\n1,42\n');
    const draft = draftWith([fileAttachment('big', big), fileAttachment('small', small, { content: 'aWQs' })], {
      cc: ['bob@example.com'],
      scheduledAt: '2030-01-01T10:00',
      headers: [{ id: 'h1', name: 'X-Campaign', value: 'q3' }],
    });

    const store = await openDraftBuffer(factory, memoryStorage());
    expect(store.kind).toBe('indexeddb');
    expect(await store.save(draft)).toEqual({ attachmentsKept: true });

    // A new page: a new connection to the same database.
    const loaded = (await (await openDraftBuffer(factory, memoryStorage())).load(draft.id))!;
    expect({ ...loaded, attachments: [] }).toEqual({ ...draft, attachments: [] });
    expect(loaded.attachments.map((a) => [a.id, a.filename, a.size, a.content, a.readBytes])).toEqual([
      ['big', 'big.bin', big.byteLength, null, 0],
      ['small', 'small.bin', small.byteLength, null, 0],
    ]);
    expect(await sameBytes(loaded.attachments[0]!.blob, big)).toBe(true);
    expect(await sameBytes(loaded.attachments[1]!.blob, small)).toBe(true);
  });

  it('writes each file once, forgets removed files, and remove() drops the draft', async () => {
    const factory = new IDBFactory();
    const store = await openDraftBuffer(factory, memoryStorage());
    const a = fileAttachment('a', bytesOf(1000, 1));
    const b = fileAttachment('b', bytesOf(2000, 2));
    const first = draftWith([a, b]);
    await store.save(first);

    // The same ids with other bytes are not written again: a file's bytes never change under its id.
    const changed = { ...a, blob: new Blob(['not the original']) };
    await store.save({ ...first, attachments: [changed], subject: 'Only one file now' });
    const loaded = (await store.load(first.id))!;
    expect(loaded.subject).toBe('Only one file now');
    expect(loaded.attachments.map((x) => x.id)).toEqual(['a']);
    expect(await sameBytes(loaded.attachments[0]!.blob, bytesOf(1000, 1))).toBe(true);

    await store.remove(first.id);
    expect(await store.load(first.id)).toBeNull();
  });

  it('runs operations in order: a remove() right after a save wins', async () => {
    const store = await openDraftBuffer(new IDBFactory(), memoryStorage());
    const draft = draftWith([fileAttachment('a', bytesOf(500_000, 3))]);
    const saving = store.save(draft);
    const removing = store.remove(draft.id);
    await Promise.all([saving, removing]);
    expect(await store.load(draft.id)).toBeNull();
  });

  it('keeps any number of drafts apart, files included: removing one leaves the others whole', async () => {
    const store = await openDraftBuffer(new IDBFactory(), memoryStorage());
    const writing = draftWith([fileAttachment('same-id', bytesOf(100, 1))], { subject: 'Being written' });
    const reply = draftWith([fileAttachment('same-id', bytesOf(200, 2))], { subject: 'Re: Hello' });
    await store.save(writing);
    await store.save(reply);
    expect((await store.list()).map((d) => d.subject).sort()).toEqual(['Being written', 'Re: Hello']);
    await store.remove(reply.id);
    const kept = (await store.load(writing.id))!;
    expect(kept.subject).toBe('Being written');
    expect(await sameBytes(kept.attachments[0]!.blob, bytesOf(100, 1))).toBe(true);
  });

  it('moves the one-slot draft of version 1 (and its files) into the keyed stores on upgrade', async () => {
    const factory = new IDBFactory();
    const old = draftWith([], { subject: 'Written before the upgrade' });
    const oldMeta = { id: 'f1', filename: 'f1.bin', contentType: 'application/octet-stream', size: 10 };
    await new Promise<void>((resolve, reject) => {
      const open = factory.open(LOCAL_DRAFTS_DB, 1);
      open.onupgradeneeded = () => {
        open.result.createObjectStore(LEGACY_DRAFTS);
        open.result.createObjectStore(LEGACY_FILES);
      };
      open.onsuccess = () => {
        const tx = open.result.transaction([LEGACY_DRAFTS, LEGACY_FILES], 'readwrite');
        tx.objectStore(LEGACY_DRAFTS).put({ ...old, attachments: [oldMeta] }, LEGACY_DRAFT_KEY);
        tx.objectStore(LEGACY_FILES).put({ blob: new Blob([bytesOf(10, 4) as Uint8Array<ArrayBuffer>]) }, 'f1');
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    const store = await openDraftBuffer(factory, memoryStorage());
    const moved = (await store.load(old.id))!;
    expect(moved.subject).toBe('Written before the upgrade');
    expect(await sameBytes(moved.attachments[0]!.blob, bytesOf(10, 4))).toBe(true);
  });

  it('sign-out forgets every buffered draft', async () => {
    const factory = new IDBFactory();
    const storage = memoryStorage();
    const store = await openDraftBuffer(factory, storage);
    await store.save(draftWith([fileAttachment('a', bytesOf(10, 1))]));
    await store.save(draftWith([]));
    await clearLocalDrafts(factory, storage);
    expect(await (await openDraftBuffer(factory, storage)).list()).toEqual([]);
  });

  it('shows a user only their own drafts and deletes other users’ unread (shared browser)', async () => {
    const base = await openDraftBuffer(new IDBFactory(), memoryStorage());
    const alice = ownedDraftBuffer(base, 'alice');
    const bob = ownedDraftBuffer(base, 'bob');
    const mine = draftWith([], { subject: 'Alice’s numbers' });
    await alice.save(mine);
    await bob.save(draftWith([], { subject: 'Salary review' }));
    expect((await alice.list()).map((d) => d.subject)).toEqual(['Alice’s numbers']);
    expect(await bob.load(mine.id)).toBeNull();
    expect(await base.load(mine.id)).toBeNull();
    expect(await bob.list()).toEqual([]);
  });

  it('skips files that failed to read and reports them as not kept', async () => {
    const store = await openDraftBuffer(new IDBFactory(), memoryStorage());
    const broken: DraftAttachment = { ...fileAttachment('x', bytesOf(10, 1)), error: 'This file could not be read' };
    const pending: DraftAttachment = { ...fileAttachment('y', bytesOf(10, 1)), blob: undefined };
    expect(await store.save(draftWith([broken, pending, fileAttachment('z', bytesOf(10, 2))]))).toEqual({
      attachmentsKept: false,
    });
    const saved = (await store.list())[0]!;
    expect((await store.load(saved.id))!.attachments.map((a) => a.id)).toEqual(['z']);
  });

  it('takes over a draft saved by the one-slot localStorage version once', async () => {
    const storage = memoryStorage();
    const old = draftWith([], { subject: 'Written before the upgrade' });
    storage.setItem(LEGACY_LOCAL_STORAGE_KEY, JSON.stringify(old));
    const store = await openDraftBuffer(new IDBFactory(), storage);
    expect((await store.load(old.id))?.subject).toBe('Written before the upgrade');
    expect(storage.getItem(LEGACY_LOCAL_STORAGE_KEY)).toBeNull();
  });
});

describe('localStorage fallback', () => {
  it('is used when IndexedDB cannot be opened', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const store = await openDraftBuffer(refusing, memoryStorage());
    expect(store.kind).toBe('localstorage');
    expect((await openDraftBuffer(undefined, memoryStorage())).kind).toBe('localstorage');
  });

  it('keeps small attachments as base64 and drops large ones (~5 MB quota), keeping the fields', async () => {
    const storage = memoryStorage(5 * 1024 * 1024);
    const store = createLocalStorageDraftBuffer(storage);
    const small = fileAttachment('s', bytesOf(30, 1), { content: 'AAAA', readBytes: 30 });
    const draft = draftWith([small]);
    expect(await store.save(draft)).toEqual({ attachmentsKept: true });
    const loaded = (await store.load(draft.id))!;
    expect(loaded.attachments).toEqual([{ ...small, blob: undefined }].map(({ blob: _b, ...a }) => a));

    const large = fileAttachment('l', bytesOf(10, 1), { content: 'A'.repeat(MAX_LOCAL_ATTACHMENT_CHARS + 4) });
    expect(await store.save({ ...draft, attachments: [small, large], subject: 'Too big' })).toEqual({
      attachmentsKept: false,
    });
    const again = (await store.load(draft.id))!;
    expect(again.subject).toBe('Too big');
    expect(again.attachments).toEqual([]);
  });

  it('ignores what is not a draft', async () => {
    const storage = memoryStorage();
    storage.setItem(LOCAL_STORAGE_DRAFTS_KEY, '{"x":{"hello":1}}');
    expect(await createLocalStorageDraftBuffer(storage).list()).toEqual([]);
    expect(await createLocalStorageDraftBuffer(storage).load('x')).toBeNull();
    storage.setItem(LOCAL_STORAGE_DRAFTS_KEY, 'not json');
    expect(await createLocalStorageDraftBuffer(storage).list()).toEqual([]);
  });
});
