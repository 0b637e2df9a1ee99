/**
 * Where compose buffers drafts in this browser (IndexedDB, else localStorage) between saves to the mailbox's Drafts
 * folder and while offline. Compose owns the format (features/compose/utils/draft-store.ts); this module owns the
 * names and the one operation sign-out needs: forget every buffered draft, so the next person at this browser finds
 * none of them.
 */

export const LOCAL_DRAFTS_DB = 'sentroy-console';
/** 1: one draft slot ('drafts' / 'draft-attachments'). 2: any number of drafts, keyed by draft id. */
export const LOCAL_DRAFTS_DB_VERSION = 2;
export const BUFFERED_DRAFTS = 'buffered-drafts';
/** Keyed by [draftId, attachmentId]. */
export const BUFFERED_FILES = 'buffered-files';
export const LEGACY_DRAFTS = 'drafts';
export const LEGACY_FILES = 'draft-attachments';
export const LEGACY_DRAFT_KEY = 'compose';

/** localStorage fallback: all buffered drafts as one JSON object keyed by draft id. */
export const LOCAL_STORAGE_DRAFTS_KEY = 'sentroy-console:compose-drafts';
/** The one-slot localStorage draft of the first versions. */
export const LEGACY_LOCAL_STORAGE_KEY = 'sentroy-console:compose-draft';

/**
 * Opens (and upgrades) the database. The upgrade from version 1 moves the one-slot draft and its files into the
 * keyed stores inside the upgrade transaction, so nothing written before the upgrade is lost.
 */
export function openLocalDraftsDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(LOCAL_DRAFTS_DB, LOCAL_DRAFTS_DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      const tx = request.transaction!;
      if (!db.objectStoreNames.contains(BUFFERED_DRAFTS)) db.createObjectStore(BUFFERED_DRAFTS);
      if (!db.objectStoreNames.contains(BUFFERED_FILES)) db.createObjectStore(BUFFERED_FILES);
      if (db.objectStoreNames.contains(LEGACY_DRAFTS)) migrateOneSlot(db, tx);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

function migrateOneSlot(db: IDBDatabase, tx: IDBTransaction): void {
  const drafts = tx.objectStore(BUFFERED_DRAFTS);
  const files = tx.objectStore(BUFFERED_FILES);
  const legacyFiles = db.objectStoreNames.contains(LEGACY_FILES) ? tx.objectStore(LEGACY_FILES) : null;
  const read = tx.objectStore(LEGACY_DRAFTS).get(LEGACY_DRAFT_KEY);
  read.onsuccess = () => {
    const old = read.result as { id?: unknown } | undefined;
    const id = old && typeof old.id === 'string' ? old.id : null;
    if (id) drafts.put(old, id);
    if (!legacyFiles) return db.deleteObjectStore(LEGACY_DRAFTS);
    const cursor = legacyFiles.openCursor();
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (at) {
        if (id) files.put(at.value, [id, String(at.key)]);
        at.continue();
        return;
      }
      db.deleteObjectStore(LEGACY_DRAFTS);
      db.deleteObjectStore(LEGACY_FILES);
    };
  };
}

function safeLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** Forget every buffered draft of this browser (sign-out). Never throws: signing out must not wait on storage. */
export async function clearLocalDrafts(
  factory: IDBFactory | undefined = typeof indexedDB === 'undefined' ? undefined : indexedDB,
  storage: Storage | undefined = safeLocalStorage(),
): Promise<void> {
  try {
    storage?.removeItem(LOCAL_STORAGE_DRAFTS_KEY);
    storage?.removeItem(LEGACY_LOCAL_STORAGE_KEY);
  } catch {
    // Storage refused (private mode): nothing was kept there either.
  }
  if (!factory) return;
  try {
    const db = await openLocalDraftsDatabase(factory);
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction([BUFFERED_DRAFTS, BUFFERED_FILES], 'readwrite');
      tx.objectStore(BUFFERED_DRAFTS).clear();
      tx.objectStore(BUFFERED_FILES).clear();
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    db.close();
  } catch {
    // IndexedDB refused to open: there is nothing in it.
  }
}
