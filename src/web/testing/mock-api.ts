import type { Domain, DomainDetail, Me } from '@contract/index';
import { vi } from 'vitest';

/** Test double of the BFF: routes "METHOD /path" to a status and a JSON body; anything else is a 404 envelope. */
export type MockRoute = (request: { url: URL; init: RequestInit | undefined }) => { status: number; body?: unknown };

export function mockApi(routes: Record<string, MockRoute>) {
  const calls: string[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://console.test');
    const key = `${init?.method ?? 'GET'} ${url.pathname}`;
    calls.push(key);
    const route = routes[key];
    const { status, body } = route
      ? route({ url, init })
      : { status: 404, body: { data: null, error: `No mock for ${key}` } };
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, calls };
}

export const ok = (data: unknown) => ({ status: 200, body: { data } });
export const fail = (status: number, error: string) => ({ status, body: { data: null, error } });

/** Shaped like the emulator's demo seed, typed by the contract so a contract change breaks these tests too. */
export const demoMe: Me = {
  user: { id: 'u1', email: 'admin@acme.example', name: 'Demo Admin', role: 'admin' },
  mailboxGrants: [],
  console: { demoMode: true, companySlug: 'acme', version: '0.1.0' },
};

export const demoDomains: Domain[] = [
  {
    id: 'd-acme',
    domain: 'acme.example',
    status: 'active',
    spfVerified: true,
    dkimVerified: true,
    dmarcVerified: true,
    createdAt: '2026-01-10T08:00:00.000Z',
    updatedAt: '2026-01-10T09:00:00.000Z',
  },
  {
    id: 'd-mail',
    domain: 'acme-mail.example',
    status: 'verifying',
    spfVerified: true,
    dkimVerified: false,
    dmarcVerified: false,
    createdAt: '2026-01-11T08:00:00.000Z',
    updatedAt: '2026-01-11T08:05:00.000Z',
  },
];

export const demoDomainDetail: DomainDetail = {
  ...demoDomains[1]!,
  dkimSelector: 'sentroy',
  dnsRecords: [
    { type: 'TXT', name: 'acme-mail.example', value: 'v=spf1 include:_spf.sentroy.com ~all' },
    { type: 'TXT', name: 'sentroy._domainkey.acme-mail.example', value: 'v=DKIM1; k=rsa; p=MIIB' },
    { type: 'MX', name: 'acme-mail.example', value: 'mx.sentroy.com', priority: 10 },
  ],
};
