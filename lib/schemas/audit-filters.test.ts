import { describe, expect, test } from 'vitest';
import { auditFiltersQuery, parseAuditFilters } from './audit-filters';

describe('audit filters', () => {
  test('valid values are kept, trimmed; page defaults to 1', () => {
    expect(
      parseAuditFilters(
        new URLSearchParams('action=upload.deleted&actor=%20admin%20&from=2026-01-01&to=2026-02-01'),
      ),
    ).toEqual({
      action: 'upload.deleted',
      actor: 'admin',
      from: '2026-01-01',
      to: '2026-02-01',
      page: 1,
    });
  });

  test('invalid dates, empty text and bad pages fall back to no filter', () => {
    expect(parseAuditFilters({ from: '2026-13-45', to: 'yesterday', actor: ' ', page: '-3' })).toEqual({
      action: undefined,
      actor: undefined,
      from: undefined,
      to: undefined,
      page: 1,
    });
  });

  test('the query string round-trips without the page', () => {
    const filters = parseAuditFilters({ action: 'a', to: '2026-03-01', page: '4' });
    expect(auditFiltersQuery(filters)).toBe('action=a&to=2026-03-01');
    expect(parseAuditFilters(new URLSearchParams(auditFiltersQuery(filters, { page: '2' }))).page).toBe(2);
  });
});
