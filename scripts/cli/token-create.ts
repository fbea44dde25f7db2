import { ZExpiresIn, ZTokenScopes } from '@/lib/schemas/api-token';
import { createApiTokenForMember } from '@/lib/server/access/api-token-cli';
import { getPrisma } from '@/lib/server/db/prisma';
import { resolveDatabase } from '../db/resolve-database';
import { CliUsageError } from './cli-usage-error';

const USAGE =
  'usage: footprint token create --org <slug> --email <user> --name <label> [--scopes read,write:usage,reports,manage:factors] [--expires-in 30d|12h]';
const OPTIONS = ['--org', '--email', '--name', '--scopes', '--expires-in'];

/** Parses `--scopes` and `--expires-in` (defaults: every scope, never expires), or throws a usage error. */
export function parseTokenOptions(options: Map<string, string>, now: Date) {
  const scopesText = options.get('--scopes');
  const scopes = scopesText === undefined ? undefined : ZTokenScopes.safeParse(scopesText.split(','));
  if (scopes && !scopes.success) {
    throw new CliUsageError(`--scopes: ${scopes.error.issues[0]?.message ?? 'invalid'}\n${USAGE}`);
  }
  const expiresText = options.get('--expires-in');
  const expiresIn = expiresText === undefined ? undefined : ZExpiresIn.safeParse(expiresText);
  if (expiresIn && !expiresIn.success) {
    throw new CliUsageError(`--expires-in: ${expiresIn.error.issues[0]?.message ?? 'invalid'}\n${USAGE}`);
  }
  return {
    ...(scopes ? { scopes: scopes.data } : {}),
    expiresAt: expiresIn ? new Date(now.getTime() + expiresIn.data) : null,
  };
}

/** `footprint token create --org <slug> --email <user> --name <label> [...]`: prints the token once. */
export async function runTokenCreate(args: string[]): Promise<number> {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i];
    const value = args[i + 1];
    if (!key || !OPTIONS.includes(key) || !value) {
      throw new CliUsageError(USAGE);
    }
    options.set(key, value);
  }
  const org = options.get('--org');
  const email = options.get('--email');
  const name = options.get('--name');
  if (!org || !email || !name) {
    throw new CliUsageError(USAGE);
  }
  const tokenOptions = parseTokenOptions(options, new Date());
  const db = await resolveDatabase((m) => process.stderr.write(`${m}\n`));
  process.env.DATABASE_URL = db.url;
  try {
    const created = await createApiTokenForMember({ orgSlug: org, email, name, options: tokenOptions });
    const expiry = created.expiresAt ? `expires ${created.expiresAt.toISOString()}` : 'never expires';
    process.stderr.write(
      `Created token "${created.name}" for ${email} in ${org} (scopes ${created.scopes.join(',')}; ${expiry}). ` +
        'It is shown once; store it now:\n',
    );
    process.stdout.write(`${created.token}\n`);
    return 0;
  } finally {
    await getPrisma().$disconnect();
    await db.stop();
  }
}
