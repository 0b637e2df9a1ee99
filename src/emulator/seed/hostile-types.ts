/** What every hostile corpus file shares (hostile-corpus.ts assembles them). */

/** A script payload's marker: the e2e test fails if it ever appears in the browser's console. */
export const MARK = "console.log('HOSTILE-EXECUTED')";

/** One mail as a corpus file writes it: a title (the subject's tail) and an HTML or a plain-text body. */
export interface HostileMailSpec {
  title: string;
  html?: string;
  text?: string;
  /** Display name of the sender (default "Mallory"). */
  fromName?: string;
  attachments?: { filename: string; contentType: string; content: string }[];
}
