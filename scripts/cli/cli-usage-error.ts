/** Unusable arguments or an unreadable file: the CLI prints the message and exits with status 2. */
export class CliUsageError extends Error {}
