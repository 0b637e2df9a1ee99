/**
 * `npm run users -- <command>`: user administration without a browser, on CONSOLE_DATA_DIR's database, through the
 * same data-access layer and rules as the Users page (access/user-admin.ts), audited with `via: "cli"`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createUserRequestSchema, mailboxAddressSchema, type ManagedUser } from '@contract/index';
import {
  changeGrants,
  createUser,
  deleteUser,
  findUserByEmail,
  isRole,
  listUsers,
  resetPassword,
  updateUser,
  type Actor,
  type UserAdminDeps,
} from '../access/user-admin';
import {
  createCompanyMailboxDirectory,
  unconfiguredCompanyMailboxes,
  type CompanyMailboxDirectory,
} from '../access/company-mailboxes';
import { createConsoleStore, openConsoleDatabase } from '../db/index';
import { ConfigError, loadServerConfig } from '../env';
import { ApiError } from '../http-errors';
import { createSentroyClient } from '../upstream/client';

export const USAGE = `Usage: npm run users -- <command>

  add <email> --role admin|operator|member [--name "Full Name"] [--password P] [--mailbox a@x.com ...]
                                     create a user (a password is generated and printed when --password is left out)
  list                               every user with role, state and mailboxes
  set-role <email> <role>            change a user's role
  grant <email> <mailbox> [...]      give access to mailboxes
  revoke <email> <mailbox> [...]     take access away
  disable <email>                    disable a user and end their sessions now
  enable <email>                     enable a disabled user
  reset-password <email>             set a new random password (printed once) and end their sessions
  delete <email>                     delete a user

The database is CONSOLE_DATA_DIR/console.sqlite (default ./data). Granting a mailbox (add --mailbox, grant) asks
Sentroy for the company's mailboxes first, so it needs SENTROY_ACCESS_TOKEN and SENTROY_COMPANY_SLUG (and
SENTROY_BASE_URL / SENTROY_API_PATH when not the defaults), as the console itself does.`;

export interface CliIo {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
}

class UsageError extends Error {}

const CLI_ACTOR: Actor = { userId: null, email: null, ip: null, via: 'cli' };

function describe(user: ManagedUser): string {
  const state = user.disabled ? 'disabled' : 'active';
  const mailboxes = user.mailboxes.length > 0 ? user.mailboxes.join(', ') : '-';
  return `${user.email}\t${user.role}\t${state}\t${user.name ?? ''}\t${mailboxes}`;
}

function mailboxArgs(values: string[]): string[] {
  if (values.length === 0) throw new UsageError('Name at least one mailbox');
  return values.map((v) => {
    const parsed = mailboxAddressSchema.safeParse(v);
    if (!parsed.success) throw new UsageError(`Not a mailbox address: ${v}`);
    return parsed.data;
  });
}

async function run(deps: UserAdminDeps, argv: string[], out: CliIo['out']): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      mailbox: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, email, ...rest] = positionals;
  const needEmail = () => {
    if (!email) throw new UsageError(`${command} needs the user's email`);
    return email;
  };
  const idOf = async () => (await findUserByEmail(deps, needEmail())).id;

  switch (command) {
    case 'add': {
      const parsed = createUserRequestSchema.safeParse({
        email: needEmail(),
        role: values.role,
        name: values.name,
        password: values.password,
        mailboxes: values.mailbox ?? [],
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new UsageError(issue ? `${issue.path.join('.') || 'input'}: ${issue.message}` : 'Invalid input');
      }
      const { user, password } = await createUser(deps, CLI_ACTOR, parsed.data);
      out(`Created ${describe(user)}`);
      if (values.password === undefined) out(`Password (shown once): ${password}`);
      return;
    }
    case 'list':
      out('email\trole\tstate\tname\tmailboxes');
      for (const user of await listUsers(deps)) out(describe(user));
      return;
    case 'set-role': {
      const role = rest[0];
      if (!role || !isRole(role)) throw new UsageError('set-role needs a role: admin, operator or member');
      out(`Updated ${describe(await updateUser(deps, CLI_ACTOR, await idOf(), { role }))}`);
      return;
    }
    case 'grant':
    case 'revoke': {
      const id = await idOf();
      const mailboxes = mailboxArgs(rest);
      const user = await changeGrants(
        deps,
        CLI_ACTOR,
        id,
        command === 'grant' ? { add: mailboxes } : { remove: mailboxes },
      );
      out(`Updated ${describe(user)}`);
      return;
    }
    case 'disable':
    case 'enable': {
      const user = await updateUser(deps, CLI_ACTOR, await idOf(), { disabled: command === 'disable' });
      out(`Updated ${describe(user)}`);
      return;
    }
    case 'reset-password': {
      const { user, password } = await resetPassword(deps, CLI_ACTOR, await idOf());
      out(`New password for ${user.email} (shown once): ${password}`);
      return;
    }
    case 'delete': {
      const id = await idOf();
      await deleteUser(deps, CLI_ACTOR, id);
      out(`Deleted ${needEmail().toLowerCase()}`);
      return;
    }
    default:
      if (command === undefined || values.help || command === 'help') {
        out(USAGE);
        return;
      }
      throw new UsageError(`Unknown command: ${command}`);
  }
}

/**
 * The company's mailboxes for grant checks, from the same Sentroy settings the console uses. Without them a grant
 * cannot be checked and is refused (fail closed); every other command works without Sentroy.
 */
function companyMailboxesFromEnv(env: CliIo['env']): CompanyMailboxDirectory {
  const config = loadServerConfig(env);
  const { companySlug, accessToken } = config.upstream;
  if (!companySlug || !accessToken) return unconfiguredCompanyMailboxes;
  // One short-lived lookup per command: no cache worth keeping, and a 1 s refresh floor is plenty.
  return createCompanyMailboxDirectory({
    upstream: createSentroyClient(
      { ...config.upstream, companySlug, accessToken },
      { userAgent: 'sentroy-console-cli' },
    ),
    minRefreshMs: 1_000,
  });
}

/** Runs one command; returns the exit code (0 ok, 1 refused, 2 usage). Tests call it in-process. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let companyMailboxes: CompanyMailboxDirectory;
  try {
    companyMailboxes = companyMailboxesFromEnv(io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(error.message);
    return 2;
  }
  const dataDir = path.resolve(io.env.CONSOLE_DATA_DIR?.trim() || './data');
  const store = createConsoleStore(await openConsoleDatabase(dataDir));
  try {
    await run({ store, now: () => new Date(), companyMailboxes }, argv, io.out);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && error.name === 'TypeError' && 'code' in error)) {
      io.err(error.message);
      io.err('');
      io.err(USAGE);
      return 2;
    }
    if (error instanceof ApiError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  main(process.argv.slice(2), {
    env: process.env,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
