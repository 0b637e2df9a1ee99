import { useId, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { parseAddressList } from '../utils/addresses';

export interface AddressFieldProps {
  label: string;
  addresses: readonly string[];
  onChange: (addresses: string[]) => void;
  /** Error from the form (e.g. "Add at least one recipient"). */
  error?: string;
  hint?: string;
  max?: number;
}

/**
 * Addresses as chips. Typing a comma, semicolon or Enter (or leaving the field) turns the text into chips; a pasted
 * list is split and each address checked on its own. What is not an address stays in the field, with the reason.
 */
export function AddressField({ label, addresses, onChange, error, hint, max }: AddressFieldProps) {
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<string[]>([]);
  const id = useId();
  const problem = invalid.length > 0 ? `Not an email address: ${invalid.join(', ')}` : error;

  const commit = (value: string) => {
    const { valid, invalid: bad } = parseAddressList(value);
    const merged = [...addresses];
    for (const address of valid) if (!merged.includes(address)) merged.push(address);
    const limited = max !== undefined ? merged.slice(0, max) : merged;
    if (limited.length !== addresses.length) onChange(limited);
    setInvalid(bad);
    setText(bad.join(', '));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',' || event.key === ';') {
      if (text.trim()) {
        event.preventDefault();
        commit(text);
      } else if (event.key === 'Enter') {
        event.preventDefault();
      }
    } else if (event.key === 'Backspace' && text === '' && addresses.length > 0) {
      onChange(addresses.slice(0, -1));
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    if (/[,;\n]/.test(pasted)) {
      event.preventDefault();
      commit(`${text} ${pasted}`);
    }
  };

  const describedBy = [problem ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-100">
        {label}
      </label>
      <div
        className={`mt-1 flex flex-wrap items-center gap-1 rounded-md border px-2 py-1 dark:bg-slate-900 ${
          problem ? 'border-red-600' : 'border-slate-300 dark:border-slate-600'
        }`}
      >
        <ul aria-label={`${label} addresses`} className="contents">
          {addresses.map((address) => (
            <li
              key={address}
              className="inline-flex items-center gap-1 rounded-full bg-indigo-50 px-2 py-0.5 text-sm text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100"
            >
              {address}
              <button
                type="button"
                aria-label={`Remove ${address} from ${label}`}
                onClick={() => onChange(addresses.filter((a) => a !== address))}
                className="rounded px-1 leading-none focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          type="text"
          inputMode="email"
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => text.trim() && commit(text)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy}
          className="min-w-[12rem] flex-1 border-0 bg-transparent py-1 text-sm outline-none"
        />
      </div>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-300">
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
          {problem}
        </p>
      )}
    </div>
  );
}
