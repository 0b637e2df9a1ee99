import { emailSchema } from '@contract/index';

export interface ParsedAddresses {
  valid: string[];
  invalid: string[];
}

/** A pasted list ("a@x.com, b@y.com; Name <c@z.com>") → addresses, each checked on its own. */
export function parseAddressList(text: string): ParsedAddresses {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[,;\n]+/)) {
    const token = raw.trim();
    if (!token) continue;
    // "Name <address>" keeps only the address: the platform takes bare addresses.
    const address = (/<([^>]+)>\s*$/.exec(token)?.[1] ?? token).trim().toLowerCase();
    if (emailSchema.safeParse(address).success) valid.push(address);
    else invalid.push(token);
  }
  return { valid, invalid };
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
