/**
 * The only module that imports DOMPurify in the browser (STYLE habit 7), for what the user writes and what the
 * company's templates render: previews (components/ui/email-frame.tsx, a sandboxed srcdoc frame under the page's CSP)
 * and written Markdown (lib/markdown.ts). Received mail is never sanitised here: the BFF serves each message as a
 * document of its own under a strict CSP (src/server/mail-html/, routes/message-body.ts), so no copy of a mail's
 * HTML is ever parsed into the console's page.
 */
import DOMPurify from 'dompurify';

let purifier: ReturnType<typeof DOMPurify> | null = null;
function getPurifier() {
  purifier ??= DOMPurify(window);
  return purifier;
}

const BASIC_FORBID_TAGS = [
  'script',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'object',
  'embed',
  'iframe',
  'frame',
];
const BASIC_FORBID_ATTR = ['srcdoc', 'formaction'];

function plainPurifier() {
  const dompurify = getPurifier();
  dompurify.removeAllHooks();
  return dompurify;
}

/**
 * A whole email document (template previews): scripts, event handlers, forms and embedded objects go; links,
 * `<style>` and inline styles stay. Shown in a sandboxed iframe by its caller.
 */
export function sanitizeEmailDocument(html: string): string {
  return plainPurifier().sanitize(html, {
    WHOLE_DOCUMENT: true,
    ADD_TAGS: ['style'],
    FORBID_TAGS: BASIC_FORBID_TAGS,
    FORBID_ATTR: BASIC_FORBID_ATTR,
    RETURN_TRUSTED_TYPE: false,
  }) as unknown as string;
}

/** A fragment (a written message's body), sanitised the same way. */
export function sanitizeHtmlFragment(html: string): string {
  return plainPurifier().sanitize(html, {
    FORBID_TAGS: BASIC_FORBID_TAGS,
    FORBID_ATTR: BASIC_FORBID_ATTR,
    RETURN_TRUSTED_TYPE: false,
  }) as unknown as string;
}
