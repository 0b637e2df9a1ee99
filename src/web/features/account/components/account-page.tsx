import { useState, type FormEvent } from 'react';
import { Button } from '@web/components/ui/button';
import { ErrorState, LoadingState } from '@web/components/ui/status-message';
import { useChangePassword, useEndSession, useSessions, useSignOutEverywhere } from '../api';

const inputClass =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900';

function ChangePasswordForm() {
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [done, setDone] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNew('');
          setDone(true);
        },
      },
    );
  };
  return (
    <form aria-labelledby="change-password-title" onSubmit={submit} className="mb-8 max-w-md">
      <h2 id="change-password-title" className="text-lg font-semibold">
        Change password
      </h2>
      <label className="mt-2 block text-sm font-medium">
        Current password
        <input
          className={inputClass}
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </label>
      <label className="mt-2 block text-sm font-medium">
        New password
        <input
          className={inputClass}
          type="password"
          autoComplete="new-password"
          minLength={10}
          required
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
        />
      </label>
      {change.isError && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {change.error.message}
        </p>
      )}
      {done && (
        <p role="status" className="mt-2 text-sm text-emerald-700">
          Password changed. Your other sessions were signed out.
        </p>
      )}
      <Button type="submit" className="mt-3" disabled={change.isPending}>
        Change password
      </Button>
    </form>
  );
}

function Sessions({ onSignedOutHere }: { onSignedOutHere: () => void }) {
  const sessions = useSessions();
  const everywhere = useSignOutEverywhere();
  const endOne = useEndSession();
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
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title" className="text-lg font-semibold">
        Active sessions
      </h2>
      <table className="mt-2 w-full text-left text-sm">
        <caption className="sr-only">Your active sessions</caption>
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-700">
            <th scope="col" className="py-2">
              Device
            </th>
            <th scope="col">IP</th>
            <th scope="col">Signed in</th>
            <th scope="col">Last seen</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.data.map((s) => (
            <tr key={s.id} className="border-b border-slate-100 dark:border-slate-800">
              <td className="py-1">
                {s.userAgent ?? 'Unknown device'}
                {s.current && <strong className="ml-2">(this device)</strong>}
              </td>
              <td>{s.ip ?? '—'}</td>
              <td>{new Date(s.createdAt).toLocaleString()}</td>
              <td>{new Date(s.lastSeenAt).toLocaleString()}</td>
              <td className="py-1">
                {!s.current && (
                  <Button
                    variant="ghost"
                    className="px-2 py-1 text-xs"
                    aria-label={`Sign out the session on ${s.userAgent ?? 'an unknown device'} from ${s.ip ?? 'an unknown address'}, last seen ${new Date(s.lastSeenAt).toLocaleString()}`}
                    disabled={endOne.isPending && endOne.variables === s.id}
                    onClick={() => endOne.mutate(s.id)}
                  >
                    Sign out
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-4 flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={everywhere.isPending}
          onClick={() => everywhere.mutate({ includeThisDevice: false })}
        >
          Sign out all other sessions
        </Button>
        <Button
          disabled={everywhere.isPending}
          onClick={() => everywhere.mutate({ includeThisDevice: true }, { onSuccess: onSignedOutHere })}
        >
          Sign out everywhere
        </Button>
      </div>
    </section>
  );
}

/** Account page: the signed-in user's password and sessions. */
export function AccountPage({ onSignedOutHere }: { onSignedOutHere: () => void }) {
  return (
    <>
      <ChangePasswordForm />
      <Sessions onSignedOutHere={onSignedOutHere} />
    </>
  );
}
