import type { MessageDetail } from '@contract/index';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@web/components/ui/button';
import { BidiText } from '@web/components/ui/bidi-text';
import { EditDraftLink } from '@web/components/email/edit-draft-link';
import { ErrorState, LoadingState } from '@web/components/ui/status-message';
import { formatDateTime } from '@web/lib/format-date';
import { useConversation } from '../api/get-conversation';
import { useAutoRead } from '../hooks/use-auto-read';
import { AddressText } from './address-text';
import { HtmlBody } from './html-body';
import { AttachmentChips, MessageHeader } from './message-header';
import { TextBody } from './text-body';

export interface ReaderProps {
  mailbox: string;
  folder: string;
  uid: number;
  detail: MessageDetail | undefined;
  isPending: boolean;
  error: Error | null;
  onRetry: () => void;
  /** The signed-in console user (for "always show images from this sender"). */
  user: string;
  /** Real folders the conversation view looks in (INBOX, Sent and this message's folder). */
  conversationFolders: string[];
  /** The list shows conversations: open the conversation view first. */
  initialView?: 'message' | 'conversation';
  /** Set when the message was opened from a virtual folder (All mail): says where it really is. */
  locatedIn?: string;
  /** Called once the message has been open for a moment while it is unread (hooks/use-auto-read.ts). */
  onAutoRead: () => void;
  /**
   * Opened in place of a message that was just archived, moved or deleted: once loaded, the reader takes the
   * keyboard focus if the removal left it nowhere (on the page body), so j/k, Tab and screen readers carry on here.
   */
  takeFocus?: boolean;
}

export function Reader(props: ReaderProps) {
  const { detail, isPending, error, onRetry, uid, onAutoRead, initialView, locatedIn } = props;
  const [conversation, setConversation] = useState(initialView === 'conversation');
  useAutoRead(uid, detail, onAutoRead);
  const articleRef = useRef<HTMLElement>(null);
  const loaded = !isPending && !!detail;
  useEffect(() => {
    if (!props.takeFocus || !loaded) return;
    const active = document.activeElement;
    if (!active || active === document.body) articleRef.current?.focus();
  }, [props.takeFocus, loaded]);

  if (isPending) return <LoadingState label="Loading message…" />;
  if (error || !detail)
    return <ErrorState title="The message could not be loaded." message={error?.message ?? ''} onRetry={onRetry} />;

  return (
    <article
      ref={articleRef}
      tabIndex={-1}
      aria-labelledby="reader-subject"
      className="space-y-4 p-4 focus:outline-none"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2
          id="reader-subject"
          className="min-w-0 text-xl font-semibold [overflow-wrap:anywhere] text-slate-950 dark:text-white"
        >
          {detail.subject ? <BidiText text={detail.subject} /> : '(no subject)'}
        </h2>
        <EditDraftLink mailbox={props.mailbox} folder={props.folder} uid={uid} />
        <Button variant="secondary" aria-pressed={conversation} onClick={() => setConversation((c) => !c)}>
          Conversation
        </Button>
      </div>
      {locatedIn && (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          In <BidiText text={locatedIn} />
        </p>
      )}
      {conversation ? <Conversation {...props} detail={detail} /> : <MessageView {...props} detail={detail} />}
    </article>
  );
}

function MessageView({ mailbox, folder, uid, detail, user }: ReaderProps & { detail: MessageDetail }) {
  return (
    <>
      <MessageHeader detail={detail} />

      <AttachmentChips mailbox={mailbox} folder={folder} uid={uid} attachments={detail.attachments} />

      {detail.htmlBody !== null ? (
        <HtmlBody mailbox={mailbox} folder={folder} uid={uid} sender={detail.from.address} user={user} />
      ) : (
        <TextBody text={detail.textBody ?? ''} />
      )}
    </>
  );
}

function Conversation({
  mailbox,
  folder,
  uid,
  detail,
  conversationFolders,
  user,
  onAutoRead,
}: ReaderProps & { detail: MessageDetail }) {
  const { messages, isPending, isError, refetch } = useConversation(
    mailbox,
    { folder, uid, detail },
    conversationFolders,
  );
  if (isPending && messages.length === 0) return <LoadingState label="Loading conversation…" />;
  if (isError && messages.length === 0)
    return <ErrorState title="The conversation could not be loaded." message="" onRetry={refetch} />;
  return (
    <section aria-label="Conversation" className="space-y-2">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {messages.length === 1 ? '1 message' : `${messages.length} messages`} in this conversation
      </p>
      <ol className="space-y-2">
        {messages.map((m, i) => (
          <li key={`${m.folder}/${m.uid}`}>
            <details
              open={i === messages.length - 1}
              className="rounded-md border border-slate-200 dark:border-slate-700"
            >
              <summary className="cursor-pointer px-3 py-2 text-sm">
                <span className="font-medium">
                  <AddressText address={m.detail.from} />
                </span>
                <span className="text-slate-500">
                  {' '}
                  · {formatDateTime(m.detail.date)} · <BidiText text={m.folder} />
                </span>
              </summary>
              <div className="border-t border-slate-200 p-3 dark:border-slate-700">
                <MessageView
                  mailbox={mailbox}
                  folder={m.folder}
                  uid={m.uid}
                  detail={m.detail}
                  user={user}
                  isPending={false}
                  error={null}
                  onRetry={refetch}
                  conversationFolders={conversationFolders}
                  onAutoRead={onAutoRead}
                />
              </div>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
