import type { Ref } from 'react';
import { Button } from '@web/components/ui/button';
import { plural } from '../api/message-actions';
import type { ListView } from '../hooks/use-inbox-layout';
import type { MessageListState } from '../hooks/use-message-list-state';
import type { ListRow } from './list-rows';
import { MessageList } from './message-list';

export interface ListPaneProps {
  list: MessageListState;
  /** The folder's name as shown (already made visible: it comes from the server). */
  folderName: string;
  view: ListView;
  onViewChange: (view: ListView) => void;
  isVirtual: boolean;
  hrefFor: (row: ListRow) => string;
  onRefresh: () => void;
  /** Drag started on a row: the UIDs that move (the row, or the selection holding it). */
  onDragUids: (uids: number[]) => void;
  searchRef: Ref<HTMLInputElement>;
}

/** The search and filter bar over the message list, the list itself, and the conversation view's footer. */
export function ListPane({
  list,
  folderName,
  view,
  onViewChange,
  isVirtual,
  hrefFor,
  onRefresh,
  onDragUids,
  searchRef,
}: ListPaneProps) {
  const { count, conversations, checked } = list;
  return (
    <section aria-label="Messages" className="flex h-full min-w-0 flex-col">
      <form
        role="search"
        className="flex flex-wrap items-center gap-2 border-b border-slate-200 p-2 dark:border-slate-800"
        onSubmit={(event) => {
          event.preventDefault();
          list.search.submit();
        }}
      >
        <label className="sr-only" htmlFor="inbox-search">
          Search {folderName}
        </label>
        <input
          id="inbox-search"
          ref={searchRef}
          type="search"
          value={list.search.input}
          onChange={(event) => list.search.setInput(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') (event.target as HTMLInputElement).blur();
          }}
          placeholder={`Search ${folderName}: filters as you type`}
          aria-describedby="inbox-search-hint"
          aria-keyshortcuts="/"
          className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
        />
        <span id="inbox-search-hint" className="sr-only">
          The list filters as you type; Enter searches at once, and an empty box shows the whole folder.
        </span>
        <label className="flex items-center gap-1 text-sm">
          <input
            type="checkbox"
            checked={list.unreadOnly}
            onChange={(event) => list.setUnreadOnly(event.target.checked)}
          />
          Unread only
        </label>
        <Button variant="ghost" onClick={onRefresh}>
          Refresh
        </Button>
        <div role="group" aria-label="List shows" className="flex">
          {(['messages', 'conversations'] as const).map((v) => (
            <Button
              key={v}
              variant={view === v ? 'secondary' : 'ghost'}
              aria-pressed={view === v}
              onClick={() => onViewChange(v)}
            >
              {v === 'messages' ? 'Messages' : 'Conversations'}
            </Button>
          ))}
        </div>
      </form>
      {isVirtual && (
        <p className="border-b border-slate-200 px-3 py-1.5 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-300">
          {folderName} lists the messages of every folder. Open a message to act on it where it really is.
        </p>
      )}
      <div className="min-h-0 flex-1">
        {count === 0 && list.pageResults.every((r) => !r.isPending) ? (
          <p className="p-6 text-center text-sm text-slate-600 dark:text-slate-300">
            {list.q ? 'No messages match your search.' : 'No messages here.'}
          </p>
        ) : (
          <MessageList
            label={view === 'conversations' ? `${folderName} conversations` : `${folderName} messages`}
            count={count}
            getRow={list.getRow}
            scrollToIndex={list.openIndex}
            isOpen={list.isOpen}
            checked={checked}
            selectable={!isVirtual}
            hrefFor={hrefFor}
            onRangeChange={list.onRangeChange}
            onToggleCheck={list.toggleCheck}
            onDragRow={(row) => {
              const uids = row.messages.map((m) => m.uid);
              onDragUids(uids.some((u) => checked.has(u)) ? [...new Set([...checked, ...uids])] : uids);
            }}
          />
        )}
      </div>
      {conversations && (
        <p className="flex flex-wrap items-center gap-2 border-t border-slate-200 px-3 py-1.5 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-300">
          {plural(count).replace('message', 'conversation')} in the newest {plural(list.loaded.length)}
          {list.hasOlder && (
            <Button variant="ghost" onClick={list.loadOlder}>
              Load older messages
            </Button>
          )}
        </p>
      )}
    </section>
  );
}
