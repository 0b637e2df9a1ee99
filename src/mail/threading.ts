/**
 * Conversation threading for the webmail, pure and browser-safe (no node modules): JWZ-style joins by
 * Message-ID / In-Reply-To / References first (https://www.jwz.org/doc/threading.html), then a subject match only for
 * what those headers leave unlinked, and only for messages that say they are a reply or forward ("Re:", "Fwd:").
 * So two unrelated "Invoice" mails never merge, while a reply whose subject was renamed still joins by its headers.
 */
import { normalizeThreadSubject, threadKey } from './thread-subject';

export interface ThreadableMessage {
  /** Unique key of this item in the caller's world (e.g. `${folder}/${uid}`). */
  key: string;
  messageId: string | null;
  inReplyTo: string | null;
  references?: readonly string[];
  subject: string;
  /** ISO date; "" sorts first. */
  date: string;
}

export interface Thread<T extends ThreadableMessage> {
  /** Key of the thread's root message (or the first message when the root is missing). */
  key: string;
  /** Oldest first. */
  messages: T[];
}

interface Container<T> {
  id: string;
  message: T | null;
  parent: Container<T> | null;
  children: Set<Container<T>>;
}

/** Message-IDs compare without angle brackets, whitespace or case of the domain part (good enough, and stable). */
export function normalizeMessageId(id: string | null | undefined): string | null {
  if (!id) return null;
  const trimmed = id
    .trim()
    .replace(/^<+|>+$/g, '')
    .trim();
  return trimmed ? trimmed.toLowerCase() : null;
}

/** "<a@x> <b@y>" or ["<a@x>", "<b@y>"] → ["a@x", "b@y"]. */
function idList(values: readonly string[] | undefined, inReplyTo: string | null): string[] {
  const out: string[] = [];
  for (const value of values ?? []) {
    const tokens = value.match(/<[^<>]+>/g) ?? [value];
    for (const token of tokens) {
      const id = normalizeMessageId(token);
      if (id) out.push(id);
    }
  }
  const parent = normalizeMessageId(inReplyTo?.match(/<[^<>]+>/)?.[0] ?? inReplyTo);
  // In-Reply-To is the most reliable parent: it goes last so it wins as the direct parent.
  if (parent && out.at(-1) !== parent) out.push(parent);
  return out;
}

function isAncestor<T>(candidate: Container<T>, of: Container<T>): boolean {
  for (let c: Container<T> | null = of; c; c = c.parent) if (c === candidate) return true;
  return false;
}

function time(date: string): number {
  const t = Date.parse(date);
  return Number.isNaN(t) ? 0 : t;
}

function byDate<T extends ThreadableMessage>(a: T, b: T): number {
  return time(a.date) - time(b.date) || a.key.localeCompare(b.key);
}

/** True when the subject carries a reply/forward prefix, i.e. the sender said it belongs to an earlier message. */
export function hasReplyPrefix(subject: string): boolean {
  return normalizeThreadSubject(subject) !== subject.trim();
}

/** Group messages into conversations, oldest first inside each, threads ordered by their newest message (newest first). */
export function buildThreads<T extends ThreadableMessage>(messages: readonly T[]): Thread<T>[] {
  const byId = new Map<string, Container<T>>();
  const containers: Container<T>[] = [];
  const containerFor = (id: string): Container<T> => {
    let c = byId.get(id);
    if (!c) {
      c = { id, message: null, parent: null, children: new Set() };
      byId.set(id, c);
    }
    return c;
  };

  // 1. One container per message; a missing or duplicate Message-ID gets a synthetic one.
  for (const message of messages) {
    const id = normalizeMessageId(message.messageId);
    let container: Container<T>;
    if (id && !byId.get(id)?.message) {
      container = containerFor(id);
      container.message = message;
    } else {
      container = { id: `\u0000${message.key}`, message, parent: null, children: new Set() };
      byId.set(container.id, container);
    }
    containers.push(container);
  }

  const link = (parent: Container<T>, child: Container<T>) => {
    if (parent === child || child.parent || isAncestor(child, parent)) return;
    child.parent = parent;
    parent.children.add(child);
  };

  // 2. Walk References (+ In-Reply-To): each id is the parent of the next; the last one is the message's parent.
  for (const container of containers) {
    const message = container.message!;
    const refs = idList(message.references, message.inReplyTo).filter((r) => r !== container.id);
    let previous: Container<T> | null = null;
    for (const ref of refs) {
      const current = containerFor(ref);
      if (previous) link(previous, current);
      previous = current;
    }
    if (previous && !isAncestor(container, previous)) {
      // The message's own headers are authoritative for its parent: replace a guess made from another's References.
      if (container.parent && container.parent !== previous) {
        container.parent.children.delete(container);
        container.parent = null;
      }
      link(previous, container);
    }
  }

  // 3. Collect the messages under each root.
  const rootOf = (c: Container<T>): Container<T> => {
    let r = c;
    while (r.parent) r = r.parent;
    return r;
  };
  const groups = new Map<Container<T>, T[]>();
  for (const container of containers) {
    const root = rootOf(container);
    const list = groups.get(root) ?? [];
    list.push(container.message!);
    groups.set(root, list);
  }

  // 4. Subject fallback, only for groups whose first message is a headerless reply ("Re: Invoice" with no
  // In-Reply-To/References): join the latest earlier group with the same normalized subject.
  const threads = [...groups.values()].map((list) => list.sort(byDate));
  threads.sort((a, b) => byDate(a[0]!, b[0]!));
  const merged: T[][] = [];
  const bySubject = new Map<string, T[][]>();
  for (const list of threads) {
    const first = list[0]!;
    const subjectKey = threadKey(first.subject);
    const orphanReply =
      hasReplyPrefix(first.subject) && idList(first.references, first.inReplyTo).length === 0 && subjectKey !== '';
    const candidates = bySubject.get(subjectKey) ?? [];
    const target = orphanReply
      ? [...candidates].reverse().find((t) => time(t[0]!.date) <= time(first.date))
      : undefined;
    if (target) {
      target.push(...list);
      target.sort(byDate);
      continue;
    }
    merged.push(list);
    if (subjectKey) bySubject.set(subjectKey, [...candidates, list]);
  }

  return merged
    .map((list) => ({ key: list[0]!.key, messages: list }))
    .sort((a, b) => time(b.messages.at(-1)!.date) - time(a.messages.at(-1)!.date));
}

/** The conversation that holds the message with `key`, or just that message when it is alone. */
export function threadContaining<T extends ThreadableMessage>(messages: readonly T[], key: string): Thread<T> | null {
  return buildThreads(messages).find((t) => t.messages.some((m) => m.key === key)) ?? null;
}
