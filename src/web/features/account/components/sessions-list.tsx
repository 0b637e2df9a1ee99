import type { AccountSession } from '@contract/index';
import { useState } from 'react';
import { Badge } from '@web/components/ui/badge';
import { BidiText } from '@web/components/ui/bidi-text';
import { Button } from '@web/components/ui/button';
import { DataTable, type DataTableColumn } from '@web/components/ui/data-table';
import { ErrorState, LoadingState } from '@web/components/ui/status-message';
import { formatDateTime } from '@web/lib/format-date';
import { useEndSession, useSessions, useSignOutEverywhere } from '../api';
import { deviceName } from '../utils/device-name';

/** How many sessions show before "Show all": this device and the most recently used others. */
export const SESSIONS_SHOWN = 4;

/** This device first, then the others by when they were last used, newest first. */
export function orderSessions(sessions: readonly AccountSession[]): AccountSession[] {
  return [...sessions].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
  );
}

function describe(s: AccountSession) {
  return `${deviceName(s.userAgent)} from ${s.ip ?? 'an unknown address'}, last seen ${formatDateTime(s.lastSeenAt)}`;
}

export function SessionsList({ onSignedOutHere }: { onSignedOutHere: () => void }) {
  const sessions = useSessions();
  const everywhere = useSignOutEverywhere();
  const endOne = useEndSession();
  const [showAll, setShowAll] = useState(false);
  if (sessions.isPending) return <LoadingState label="Loading your sessions…" />;
  if (sessions.isError) {
    return (
      <ErrorState
        title="Your sessions could not be loaded."
        message={sessions.error.message}
        onRetry={() => void sessions.refetch()}
      />
    );
  }
  const ordered = orderSessions(sessions.data);
  const shown = showAll ? ordered : ordered.slice(0, SESSIONS_SHOWN);

  const columns: DataTableColumn<AccountSession>[] = [
    {
      id: 'device',
      header: 'Device',
      rowHeader: true,
      cell: (s) => (
        <span className="flex flex-wrap items-center gap-2">
          {/* The full header as a tooltip, for the rare case the short name is not enough to recognise it. */}
          <span title={s.userAgent ?? undefined}>
            <BidiText text={deviceName(s.userAgent)} />
          </span>
          {s.current && <Badge tone="success">this device</Badge>}
        </span>
      ),
    },
    { id: 'ip', header: 'IP', cell: (s) => s.ip ?? '—' },
    {
      id: 'created',
      header: 'Signed in',
      cell: (s) => <time dateTime={s.createdAt}>{formatDateTime(s.createdAt)}</time>,
    },
    {
      id: 'seen',
      header: 'Last seen',
      cell: (s) => <time dateTime={s.lastSeenAt}>{formatDateTime(s.lastSeenAt)}</time>,
    },
    {
      id: 'actions',
      header: 'Actions',
      headerHidden: true,
      cell: (s) =>
        // No button for the session in use: that is "Sign out" in the header.
        !s.current && (
          <Button
            variant="danger"
            className="px-2 py-1 text-xs"
            aria-label={`Sign out the session on ${describe(s)}`}
            disabled={endOne.isPending && endOne.variables === s.id}
            onClick={() => endOne.mutate(s.id)}
          >
            Sign out
          </Button>
        ),
    },
  ];

  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title" className="mb-2 text-lg font-semibold">
        Active sessions ({ordered.length})
      </h2>
      <DataTable caption="Your active sessions" columns={columns} rows={shown} rowKey={(s) => s.id} />
      {ordered.length > SESSIONS_SHOWN && (
        <Button variant="ghost" className="mt-2" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer sessions' : `Show all ${ordered.length} sessions`}
        </Button>
      )}
      <div className="mt-4 flex flex-wrap gap-2">
        <Button
          variant="danger"
          disabled={everywhere.isPending || ordered.length < 2}
          onClick={() => everywhere.mutate({ includeThisDevice: false })}
        >
          Sign out all other sessions
        </Button>
        <Button
          variant="danger"
          disabled={everywhere.isPending}
          onClick={() => everywhere.mutate({ includeThisDevice: true }, { onSuccess: onSignedOutHere })}
        >
          Sign out everywhere
        </Button>
      </div>
    </section>
  );
}
