import { loginRequestSchema, type Me } from '@contract/index';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '@web/components/ui/button';
import { useLogin } from '../api/login';

export interface LoginFormProps {
  onSignedIn: (me: Me) => void;
}

type FieldErrors = Partial<Record<'email' | 'password', string>>;

const inputClass =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500 aria-[invalid=true]:border-red-500 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';

/**
 * Email + password, checked with the contract's `loginRequestSchema` before sending (the same rules the BFF
 * applies), and the BFF's own message ("Email or password is incorrect", "Too many failed sign-in attempts…")
 * in an alert when it refuses.
 */
export function LoginForm({ onSignedIn }: LoginFormProps) {
  const id = useId();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const loginMutation = useLogin({ onSuccess: onSignedIn });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = loginRequestSchema.safeParse({ email: form.get('email'), password: form.get('password') });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === 'email' || field === 'password') && !errors[field]) errors[field] = issue.message;
      }
      setFieldErrors(errors);
      // Send the keyboard user to the first field to fix.
      (errors.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    setFieldErrors({});
    loginMutation.mutate(parsed.data);
  }

  const serverError = loginMutation.error?.message;

  return (
    <form
      noValidate
      onSubmit={handleSubmit}
      aria-describedby={serverError ? `${id}-error` : undefined}
      className="space-y-4"
    >
      {serverError && (
        <div
          id={`${id}-error`}
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
        >
          {serverError}
        </div>
      )}
      <div>
        <label htmlFor={`${id}-email`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
          Email
        </label>
        <input
          ref={emailRef}
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="username"
          required
          aria-invalid={fieldErrors.email ? true : undefined}
          aria-describedby={fieldErrors.email ? `${id}-email-error` : undefined}
          className={inputClass}
        />
        {fieldErrors.email && (
          <p id={`${id}-email-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
            {fieldErrors.email}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={`${id}-password`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
          Password
        </label>
        <input
          ref={passwordRef}
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={fieldErrors.password ? true : undefined}
          aria-describedby={fieldErrors.password ? `${id}-password-error` : undefined}
          className={inputClass}
        />
        {fieldErrors.password && (
          <p id={`${id}-password-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
            {fieldErrors.password}
          </p>
        )}
      </div>
      <Button type="submit" className="w-full" disabled={loginMutation.isPending}>
        {loginMutation.isPending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
