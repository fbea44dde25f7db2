import { expect, test } from 'vitest';
import { AUDIT_CSV_HEADER, auditCsvLine } from './audit-csv';

test('an audit row becomes one CSV line; a formula-looking value is neutralised', () => {
  expect(AUDIT_CSV_HEADER[0]).toBe('time_utc');
  const line = auditCsvLine({
    createdAt: new Date('2026-11-29T12:00:00Z'),
    action: 'column-mapping-preset.saved',
    actorEmail: '=HYPERLINK("http://evil")',
    actorUserId: 'u1',
    actorTokenId: null,
    targetType: 'column_mapping_preset',
    targetId: 'p1',
    metadata: { name: '+cmd' },
  });
  expect(line).toBe(
    '2026-11-29T12:00:00.000Z,column-mapping-preset.saved,"\'=HYPERLINK(""http://evil"")",u1,,column_mapping_preset,p1,"{""name"":""+cmd""}"\r\n',
  );
});
