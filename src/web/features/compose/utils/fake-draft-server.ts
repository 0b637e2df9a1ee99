import type { MessageSummary, SaveDraftBody } from '@contract/index';
import type { DraftServer } from './draft-sync';

/**
 * Test support (not a test file): the platform's Drafts folders in memory, as contract-ops 7.2 describes them —
 * every save appends (UIDs grow per folder), nothing is updated, the list shows each message's Message-ID. `fail`
 * makes the next calls of one kind fail, to walk the failure paths.
 */
export interface FakeDraftServer extends DraftServer {
  folders: Map<string, { uid: number; messageId: string; body: SaveDraftBody }[]>;
  calls: string[];
  fail: Partial<Record<'save' | 'list' | 'remove' | 'folder', string>>;
  /** While true, appends succeed but do not show in the list (a server slow to show them). */
  hideAppends: boolean;
  copies(mailbox: string): { uid: number; messageId: string; body: SaveDraftBody }[];
}

export function createFakeDraftServer(): FakeDraftServer {
  const folders = new Map<string, { uid: number; messageId: string; body: SaveDraftBody }[]>();
  let nextUid = 1;
  const folderOf = (mailbox: string) => {
    const list = folders.get(mailbox) ?? [];
    folders.set(mailbox, list);
    return list;
  };
  const hidden = new Set<number>();
  const server: FakeDraftServer = {
    folders,
    calls: [],
    fail: {},
    hideAppends: false,
    copies: (mailbox) => folderOf(mailbox).filter((m) => !(server.hideAppends && hidden.has(m.uid))),
    async save(body) {
      server.calls.push(`save ${body.mailbox}`);
      if (server.fail.save) throw new Error(server.fail.save);
      const uid = nextUid++;
      folderOf(body.mailbox).push({ uid, messageId: body.headers?.['Message-ID'] ?? `<generated-${uid}@x>`, body });
      if (server.hideAppends) hidden.add(uid);
    },
    async draftsFolder(mailbox) {
      server.calls.push(`folders ${mailbox}`);
      if (server.fail.folder) throw new Error(server.fail.folder);
      return 'Drafts';
    },
    async list(mailbox, folder) {
      server.calls.push(`list ${mailbox} ${folder}`);
      if (server.fail.list) throw new Error(server.fail.list);
      return server.copies(mailbox).map((m): MessageSummary => ({
        uid: m.uid,
        subject: m.body.subject ?? '(no subject)',
        from: { name: '', address: mailbox },
        to: [],
        date: new Date().toISOString(),
        seen: true,
        flagged: false,
        size: 100,
        hasAttachments: (m.body.attachments ?? []).length > 0,
        preview: '',
        messageId: m.messageId,
        inReplyTo: null,
        category: 'primary',
      }));
    },
    async remove(mailbox, folder, uid) {
      server.calls.push(`remove ${mailbox} ${folder} ${uid}`);
      if (server.fail.remove) throw new Error(server.fail.remove);
      const list = folderOf(mailbox);
      const at = list.findIndex((m) => m.uid === uid);
      if (at >= 0) list.splice(at, 1);
    },
  };
  return server;
}
