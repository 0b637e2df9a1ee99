import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '@contract/index';
import { newDraft, type Draft, type DraftAttachment } from './draft';
import {
  createLocalStorageDraftStore,
  LOCAL_STORAGE_KEY,
  MAX_LOCAL_ATTACHMENT_CHARS,
  openDraftStore,
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

describe('IndexedDB draft store', () => {
  it('brings back every field and attachments as Blobs up to the 20 MB cap, byte for byte', async () => {
    const factory = new IDBFactory();
    const big = bytesOf(MAX_ATTACHMENT_BYTES - 1024, 7);
    const small = new TextEncoder().encode('id,amount\n1,42\n');
    const draft = draftWith([fileAttachment('big', big), fileAttachment('small', small, { content: 'aWQs' })], {
      cc: ['bob@example.com'],
      scheduledAt: '2030-01-01T10:00',
      headers: [{ id: 'h1', name: 'X-Campaign', value: 'q3' }],
    });

    const store = await openDraftStore(factory, memoryStorage());
    expect(store.kind).toBe('indexeddb');
    expect(await store.save(draft)).toEqual({ attachmentsKept: true });

    // A new page: a new connection to the same database.
    const loaded = (await (await openDraftStore(factory, memoryStorage())).load())!;
    expect({ ...loaded, attachments: [] }).toEqual({ ...draft, attachments: [] });
    expect(loaded.attachments.map((a) => [a.id, a.filename, a.size, a.content, a.readBytes])).toEqual([
      ['big', 'big.bin', big.byteLength, null, 0],
      ['small', 'small.bin', small.byteLength, null, 0],
    ]);
    expect(await sameBytes(loaded.attachments[0]!.blob, big)).toBe(true);
    expect(await sameBytes(loaded.attachments[1]!.blob, small)).toBe(true);
  });

  it('writes each file once, forgets removed files, and clear() drops everything', async () => {
    const factory = new IDBFactory();
    const store = await openDraftStore(factory, memoryStorage());
    const a = fileAttachment('a', bytesOf(1000, 1));
    const b = fileAttachment('b', bytesOf(2000, 2));
    await store.save(draftWith([a, b]));

    // The same ids with other bytes are not written again: a file's bytes never change under its id.
    const changed = { ...a, blob: new Blob(['not the original']) };
    await store.save(draftWith([changed], { subject: 'Only one file now' }));
    const loaded = (await store.load())!;
    expect(loaded.subject).toBe('Only one file now');
    expect(loaded.attachments.map((x) => x.id)).toEqual(['a']);
    expect(await sameBytes(loaded.attachments[0]!.blob, bytesOf(1000, 1))).toBe(true);

    await store.clear();
    expect(await store.load()).toBeNull();
  });

  it('runs operations in order: a clear() right after a save wins', async () => {
    const store = await openDraftStore(new IDBFactory(), memoryStorage());
    const saving = store.save(draftWith([fileAttachment('a', bytesOf(500_000, 3))]));
    const clearing = store.clear();
    await Promise.all([saving, clearing]);
    expect(await store.load()).toBeNull();
  });

  it('skips files that failed to read and reports them as not kept', async () => {
    const store = await openDraftStore(new IDBFactory(), memoryStorage());
    const broken: DraftAttachment = { ...fileAttachment('x', bytesOf(10, 1)), error: 'This file could not be read' };
    const pending: DraftAttachment = { ...fileAttachment('y', bytesOf(10, 1)), blob: undefined };
    expect(await store.save(draftWith([broken, pending, fileAttachment('z', bytesOf(10, 2))]))).toEqual({
      attachmentsKept: false,
    });
    expect((await store.load())!.attachments.map((a) => a.id)).toEqual(['z']);
  });

  it('takes over a draft saved by the localStorage version once', async () => {
    const storage = memoryStorage();
    const old = draftWith([], { subject: 'Written before the upgrade' });
    storage.setItem(LOCAL_STORAGE_KEY, JSON.stringify(old));
    const store = await openDraftStore(new IDBFactory(), storage);
    expect((await store.load())?.subject).toBe('Written before the upgrade');
    expect(storage.getItem(LOCAL_STORAGE_KEY)).toBeNull();
  });
});

describe('localStorage fallback', () => {
  it('is used when IndexedDB cannot be opened', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const store = await openDraftStore(refusing, memoryStorage());
    expect(store.kind).toBe('localstorage');
    expect((await openDraftStore(undefined, memoryStorage())).kind).toBe('localstorage');
  });

  it('keeps small attachments as base64 and drops large ones (~5 MB quota), keeping the fields', async () => {
    const storage = memoryStorage(5 * 1024 * 1024);
    const store = createLocalStorageDraftStore(storage);
    const small = fileAttachment('s', bytesOf(30, 1), { content: 'AAAA', readBytes: 30 });
    expect(await store.save(draftWith([small]))).toEqual({ attachmentsKept: true });
    const loaded = (await store.load())!;
    expect(loaded.attachments).toEqual([{ ...small, blob: undefined }].map(({ blob: _b, ...a }) => a));

    const large = fileAttachment('l', bytesOf(10, 1), { content: 'A'.repeat(MAX_LOCAL_ATTACHMENT_CHARS + 4) });
    expect(await store.save(draftWith([small, large], { subject: 'Too big' }))).toEqual({ attachmentsKept: false });
    const again = (await store.load())!;
    expect(again.subject).toBe('Too big');
    expect(again.attachments).toEqual([]);
  });

  it('ignores what is not a draft', async () => {
    const storage = memoryStorage();
    storage.setItem(LOCAL_STORAGE_KEY, '{"hello":1}');
    expect(await createLocalStorageDraftStore(storage).load()).toBeNull();
    storage.setItem(LOCAL_STORAGE_KEY, 'not json');
    expect(await createLocalStorageDraftStore(storage).load()).toBeNull();
  });
});
