import { useState, type FormEvent } from 'react';
import { Button } from '@web/components/ui/button';
import { useChangePassword } from '../api';
import { SessionsList } from './sessions-list';

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
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {change.error.message}
        </p>
      )}
      {done && (
        <p role="status" className="mt-2 text-sm text-emerald-700 dark:text-emerald-300">
          Password changed. Your other sessions were signed out.
        </p>
      )}
      <Button type="submit" className="mt-3" disabled={change.isPending}>
        Change password
      </Button>
    </form>
  );
}

/** Account page: the signed-in user's password and sessions. */
export function AccountPage({ onSignedOutHere }: { onSignedOutHere: () => void }) {
  return (
    <>
      <ChangePasswordForm />
      <SessionsList onSignedOutHere={onSignedOutHere} />
    </>
  );
}
