import { createApiTokenForMember } from '@/lib/data/api-token-cli';
import { getPrisma } from '@/lib/db';
import { resolveDatabase } from '../db/resolve-database';
import { CliUsageError } from './cli-usage-error';

/** `footprint token create --org <slug> --email <user> --name <label>`: prints the token once. */
export async function runTokenCreate(args: string[]): Promise<number> {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i];
    const value = args[i + 1];
    if (!key || !['--org', '--email', '--name'].includes(key) || !value) {
      throw new CliUsageError('usage: footprint token create --org <slug> --email <user> --name <label>');
    }
    options.set(key, value);
  }
  const org = options.get('--org');
  const email = options.get('--email');
  const name = options.get('--name');
  if (!org || !email || !name) {
    throw new CliUsageError('usage: footprint token create --org <slug> --email <user> --name <label>');
  }
  const db = await resolveDatabase((m) => process.stderr.write(`${m}\n`));
  process.env.DATABASE_URL = db.url;
  try {
    const created = await createApiTokenForMember({ orgSlug: org, email, name });
    process.stderr.write(
      `Created token "${created.name}" for ${email} in ${org}. It is shown once; store it now:\n`,
    );
    process.stdout.write(`${created.token}\n`);
    return 0;
  } finally {
    await getPrisma().$disconnect();
    await db.stop();
  }
}
