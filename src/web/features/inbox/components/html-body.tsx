import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '@web/components/ui/button';
import { BLOCKED_META_NAME, messageBodyHref } from '../api/message-body';
import { useImageConsent, useTrustedSenders } from './remote-content';

export interface HtmlBodyProps {
  mailbox: string;
  /** The message's real folder (All mail messages are opened where they are). */
  folder: string;
  uid: number;
  /** The sender's address, for "Always show images from …" (may be empty). */
  sender: string;
  /** The signed-in console user: consent and trusted senders are theirs. */
  user: string;
}

/**
 * A message's HTML, shown without ever parsing it into the console's page: the BFF serves the sanitised message as
 * a document of its own under a strict CSP (routes/message-body.ts), and this frame loads it with a sandbox that
 * has no `allow-scripts`. `allow-same-origin` keeps the document on the console's origin, so this component can
 * read its height and the number of blocked remote images from it; nothing in the frame can run to abuse that.
 * Remote images load only after "Show images" (or for a trusted sender): the frame reloads with `images=1`.
 */
export function HtmlBody({ mailbox, folder, uid, sender, user }: HtmlBodyProps) {
  const { isTrusted, trust } = useTrustedSenders(user);
  const { shown, show } = useImageConsent(user, mailbox, folder, uid);
  const allowRemote = shown || (sender !== '' && isTrusted(sender));
  const src = messageBodyHref(mailbox, folder, uid, allowRemote);
  const { frameRef, height, blocked, onLoad } = useFrameDocument();

  return (
    <>
      {blocked > 0 && !allowRemote && (
        <div
          role="status"
          className="flex flex-wrap items-center gap-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-50"
        >
          <span>
            {blocked === 1 ? '1 remote resource was' : `${blocked} remote resources were`} blocked to protect your
            privacy.
          </span>
          <Button variant="secondary" onClick={show}>
            Show images
          </Button>
          {sender && (
            <Button variant="ghost" onClick={() => trust(sender)}>
              Always show images from {sender}
            </Button>
          )}
        </div>
      )}
      <iframe
        ref={frameRef}
        title="Message content"
        src={src}
        sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
        onLoad={onLoad}
        className="block w-full max-w-full rounded border border-slate-200 bg-white dark:border-slate-700"
        style={{ height }}
      />
    </>
  );
}

const MIN_HEIGHT = 120;
const MAX_HEIGHT = 20_000;

/**
 * Follows the frame's own document: its height (so the reader, not the frame, scrolls vertically; a wide mail
 * scrolls sideways inside the frame) and the blocked-image count the BFF wrote into it. Called again on each load
 * (consent reloads the frame). A body sized by the viewport (100vh) would grow with every resize: three growths in
 * a row by the same step stop the following, and the frame keeps its own scrollbar.
 */
function useFrameDocument() {
  const frameRef = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(MIN_HEIGHT);
  const [blocked, setBlocked] = useState(0);
  const stop = useRef<() => void>(() => {});

  useEffect(() => () => stop.current(), []);

  const onLoad = useCallback(() => {
    stop.current();
    const frame = frameRef.current;
    const doc = frame?.contentDocument;
    const win = frame?.contentWindow;
    if (!frame || !doc || !win || !doc.documentElement) return;
    // Prototype methods: the mail cannot shadow them (DOMPurify also strips clobbering names).
    const meta = Document.prototype.querySelector.call(doc, `meta[name="${BLOCKED_META_NAME}"]`);
    setBlocked(Math.max(0, Number(meta?.getAttribute('content')) || 0));

    let last = 0;
    let step = 0;
    let sameSteps = 0;
    const measure = () => {
      const root = doc.scrollingElement ?? doc.documentElement;
      // A horizontal scrollbar takes its height from the viewport: add it, or it would cover the last line.
      const scrollbar = root.scrollWidth > root.clientWidth ? Math.max(0, win.innerHeight - root.clientHeight) : 0;
      const next = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(root.scrollHeight + scrollbar)));
      if (next === last) return;
      const grew = next - last;
      sameSteps = last !== 0 && grew === step ? sameSteps + 1 : 0;
      step = grew;
      if (sameSteps >= 3) return;
      last = next;
      setHeight(next);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(doc.documentElement);
    if (doc.body) observer.observe(doc.body);
    // Images change the height when they arrive (after consent); their load events do not bubble, so capture.
    doc.addEventListener('load', measure, true);
    stop.current = () => {
      observer.disconnect();
      doc.removeEventListener('load', measure, true);
    };
  }, []);

  return { frameRef, height, blocked, onLoad };
}
