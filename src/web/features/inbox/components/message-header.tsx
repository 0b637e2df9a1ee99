import type { AttachmentInfo, MessageDetail } from '@contract/index';
import { BidiText } from '@web/components/ui/bidi-text';
import { Icon } from '@web/components/ui/icon';
import { formatDateTime } from '@web/lib/format-date';
import { visibleText } from '@web/lib/visible-text';
import { attachmentHref } from '../api/get-message';
import { AddressList, AddressText } from './address-text';

const formatSize = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** From, To, Cc and Date of a message; every name isolated and a spoof-like name shown beside the real address. */
export function MessageHeader({ detail }: { detail: Pick<MessageDetail, 'from' | 'to' | 'cc' | 'date'> }) {
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm [overflow-wrap:anywhere]">
      <dt className="font-medium text-slate-500 dark:text-slate-400">From</dt>
      <dd>
        <AddressText address={detail.from} withAddress />
      </dd>
      <dt className="font-medium text-slate-500 dark:text-slate-400">To</dt>
      <dd>
        <AddressList addresses={detail.to} />
      </dd>
      {detail.cc.length > 0 && (
        <>
          <dt className="font-medium text-slate-500 dark:text-slate-400">Cc</dt>
          <dd>
            <AddressList addresses={detail.cc} />
          </dd>
        </>
      )}
      <dt className="font-medium text-slate-500 dark:text-slate-400">Date</dt>
      <dd>{formatDateTime(detail.date)}</dd>
    </dl>
  );
}

export interface AttachmentChipsProps {
  mailbox: string;
  folder: string;
  uid: number;
  attachments: readonly AttachmentInfo[];
}

/**
 * The message's attachments as download links. A file name is hostile: `invoice‮fdp.exe` must not read as
 * `invoiceexe.pdf`, so it is isolated and its controls shown, and the saved name carries the visible form too.
 */
export function AttachmentChips({ mailbox, folder, uid, attachments }: AttachmentChipsProps) {
  if (attachments.length === 0) return null;
  return (
    <section aria-label="Attachments">
      <ul className="flex flex-wrap gap-2">
        {attachments.map((a) => (
          <li key={a.partId} className="min-w-0 max-w-full">
            <a
              href={attachmentHref(mailbox, folder, uid, a.partId)}
              download={visibleText(a.filename)}
              className="inline-flex max-w-full items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm [overflow-wrap:anywhere] hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              <Icon name="paperclip" />
              <span className="min-w-0">
                Download <BidiText text={a.filename} />{' '}
                <span className="text-slate-500 dark:text-slate-400">({formatSize(a.size)})</span>
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
