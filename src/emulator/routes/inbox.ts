import { Hono, type Context } from 'hono';
import {
  ALL_FOLDER_PATH,
  SPECIAL_USE,
  folderPathSchema,
  listMessagesQuerySchema,
  mailboxAddressSchema,
  markReadBodySchema,
  messageQuerySchema,
  moveBodySchema,
  uidSchema,
  type Folder,
} from '@contract/index';
import type { EmulatorEnv } from '../context';
import { accessToken, authenticate, requireCompanyMailbox } from '../auth/access-token';
import { apiError, IMAP_UNAVAILABLE, upstreamError } from '../errors';
import { MailStoreError } from '../store/message-store';
import { composeDraftMime } from '../store/mime';
import { parseOr400, readJson } from './validate';

/**
 * The inbox routes (contract 5.7–5.16). Status rules follow the platform: GET and DELETE /inbox/{uid} keep the
 * upstream status (404, 503); the other routes report upstream failures as 500 "HTTP nnn: …".
 */

type Ctx = Context<EmulatorEnv>;

const DEFAULT_FOLDER = 'INBOX';
/** Excluded from `__ALL__` and its counts. */
const NOT_IN_ALL = new Set<string>([SPECIAL_USE.junk, SPECIAL_USE.trash]);
const NOT_IN_ALL_PATHS = new Set(['junk', 'spam', 'trash']);

/** mailbox must be a company mailbox (deviation: the platform does not check). */
function scopedMailbox(c: Ctx, mailbox: string): string {
  return requireCompanyMailbox(c, mailbox);
}

/** A UID the platform would hand to IMAP as Number(uid): anything else is an IMAP error. */
function parseUid(c: Ctx, keepStatus: boolean): number {
  const parsed = uidSchema.safeParse(c.req.param('uid'));
  if (!parsed.success) throw upstreamError(503, IMAP_UNAVAILABLE, keepStatus ? 503 : 500);
  return parsed.data;
}

/** Store failures are IMAP failures: 500 "HTTP 503: IMAP service unavailable" (or 503 where the status is kept). */
async function imap<T>(work: () => Promise<T>, keepStatus = false): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof MailStoreError) throw upstreamError(503, IMAP_UNAVAILABLE, keepStatus ? 503 : 500);
    throw error;
  }
}

/** page/limit as the platform reads them: Number() with defaults 1 and 20, no maximum; junk → an empty page. */
function pageNumber(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  return Number.isFinite(n) ? Math.floor(n) : Number.NaN;
}

function allFolderEntry(folders: Folder[]): Folder {
  const counted = folders.filter(
    (f) => !(f.specialUse !== null && NOT_IN_ALL.has(f.specialUse)) && !NOT_IN_ALL_PATHS.has(f.path.toLowerCase()),
  );
  return {
    name: 'All',
    path: ALL_FOLDER_PATH,
    specialUse: SPECIAL_USE.all,
    totalMessages: counted.reduce((n, f) => n + f.totalMessages, 0),
    unreadMessages: counted.reduce((n, f) => n + f.unreadMessages, 0),
  };
}

/** DELETE /read: body first, then the query (deviation: the platform reads only the body; the Ref and SDKs send the query). */
async function readMarkTarget(c: Ctx, { includeQuery }: { includeQuery: boolean }) {
  const body = (await readJson(c.req, { optional: true })) as Record<string, unknown> | null;
  const fromBody = body !== null && typeof body === 'object' ? body : {};
  const merged = includeQuery ? { ...c.req.query(), ...fromBody } : fromBody;
  return parseOr400(markReadBodySchema, { mailbox: merged.mailbox, folder: merged.folder });
}

type DraftFields = Record<string, unknown> & { mailbox?: unknown; from?: unknown };

export const inboxRoutes = new Hono<EmulatorEnv>()
  .get('/', accessToken(), async (c) => {
    const query = parseOr400(listMessagesQuerySchema.omit({ page: true, limit: true }), c.req.query());
    const mailbox = scopedMailbox(c, query.mailbox);
    const options = {
      page: pageNumber(c.req.query('page'), 1),
      limit: pageNumber(c.req.query('limit'), 20),
      // The platform reads `unread`; the Ref and SDKs send `unreadOnly`. The emulator honours both.
      unreadOnly: query.unread === true || query.unreadOnly === true,
      q: query.q,
    };
    const data = await imap(() =>
      c.get('deps').messages.listMessages(mailbox, query.folder ?? DEFAULT_FOLDER, options),
    );
    return c.json({ data });
  })
  .get('/mailboxes', accessToken(), async (c) => {
    const { mailbox } = parseOr400(messageQuerySchema.pick({ mailbox: true }), c.req.query());
    const folders = await imap(() => c.get('deps').messages.listFolders(scopedMailbox(c, mailbox)));
    return c.json({ data: [allFolderEntry(folders), ...folders] });
  })
  .get('/thread', async (c) => {
    // Checked before auth, as the platform does.
    const subject = c.req.query('subject');
    if (!subject) throw apiError(400, 'subject query parameter is required');
    authenticate(c);
    const mailbox = scopedMailbox(c, parseOr400(mailboxAddressSchema, c.req.query('mailbox')));
    const data = await imap(() => c.get('deps').messages.getThread(mailbox, subject));
    return c.json({ data });
  })
  .get('/unread-count', accessToken(), async (c) => {
    const mailbox = scopedMailbox(c, parseOr400(mailboxAddressSchema, c.req.query('mailbox')));
    const count = await imap(() => c.get('deps').messages.countUnread(mailbox, DEFAULT_FOLDER));
    return c.json({ data: { count } });
  })
  .post('/drafts', async (c) => {
    // contract-ops 7.2: both checks come before auth; the account is `mailbox || from`, trimmed.
    const body = await readJson(c.req);
    const fields = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as DraftFields) : {};
    const account = String(fields.mailbox || fields.from || '').trim();
    if (!account) throw apiError(400, 'mailbox or from is required');
    authenticate(c);
    const mailbox = scopedMailbox(c, account);
    try {
      const raw = await composeDraftMime({ ...fields, mailbox }, new Date());
      await c.get('deps').messages.appendToDrafts(mailbox, raw);
    } catch (error) {
      // The mail-server answers 500 with the error's own message (no "HTTP nnn:" prefix on this route).
      throw apiError(500, error instanceof Error ? error.message : 'Failed to save draft');
    }
    // The folder text is constant, whatever the Drafts folder's path; no UID.
    return c.json({ data: { message: 'Draft saved', folder: 'Drafts' } }, 201);
  })
  .get('/:uid', accessToken(), async (c) => {
    const query = parseOr400(messageQuerySchema, c.req.query());
    const mailbox = scopedMailbox(c, query.mailbox);
    const uid = parseUid(c, true);
    const message = await imap(
      () => c.get('deps').messages.getMessage(mailbox, query.folder ?? DEFAULT_FOLDER, uid),
      true,
    );
    if (!message) throw upstreamError(404, 'Message not found', 404);
    return c.json({ data: message });
  })
  .get('/:uid/attachments/:partId/download', accessToken(), async (c) => {
    const query = parseOr400(messageQuerySchema, c.req.query());
    const mailbox = scopedMailbox(c, query.mailbox);
    const uid = parseUid(c, true);
    const folder = query.folder ?? DEFAULT_FOLDER;
    const messages = c.get('deps').messages;
    const attachment = await imap(() => messages.getAttachment(mailbox, folder, uid, c.req.param('partId')), true);
    if (!attachment) {
      const exists = await imap(() => messages.getMessage(mailbox, folder, uid), true);
      throw upstreamError(404, exists ? 'Attachment not found' : 'Message not found', 404);
    }
    const ascii = attachment.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return new Response(new Uint8Array(attachment.content), {
      status: 200,
      headers: {
        'Content-Type': attachment.contentType,
        'Content-Length': String(attachment.content.length),
        'Content-Disposition': `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
      },
    });
  })
  .post('/:uid/read', accessToken(), async (c) => {
    const target = await readMarkTarget(c, { includeQuery: false });
    const mailbox = scopedMailbox(c, target.mailbox);
    const uid = parseUid(c, false);
    await imap(() => c.get('deps').messages.setSeen(mailbox, target.folder ?? DEFAULT_FOLDER, uid, true));
    return c.json({ data: { message: 'Marked as read' } });
  })
  .delete('/:uid/read', accessToken(), async (c) => {
    const target = await readMarkTarget(c, { includeQuery: true });
    const mailbox = scopedMailbox(c, target.mailbox);
    const uid = parseUid(c, false);
    await imap(() => c.get('deps').messages.setSeen(mailbox, target.folder ?? DEFAULT_FOLDER, uid, false));
    return c.json({ data: { message: 'Marked as unread' } });
  })
  .post('/:uid/move', async (c) => {
    // Body checks come before auth on the platform.
    const body = await readJson(c.req);
    const to =
      body !== null && typeof body === 'object' && 'to' in body && typeof body.to === 'string' ? body.to.trim() : '';
    if (!to) throw apiError(400, 'Destination folder is required');
    authenticate(c);
    const move = parseOr400(moveBodySchema, body);
    const mailbox = scopedMailbox(c, move.mailbox);
    const uid = parseUid(c, false);
    const from = move.from ?? DEFAULT_FOLDER;
    parseOr400(folderPathSchema, from);
    await imap(() => c.get('deps').messages.move(mailbox, from, uid, move.to));
    return c.json({ data: { message: 'Message moved' } });
  })
  .delete('/:uid', accessToken(), async (c) => {
    const query = parseOr400(messageQuerySchema, c.req.query());
    const mailbox = scopedMailbox(c, query.mailbox);
    const uid = parseUid(c, true);
    const deleted = await imap(() => c.get('deps').messages.delete(mailbox, query.folder ?? DEFAULT_FOLDER, uid), true);
    if (!deleted) throw upstreamError(404, 'Message not found', 404);
    return c.json({ data: { message: 'Message deleted' } });
  });
