import type { MessageAddress } from '@contract/index';
import { BidiText } from '@web/components/ui/bidi-text';
import { displayAddress, visibleText } from '@web/lib/visible-text';

export interface AddressTextProps {
  address: MessageAddress;
  /** Show the real address beside any name (the reader's header); otherwise only beside a spoof-like name. */
  withAddress?: boolean;
  /** Shown when there is neither name nor address. */
  fallback?: string;
}

/**
 * A sender or recipient from a message: the name, isolated, with invisible characters made visible. A name that
 * looks like an address (`support@acme.example <x@evil.example>`) is never shown alone: the real address comes
 * beside it, flagged, so it cannot pass for the address it imitates.
 */
export function AddressText({ address, withAddress = false, fallback = '(unknown)' }: AddressTextProps) {
  if (!address.name?.trim() && !address.address) return <>{fallback}</>;
  const shown = displayAddress(address.name, address.address);
  const addressToo = shown.showAddress || (withAddress && shown.label !== visibleText(address.address));
  return (
    <span className="min-w-0">
      <BidiText text={shown.label} />
      {addressToo && (
        <>
          {' <'}
          <BidiText text={address.address} data-real-address="" />
          {'>'}
        </>
      )}
      {shown.spoofLike && (
        <span className="ml-1 rounded bg-amber-100 px-1 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">
          name is not the address
        </span>
      )}
    </span>
  );
}

/** The same as plain text, for aria-label, title and document.title. */
export function addressPlain(address: MessageAddress): string {
  const shown = displayAddress(address.name, address.address);
  return shown.showAddress ? `${shown.label} <${visibleText(address.address)}> (name is not the address)` : shown.label;
}

/** A list of recipients, comma separated. */
export function AddressList({ addresses, empty = '—' }: { addresses: readonly MessageAddress[]; empty?: string }) {
  if (addresses.length === 0) return <>{empty}</>;
  return (
    <>
      {addresses.map((a, i) => (
        <span key={i}>
          {i > 0 && ', '}
          <AddressText address={a} withAddress />
        </span>
      ))}
    </>
  );
}
