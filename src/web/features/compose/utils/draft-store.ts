import { newDraft, type Draft, type DraftAttachment } from './draft';

/**
 * Where the compose draft is kept between visits: IndexedDB, with each attachment's bytes stored as a Blob (so a
 * reload brings back attachments of any size up to the 20 MB cap), or localStorage when IndexedDB cannot be opened
 * (some private modes), which holds ~5 MB and so keeps only small attachments.
 */
export interface DraftStore {
  readonly kind: 'indexeddb' | 'localstorage';
  load(): Promise<Draft | null>;
  /** Resolves once the draft is stored; `attachmentsKept` is false when its attachments could not be stored. */
  save(draft: Draft): Promise<{ attachmentsKept: boolean }>;
  clear(): Promise<void>;
}

export const LOCAL_STORAGE_KEY = 'sentroy-console:compose-draft';
/** localStorage holds ~5 MB per origin: larger attachments are not kept in a draft saved there. */
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

export function createLocalStorageDraftStore(storage: Storage): DraftStore {
  return {
    kind: 'localstorage',
    async load() {
      try {
        const text = storage.getItem(LOCAL_STORAGE_KEY);
        return text ? reviveDraft(JSON.parse(text)) : null;
      } catch {
        return null;
      }
    },
    async save(draft) {
      const ready = draft.attachments.filter((a) => a.content !== null && !a.error);
      const chars = ready.reduce((sum, a) => sum + (a.content?.length ?? 0), 0);
      const keepAttachments = chars <= MAX_LOCAL_ATTACHMENT_CHARS;
      // Blobs do not survive JSON: the base64 text is what this store keeps.
      const attachments = keepAttachments ? ready.map(({ blob: _blob, ...a }) => a) : [];
      try {
        storage.setItem(LOCAL_STORAGE_KEY, JSON.stringify({ ...draft, attachments }));
        return { attachmentsKept: keepAttachments && ready.length === draft.attachments.length };
      } catch {
        return { attachmentsKept: false };
      }
    },
    async clear() {
      storage.removeItem(LOCAL_STORAGE_KEY);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// IndexedDB

const DB_NAME = 'sentroy-console';
const DB_VERSION = 1;
const DRAFTS = 'drafts';
const ATTACHMENTS = 'draft-attachments';
const DRAFT_KEY = 'compose';

/** An attachment's bytes: the file itself, or (for one restored from an older localStorage draft) its base64. */
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

export function openDraftDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(DRAFTS)) db.createObjectStore(DRAFTS);
      if (!db.objectStoreNames.contains(ATTACHMENTS)) db.createObjectStore(ATTACHMENTS);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

/**
 * One record for the draft's fields and one per attachment (keyed by the attachment's id), written once: the
 * autosave every few seconds rewrites the small draft record and only adds the files it has not stored yet. All
 * operations run one after the other, so a `clear()` after a send can never be overtaken by an earlier save.
 */
export function createIndexedDbDraftStore(db: IDBDatabase, legacy?: DraftStore): DraftStore {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(operation: () => Promise<T>): Promise<T> => {
    const next = queue.then(operation, operation);
    queue = next.catch(() => undefined);
    return next;
  };

  async function write(draft: Draft, withAttachments: boolean): Promise<void> {
    const tx = db.transaction([DRAFTS, ATTACHMENTS], 'readwrite');
    const finished = committed(tx);
    const files = tx.objectStore(ATTACHMENTS);
    const storable = withAttachments
      ? draft.attachments.filter((a) => !a.error && (a.blob !== undefined || a.content !== null))
      : [];
    const record: Omit<Draft, 'attachments'> & { attachments: StoredAttachment[] } = {
      ...draft,
      attachments: storable.map((a) => ({
        id: a.id,
        filename: a.filename,
        contentType: a.contentType,
        size: a.size,
      })),
    };
    tx.objectStore(DRAFTS).put(record, DRAFT_KEY);
    const stored = new Set(((await done(files.getAllKeys())) as IDBValidKey[]).map(String));
    const wanted = new Set(storable.map((a) => a.id));
    for (const key of stored) if (!wanted.has(key)) files.delete(key);
    for (const a of storable) {
      if (stored.has(a.id)) continue;
      const bytes: StoredBytes = a.blob !== undefined ? { blob: a.blob } : { content: a.content! };
      files.put(bytes, a.id);
    }
    await finished;
  }

  return {
    kind: 'indexeddb',
    load: () =>
      serial(async () => {
        const tx = db.transaction([DRAFTS, ATTACHMENTS], 'readonly');
        const draft = reviveDraft(await done(tx.objectStore(DRAFTS).get(DRAFT_KEY)));
        if (!draft) {
          // A draft saved by the localStorage version of the console comes across once.
          const old = (await legacy?.load()) ?? null;
          if (old) await legacy?.clear();
          return old;
        }
        const files = tx.objectStore(ATTACHMENTS);
        const metas = draft.attachments as StoredAttachment[];
        // Every read is requested at once, inside the transaction.
        const stored = (await Promise.all(metas.map((m) => done(files.get(m.id))))) as (StoredBytes | undefined)[];
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
    clear: () =>
      serial(async () => {
        const tx = db.transaction([DRAFTS, ATTACHMENTS], 'readwrite');
        const finished = committed(tx);
        tx.objectStore(DRAFTS).delete(DRAFT_KEY);
        tx.objectStore(ATTACHMENTS).clear();
        await finished;
      }),
  };
}

/** Memory only: when neither IndexedDB nor localStorage can be used, the draft lives as long as the page. */
function createMemoryDraftStore(): DraftStore {
  let saved: Draft | null = null;
  return {
    kind: 'localstorage',
    load: async () => saved,
    save: async (draft) => {
      saved = draft;
      return { attachmentsKept: true };
    },
    clear: async () => {
      saved = null;
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
export async function openDraftStore(
  factory: IDBFactory | undefined = typeof indexedDB === 'undefined' ? undefined : indexedDB,
  storage: Storage | undefined = safeLocalStorage(),
): Promise<DraftStore> {
  const local = storage ? createLocalStorageDraftStore(storage) : undefined;
  if (factory) {
    try {
      return createIndexedDbDraftStore(await openDraftDatabase(factory), local);
    } catch {
      // Private browsing modes may refuse IndexedDB: fall back below.
    }
  }
  return local ?? createMemoryDraftStore();
}
