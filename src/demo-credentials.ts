/**
 * The console login that demo mode creates (no SENTROY_ACCESS_TOKEN). Printed at start and shown in the README;
 * it only ever exists next to the emulator's demo data, never against a real Sentroy company.
 */
export const DEMO_ADMIN = {
  email: 'admin@acme.example',
  password: 'demo-admin-password',
  name: 'Demo Admin',
} as const;

/** Demo operator: domains, templates, compose and send from any mailbox, the whole send log; no inbox. */
export const DEMO_OPERATOR = {
  email: 'operator@acme.example',
  password: 'demo-operator-password',
  name: 'Demo Operator',
  role: 'operator',
  mailboxes: [],
} as const;

/** Demo member: only the support mailbox (inbox and sending), domains and templates read-only. */
export const DEMO_MEMBER = {
  email: 'member@acme.example',
  password: 'demo-member-password',
  name: 'Demo Member',
  role: 'member',
  mailboxes: ['support@acme.example'],
} as const;

/** One user per role, as demo mode seeds them (README "Demo users"). */
export const DEMO_USERS = [{ ...DEMO_ADMIN, role: 'admin', mailboxes: [] }, DEMO_OPERATOR, DEMO_MEMBER] as const;
