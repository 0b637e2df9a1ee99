/** The folder of info@acme.example that holds the bulk messages. */
export const BULK_FOLDER = 'Bulk';

/** What every check of `npm run bench` gets: the running servers and a signed-in session. */
export interface EmulatorInfo {
  url: string;
  companySlug: string;
  accessToken: string;
  seedMs: number;
}

export interface BenchContext {
  emulator: EmulatorInfo & { pid: number };
  console: { url: string; pid: number };
  /** Session cookie of the demo admin ("name=value"). */
  cookie: string;
  /** Messages in info@acme.example "Bulk". */
  bulkCount: number;
  /** Where the SPA was built for this run. */
  staticDir: string;
}

export const env = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
};
