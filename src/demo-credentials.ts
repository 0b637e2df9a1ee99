/**
 * The console login that demo mode creates (no SENTROY_ACCESS_TOKEN). Printed at start and shown in the README;
 * it only ever exists next to the emulator's demo data, never against a real Sentroy company.
 */
export const DEMO_ADMIN = {
  email: 'admin@acme.example',
  password: 'demo-admin-password',
  name: 'Demo Admin',
} as const;
