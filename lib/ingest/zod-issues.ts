import type { z } from 'zod';

/**
 * Turns a Zod issue into a short message for an uploader: "is required", "must be one of …",
 * "must be at least 0 (got -3)". `value` is the offending input value, if any.
 */
export function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const got =
    value === undefined
      ? ''
      : ` (got ${JSON.stringify(value instanceof Date ? value.toISOString() : value)})`;
  if (value === undefined && issue.code !== 'custom') {
    return 'is required';
  }
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) {
        return 'is required';
      }
      return issue.expected === 'int' ? `must be a whole number${got}` : `must be a ${issue.expected}${got}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}${got}`;
    case 'too_small':
      if (issue.origin === 'string') {
        return value === undefined ? 'is required' : 'must not be blank';
      }
      return issue.message.startsWith('must be within')
        ? `${issue.message}${got}`
        : `must be ${issue.inclusive === false ? 'greater than' : 'at least'} ${String(issue.minimum)}${got}`;
    case 'too_big':
      if (issue.origin === 'string') {
        return `must be at most ${String(issue.maximum)} characters`;
      }
      return issue.message.startsWith('must be within')
        ? `${issue.message}${got}`
        : `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}${got}`;
    case 'invalid_format':
      return `has an invalid format${got}`;
    case 'not_multiple_of':
      return `must be a whole number${got}`;
    case 'custom':
      return issue.message;
    default:
      return `${issue.message}${got}`;
  }
}
