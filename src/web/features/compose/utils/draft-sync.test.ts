// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { newDraft, type Draft } from './draft';
import { parseDraftMessageId } from './draft-message';
import { deleteDraftCopies, saveDraftCopy } from './draft-sync';
import { createFakeDraftServer } from './fake-draft-server';

const INFO = 'info@acme.example';
const SUPPORT = 'support@acme.example';

const draft = (patch: Partial<Draft> = {}): Draft => ({
  ...newDraft(),
  from: INFO,
  to: ['ada@example.com'],
  subject: 'Quarterly numbers',
  markdown: 'Hello',
  ...patch,
});
const idsOf = (server: ReturnType<typeof createFakeDraftServer>, mailbox: string) =>
  server.copies(mailbox).map((m) => parseDraftMessageId(m.messageId)?.draftId);

describe('saving a draft to Drafts (append, then delete the copy it replaces)', () => {
  it('keeps exactly one copy per draft however often it is saved, and the newest content', async () => {
    const server = createFakeDraftServer();
    let d = draft();
    for (const subject of ['One', 'Two', 'Three']) {
      d = { ...d, subject, savedTo: await saveDraftCopy(server, { ...d, subject }) };
    }
    expect(server.copies(INFO)).toHaveLength(1);
    expect(server.copies(INFO)[0]!.body.subject).toBe('Three');
    expect(d.savedTo).toEqual({ mailbox: INFO, rev: parseDraftMessageId(server.copies(INFO)[0]!.messageId)!.rev });
  });

  it('appends before it deletes: the folder never lacks a copy', async () => {
    const server = createFakeDraftServer();
    const d = draft();
    await saveDraftCopy(server, d);
    server.calls.length = 0;
    await saveDraftCopy(server, d);
    expect(server.calls[0]).toBe(`save ${INFO}`);
    expect(server.calls.at(-1)).toMatch(/^remove /);
  });

  it('never touches another draft: a reply next to a draft in progress leaves both, one copy each', async () => {
    const server = createFakeDraftServer();
    const writing = draft({ subject: 'Draft being written' });
    const reply = draft({ subject: 'Re: Hello', inReplyTo: '<m1@example.com>' });
    await saveDraftCopy(server, writing);
    await saveDraftCopy(server, reply);
    await saveDraftCopy(server, reply);
    await saveDraftCopy(server, writing);
    expect(idsOf(server, INFO).sort()).toEqual([writing.id, reply.id].sort());
    // Someone else's draft in the same folder stays too.
    await server.save({ mailbox: INFO, subject: 'Written in Apple Mail' });
    await saveDraftCopy(server, writing);
    expect(
      server
        .copies(INFO)
        .map((m) => m.body.subject)
        .sort(),
    ).toEqual(['Draft being written', 'Re: Hello', 'Written in Apple Mail']);
  });

  it('cleans up copies an earlier, half-failed save left behind', async () => {
    const server = createFakeDraftServer();
    const d = draft();
    await saveDraftCopy(server, d);
    server.fail.remove = 'IMAP unavailable';
    await expect(saveDraftCopy(server, d)).rejects.toThrow('IMAP unavailable');
    expect(server.copies(INFO)).toHaveLength(2);
    server.fail = {};
    await saveDraftCopy(server, d);
    expect(server.copies(INFO)).toHaveLength(1);
  });

  it('a failed append changes nothing; a failed list after it deletes nothing', async () => {
    const server = createFakeDraftServer();
    const d = draft();
    await saveDraftCopy(server, d);
    const before = server.copies(INFO).map((m) => m.uid);

    server.fail.save = 'HTTP 500';
    await expect(saveDraftCopy(server, d)).rejects.toThrow('HTTP 500');
    expect(server.copies(INFO).map((m) => m.uid)).toEqual(before);

    server.fail = { list: 'Mail server unreachable' };
    await expect(saveDraftCopy(server, d)).rejects.toThrow('Mail server unreachable');
    expect(server.copies(INFO)).toHaveLength(2);
    expect(server.calls.filter((c) => c.startsWith('remove'))).toEqual([]);
  });

  it('keeps the older copy when the new one does not show in the list (no work is lost)', async () => {
    const server = createFakeDraftServer();
    const d = draft();
    await saveDraftCopy(server, d);
    server.hideAppends = true;
    await expect(saveDraftCopy(server, d)).rejects.toThrow(/not listed/);
    expect(server.copies(INFO)).toHaveLength(1);
  });

  it('moves the copy when the From mailbox changes', async () => {
    const server = createFakeDraftServer();
    const d = draft();
    const savedTo = await saveDraftCopy(server, d);
    await saveDraftCopy(server, { ...d, from: SUPPORT, savedTo });
    expect(server.copies(INFO)).toHaveLength(0);
    expect(idsOf(server, SUPPORT)).toEqual([d.id]);
  });

  it('deletes the copy it was opened from when that copy was written by another client', async () => {
    const server = createFakeDraftServer();
    await server.save({ mailbox: INFO, subject: 'From Apple Mail' });
    const foreign = server.copies(INFO)[0]!;
    const d = draft({ adopted: [{ mailbox: INFO, folder: 'Drafts', uid: foreign.uid }] });
    await saveDraftCopy(server, d);
    expect(idsOf(server, INFO)).toEqual([d.id]);
  });

  it('refuses to save without a From mailbox', async () => {
    await expect(saveDraftCopy(createFakeDraftServer(), draft({ from: '' }))).rejects.toThrow(/From mailbox/);
  });

  it('after a send, every copy of the draft goes, wherever it was saved, and nothing else', async () => {
    const server = createFakeDraftServer();
    const sent = draft();
    const other = draft({ subject: 'Still writing' });
    const savedTo = await saveDraftCopy(server, sent);
    await saveDraftCopy(server, other);
    server.hideAppends = true;
    // A save whose confirmation failed left a second copy: it goes too.
    await saveDraftCopy(server, sent).catch(() => undefined);
    server.hideAppends = false;
    await deleteDraftCopies(server, { ...sent, savedTo });
    expect(idsOf(server, INFO)).toEqual([other.id]);
  });
});
