import { sentroyEndpoints, type MessageDetail, type MessageSummary, type ThreadMessage } from '@contract/index';
import { threadContaining, type ThreadableMessage } from '@mail/threading';
import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { messageQueryOptions } from './get-message';
import { newestMessagesQueryOptions } from './get-messages';
import { inboxKeys } from './keys';

const endpoint = sentroyEndpoints.getThread;

export function getThread(mailbox: string, subject: string, signal?: AbortSignal): Promise<ThreadMessage[]> {
  return apiClient.get(`/api${endpoint.path}`, { query: { mailbox, subject }, schema: endpoint.response, signal });
}

export const threadQueryOptions = (mailbox: string, subject: string) =>
  queryOptions({
    queryKey: inboxKeys.thread(mailbox, subject),
    queryFn: ({ signal }) => getThread(mailbox, subject, signal),
  });

export interface ConversationMessage {
  folder: string;
  uid: number;
  detail: MessageDetail;
}

interface Item extends ThreadableMessage {
  folder: string;
  uid: number;
  detail?: MessageDetail;
}

const keyOf = (folder: string, uid: number) => `${folder}\u0000${uid}`;

/**
 * The conversation of an open message. The platform's thread endpoint matches subjects only (INBOX + Sent); its
 * result is re-threaded by Message-ID / In-Reply-To / References (src/mail/threading.ts) together with the latest
 * messages of INBOX, Sent and the open message's folder, so unrelated mails with the same subject drop out and
 * renamed replies join.
 */
export function useConversation(
  mailbox: string,
  open: { folder: string; uid: number; detail: MessageDetail } | undefined,
  /** Real folders whose newest messages are scanned for members: INBOX, Sent, and the open message's folder. */
  folders: readonly string[],
) {
  const subject = open?.detail.subject ?? '';
  const thread = useQuery({ ...threadQueryOptions(mailbox, subject || ' '), enabled: !!open && subject.trim() !== '' });
  const scanFolders = [...new Set(folders)];
  // The newest messages of each folder catch replies the subject search cannot find (renamed ones).
  const scans = useQueries({
    queries: scanFolders.map((folder) => ({ ...newestMessagesQueryOptions(mailbox, folder), enabled: !!open })),
  });

  const items = new Map<string, Item>();
  const add = (item: Item) => {
    const existing = items.get(item.key);
    if (!existing || (!existing.detail && item.detail)) items.set(item.key, item);
  };
  scans.forEach((scan, i) => {
    const folder = scanFolders[i]!;
    for (const m of scan.data ?? []) add(summaryItem(folder, m));
  });
  for (const m of thread.data ?? []) add(detailItem(m.folder, m));
  if (open) add(detailItem(open.folder, open.detail, open.uid));

  const members = open ? (threadContaining([...items.values()], keyOf(open.folder, open.uid))?.messages ?? []) : [];
  const missing = members.filter((m) => !m.detail);
  const details = useQueries({
    queries: missing.map((m) => messageQueryOptions(mailbox, m.folder, m.uid)),
  });
  const fetched = new Map(missing.map((m, i) => [m.key, details[i]?.data]));

  const messages: ConversationMessage[] = [];
  for (const m of members) {
    const detail = m.detail ?? fetched.get(m.key);
    if (detail) messages.push({ folder: m.folder, uid: m.uid, detail });
  }
  const isPending = !!open && (thread.isPending || scans.some((s) => s.isPending) || details.some((d) => d.isPending));
  const isError = thread.isError || scans.some((s) => s.isError) || details.some((d) => d.isError);
  return { messages, isPending, isError, refetch: () => void thread.refetch() };
}

function summaryItem(folder: string, m: MessageSummary): Item {
  return {
    key: keyOf(folder, m.uid),
    folder,
    uid: m.uid,
    messageId: m.messageId,
    inReplyTo: m.inReplyTo,
    references: [],
    subject: m.subject,
    date: m.date,
  };
}

function detailItem(folder: string, m: MessageDetail, uid = m.uid): Item {
  return {
    key: keyOf(folder, uid),
    folder,
    uid,
    messageId: m.messageId,
    inReplyTo: m.inReplyTo,
    references: m.references,
    subject: m.subject,
    date: m.date,
    detail: m,
  };
}
