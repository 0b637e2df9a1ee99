import type { ConsoleRole } from '@contract/index';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigation, useSearchParams } from 'react-router';
import { LoadingState } from '@web/components/ui/status-message';
import { paths } from '@web/config/paths';
import { useBufferedDrafts } from '../hooks/use-buffered-drafts';
import { draftSearch, entryFromSearch, useComposeEntry, useDraftBuffer } from '../hooks/use-compose-entry';
import { newDraft, type Draft } from '../utils/draft';
import type { DraftBuffer } from '../utils/draft-store';
import { BufferedDrafts } from './buffered-drafts';
import { ComposeForm, type ComposeOutcome } from './compose-form';
import { SendResult } from './send-result';

/** Who is composing: the From choices are the mailboxes their role and grants let them send from. */
export interface ComposeSender {
  /** The console user's id: the browser's draft buffer is kept per user (utils/draft-store.ts). */
  userId: string;
  role: ConsoleRole;
  mailboxGrants: readonly string[];
}

export interface ComposeViewProps {
  sender: ComposeSender;
  /** Tests pass an in-memory buffer; the app opens IndexedDB. */
  openBuffer?: () => Promise<DraftBuffer>;
}

/**
 * The compose page: works out which draft the URL names (hooks/use-compose-entry.ts), then shows the form with it.
 * Each draft has its own id in the URL, so several can be open in several tabs and a reply never replaces another.
 */
export function ComposeView({ sender, openBuffer }: ComposeViewProps) {
  const buffer = useDraftBuffer(sender.userId, openBuffer);
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const entry = entryFromSearch(params);
  const [current, setCurrent] = useState<Draft | null>(null);
  const [outcome, setOutcome] = useState<ComposeOutcome | null>(null);
  // The URL names the draft compose already holds: nothing to resolve.
  const holding = current !== null && entry.kind === 'draft' && entry.id === current.id;
  const resolved = useComposeEntry(holding ? null : entry, buffer, location.key);
  const buffered = useBufferedDrafts(holding ? buffer : null, sender.userId, current?.id);
  // Naming the draft in the URL must never land on another page. setParams navigates wherever the router is now: a
  // save finishing after compose is gone, or a draft resolving while the router is already loading the page the
  // user went back to (compose stays rendered until then), gave that page a ?draft=… of its own.
  const navigation = useNavigation();
  const settled = navigation.state === 'idle';
  const mayRename = useRef(true);
  useEffect(() => {
    mayRename.current = settled;
    return () => {
      mayRename.current = false;
    };
  }, [settled]);

  // A newly resolved draft becomes the one compose holds (state adjusted while rendering, React's pattern for it).
  const [taken, setTaken] = useState<Draft | null>(null);
  if (!holding && resolved.data && resolved.data !== taken) {
    setTaken(resolved.data);
    setCurrent(resolved.data);
    if (entry.kind !== 'draft') setOutcome(null);
  }
  // …and the URL names it, so a reload (or another tab) comes back to this draft.
  useEffect(() => {
    if (current && !holding && settled) setParams(draftSearch(current), { replace: true });
  }, [current, holding, settled, setParams]);

  const notice = outcome && (
    <div className="space-y-2">
      {outcome.result && <SendResult result={outcome.result} />}
      {outcome.warning && (
        <p role="alert" className="text-sm text-amber-800 dark:text-amber-200">
          {outcome.result ? 'Sent. ' : 'Discarded. '}
          {outcome.warning}
        </p>
      )}
    </div>
  );

  if (!holding) {
    if (resolved.isError) {
      return (
        <div role="alert" className="space-y-2 text-sm text-red-700 dark:text-red-300">
          <p>The draft could not be opened: {resolved.error.message}</p>
          <Link to={paths.compose.getHref()} className="underline">
            Write a new message
          </Link>
        </div>
      );
    }
    if (resolved.data === null) {
      return (
        <div role="alert" className="space-y-2 text-sm text-slate-800 dark:text-slate-100">
          <p>This draft is no longer in Drafts or in this browser: it may have been sent or deleted.</p>
          <Link to={paths.compose.getHref()} className="underline">
            Write a new message
          </Link>
        </div>
      );
    }
    return <LoadingState label="Opening your draft…" />;
  }

  return (
    <div className="space-y-6">
      {notice}
      <BufferedDrafts drafts={buffered.data ?? []} />
      <ComposeForm
        key={current.id}
        initial={current}
        buffer={buffer!}
        sender={sender}
        onSaved={(mailbox) => {
          // A reload comes back to this draft even once the browser's buffer has let go of it.
          if (mayRename.current && params.get('mailbox') !== mailbox)
            setParams(draftSearch({ id: current.id, from: mailbox }), { replace: true });
        }}
        onDone={(done) => {
          setOutcome(done);
          setCurrent(newDraft());
        }}
      />
    </div>
  );
}
