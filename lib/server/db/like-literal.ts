/**
 * Escapes LIKE metacharacters so that user text is matched literally. Prisma turns `contains` and case-insensitive
 * `equals` into ILIKE without escaping: `\` alone is an unterminated escape (Postgres error → 500), `%` and `_`
 * are wildcards. Postgres' default LIKE escape character is the backslash.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
