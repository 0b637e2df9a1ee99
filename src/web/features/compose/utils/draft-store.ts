import {
  BUFFERED_DRAFTS,
  BUFFERED_FILES,
  LEGACY_LOCAL_STORAGE_KEY,
  LOCAL_STORAGE_DRAFTS_KEY,
  openLocalDraftsDatabase,
} from '@web/lib/local-drafts';
import { newDraft, type Draft, type DraftAttachment } from './draft';

/**
 * The browser's buffer of drafts: what was typed since the last save reached the Drafts folder, and everything
 * while offline. The Drafts folder is where drafts live (utils/draft-sync.ts); a draft leaves the buffer once a save
 * of its latest state is confirmed there. Any number of drafts, keyed by draft id: a reply never overwrites the
 * draft being written in another tab.
 *
 * IndexedDB keeps each attachment as a Blob (any size up to the 20 MB cap); when it cannot be opened (some private
 * modes) localStorage holds the drafts as JSON (~5 MB: only small attachments), else memory.
 */
export interface DraftBuffer {
  readonly kind: 'indexeddb' | 'localstorage' | 'memory';
  load(id: string): Promise<Draft | null>;
  /** Every buffered draft, attachments without their bytes (for listing). */
  list(): Promise<Draft[]>;
  /** Resolves once stored; `attachmentsKept` is false when its attachments could not be stored. */
  save(draft: Draft): Promise<{ attachmentsKept: boolean }>;
  remove(id: string): Promise<void>;
}

/** localStorage holds ~5 MB per origin: larger attachments are not kept in a draft buffered there. */
export const MAX_LOCAL_ATTACHMENT_CHARS = 2 * 1024 * 1024;

/** Parse a stored draft, filling fields a newer version added; null for anything that is not a draft. */
function reviveDraft(value: unknown): Draft | null {
  if (typeof value !== 'object' || value === null) return null;
  const draft = value as Partial<Draft>;
  if (typeof draft.id !== 'string' || typeof draft.idempotencyKey !== 'string') return null;
  return { ...newDraft(), ...draft, attachments: Array.isArray(draft.attachments) ? draft.attachments : [] };
}

// ---------------------------------------------------------------------------------------------------------------
// localStorage (fallback)

export function createLocalStorageDraftBuffer(storage: Storage): DraftBuffer {
  const readAll = (): Record<string, unknown> => {
    try {
      const all = JSON.parse(storage.getItem(LOCAL_STORAGE_DRAFTS_KEY) ?? '{}') as unknown;
      const map =
        typeof all === 'object' && all !== null && !Array.isArray(all) ? (all as Record<string, unknown>) : {};
      // The one-slot draft of the first versions comes across once.
      const legacy = reviveDraft(JSON.parse(storage.getItem(LEGACY_LOCAL_STORAGE_KEY) ?? 'null'));
      if (legacy) {
        map[legacy.id] = legacy;
        storage.setItem(LOCAL_STORAGE_DRAFTS_KEY, JSON.stringify(map));
        storage.removeItem(LEGACY_LOCAL_STORAGE_KEY);
      }
      return map;
    } catch {
      return {};
    }
  };
  return {
    kind: 'localstorage',
    load: async (id) => reviveDraft(readAll()[id]),
    list: async () =>
      Object.values(readAll())
        .map(reviveDraft)
        .filter((d): d is Draft => d !== null),
    async save(draft) {
      const ready = draft.attachments.filter((a) => a.content !== null && !a.error);
      const chars = ready.reduce((sum, a) => sum + (a.content?.length ?? 0), 0);
      const keepAttachments = chars <= MAX_LOCAL_ATTACHMENT_CHARS;
      // Blobs do not survive JSON: the base64 text is what this store keeps.
      const attachments = keepAttachments ? ready.map(({ blob: _blob, ...a }) => a) : [];
      const all = readAll();
      try {
        storage.setItem(LOCAL_STORAGE_DRAFTS_KEY, JSON.stringify({ ...all, [draft.id]: { ...draft, attachments } }));
        return { attachmentsKept: keepAttachments && ready.length === draft.attachments.length };
      } catch {
        try {
          storage.setItem(
            LOCAL_STORAGE_DRAFTS_KEY,
            JSON.stringify({ ...all, [draft.id]: { ...draft, attachments: [] } }),
          );
        } catch {
          // Full: the draft stays in the page (and goes to Drafts on the next save).
        }
        return { attachmentsKept: false };
      }
    },
    async remove(id) {
      const all = readAll();
      if (!(id in all)) return;
      delete all[id];
      storage.setItem(LOCAL_STORAGE_DRAFTS_KEY, JSON.stringify(all));
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// IndexedDB

/** An attachment's bytes: the file itself, or (for one restored from a localStorage draft) its base64. */
type StoredBytes = { blob: Blob } | { content: string };
type StoredAttachment = Omit<DraftAttachment, 'content' | 'readBytes' | 'blob'>;

const done = (request: IDBRequest) =>
  new Promise<unknown>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

const committed = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

/** The keys of one draft's files ([draftId, attachmentId]); a draft has few, so all keys are read and filtered. */
async function fileKeysOf(files: IDBObjectStore, draftId: string): Promise<[string, string][]> {
  const keys = (await done(files.getAllKeys())) as IDBValidKey[];
  return keys.filter((k): k is [string, string] => Array.isArray(k) && k[0] === draftId) as [string, string][];
}

/**
 * One record per draft and one per attachment (keyed [draftId, attachmentId]), each file written once: the autosave
 * rewrites the small draft record and adds only the files it has not stored yet. Operations run one after the other,
 * so a remove() after a save can never be overtaken by it.
 */
export function createIndexedDbDraftBuffer(db: IDBDatabase, legacy?: DraftBuffer): DraftBuffer {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(operation: () => Promise<T>): Promise<T> => {
    const next = queue.then(operation, operation);
    queue = next.catch(() => undefined);
    return next;
  };
  let legacyMoved = false;
  /** Drafts the localStorage fallback kept (an earlier visit without IndexedDB) come across once. */
  async function moveLegacy(): Promise<void> {
    if (legacyMoved || !legacy) return;
    legacyMoved = true;
    for (const draft of await legacy.list()) {
      await write(draft, true);
      await legacy.remove(draft.id);
    }
  }

  async function write(draft: Draft, withAttachments: boolean): Promise<void> {
    const tx = db.transaction([BUFFERED_DRAFTS, BUFFERED_FILES], 'readwrite');
    const finished = committed(tx);
    const files = tx.objectStore(BUFFERED_FILES);
    const storable = withAttachments
      ? draft.attachments.filter((a) => !a.error && (a.blob !== undefined || a.content !== null))
      : [];
    const record: Omit<Draft, 'attachments'> & { attachments: StoredAttachment[] } = {
      ...draft,
      attachments: storable.map((a) => ({ id: a.id, filename: a.filename, contentType: a.contentType, size: a.size })),
    };
    tx.objectStore(BUFFERED_DRAFTS).put(record, draft.id);
    const keys = await fileKeysOf(files, draft.id);
    const stored = new Set(keys.map((k) => k[1]));
    const wanted = new Set(storable.map((a) => a.id));
    for (const key of stored) if (!wanted.has(key)) files.delete([draft.id, key]);
    for (const a of storable) {
      if (stored.has(a.id)) continue;
      const bytes: StoredBytes = a.blob !== undefined ? { blob: a.blob } : { content: a.content! };
      files.put(bytes, [draft.id, a.id]);
    }
    await finished;
  }

  return {
    kind: 'indexeddb',
    load: (id) =>
      serial(async () => {
        await moveLegacy();
        const tx = db.transaction([BUFFERED_DRAFTS, BUFFERED_FILES], 'readonly');
        const draft = reviveDraft(await done(tx.objectStore(BUFFERED_DRAFTS).get(id)));
        if (!draft) return null;
        const files = tx.objectStore(BUFFERED_FILES);
        const metas = draft.attachments as StoredAttachment[];
        // Every read is requested at once, inside the transaction.
        const stored = (await Promise.all(metas.map((m) => done(files.get([id, m.id]))))) as (
          StoredBytes | undefined
        )[];
        const attachments: DraftAttachment[] = [];
        metas.forEach((meta, i) => {
          const bytes = stored[i];
          if (!bytes) return;
          attachments.push(
            'blob' in bytes
              ? { ...meta, blob: bytes.blob, content: null, readBytes: 0 }
              : { ...meta, content: bytes.content, readBytes: meta.size },
          );
        });
        return { ...draft, attachments };
      }),
    list: () =>
      serial(async () => {
        await moveLegacy();
        const tx = db.transaction([BUFFERED_DRAFTS], 'readonly');
        const all = (await done(tx.objectStore(BUFFERED_DRAFTS).getAll())) as unknown[];
        return all.map(reviveDraft).filter((d): d is Draft => d !== null);
      }),
    save: (draft) =>
      serial(async () => {
        try {
          await write(draft, true);
          return { attachmentsKept: draft.attachments.every((a) => a.blob !== undefined || a.content !== null) };
        } catch {
          // Out of quota (or a file the browser can no longer read): keep at least the fields.
          await write(draft, false);
          return { attachmentsKept: draft.attachments.length === 0 };
        }
      }),
    remove: (id) =>
      serial(async () => {
        const tx = db.transaction([BUFFERED_DRAFTS, BUFFERED_FILES], 'readwrite');
        const finished = committed(tx);
        tx.objectStore(BUFFERED_DRAFTS).delete(id);
        const files = tx.objectStore(BUFFERED_FILES);
        for (const key of await fileKeysOf(files, id)) files.delete(key);
        await finished;
      }),
  };
}

/** Memory only: when neither IndexedDB nor localStorage can be used, drafts live as long as the page. */
export function createMemoryDraftBuffer(): DraftBuffer {
  const saved = new Map<string, Draft>();
  return {
    kind: 'memory',
    load: async (id) => saved.get(id) ?? null,
    list: async () => [...saved.values()],
    save: async (draft) => {
      saved.set(draft.id, draft);
      return { attachmentsKept: true };
    },
    remove: async (id) => {
      saved.delete(id);
    },
  };
}

function safeLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** IndexedDB when it opens, else localStorage (else memory). */
export async function openDraftBuffer(
  factory: IDBFactory | undefined = typeof indexedDB === 'undefined' ? undefined : indexedDB,
  storage: Storage | undefined = safeLocalStorage(),
): Promise<DraftBuffer> {
  const local = storage ? createLocalStorageDraftBuffer(storage) : undefined;
  if (factory) {
    try {
      return createIndexedDbDraftBuffer(await openLocalDraftsDatabase(factory), local);
    } catch {
      // Private browsing modes may refuse IndexedDB: fall back below.
    }
  }
  return local ?? createMemoryDraftBuffer();
}

/**
 * `buffer` as one console user sees it: saves are stamped with `ownerId`, and a draft stamped by someone else (a
 * shared browser) is never returned and is deleted unread.
 */
export function ownedDraftBuffer(buffer: DraftBuffer, ownerId: string): DraftBuffer {
  return {
    kind: buffer.kind,
    async load(id) {
      const draft = await buffer.load(id);
      if (draft && draft.ownerId !== ownerId) {
        await buffer.remove(id).catch(() => undefined);
        return null;
      }
      return draft;
    },
    async list() {
      const all = await buffer.list();
      for (const d of all) if (d.ownerId !== ownerId) await buffer.remove(d.id).catch(() => undefined);
      return all.filter((d) => d.ownerId === ownerId);
    },
    save: (draft) => buffer.save({ ...draft, ownerId }),
    remove: (id) => buffer.remove(id),
  };
}
