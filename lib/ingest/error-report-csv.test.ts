import { expect, test } from 'vitest';
import { toErrorReportCsv, toSafeCsvCell } from './error-report-csv';

test.each([
  ['=SUM(A1)', "'=SUM(A1)"],
  ['+1', "'+1"],
  ['-2', "'-2"],
  ['@cmd', "'@cmd"],
  ['plain', 'plain'],
  ['say "hi", ok', '"say ""hi"", ok"'],
])('toSafeCsvCell(%j) = %j', (input, expected) => {
  expect(toSafeCsvCell(input)).toBe(expected);
});

test('error report CSV: header, one line per error, empty column for whole-row errors', () => {
  expect(
    toErrorReportCsv([
      { fileName: 'a.csv', line: 3, column: 'energy_kwh', message: 'energy_kwh: "-1" must be ≥ 0' },
      { fileName: '=evil.csv', line: 4, column: null, message: 'row has 2 fields' },
    ]),
  ).toBe(
    'file,line,column,message\na.csv,3,energy_kwh,"energy_kwh: ""-1"" must be ≥ 0"\n\'=evil.csv,4,,row has 2 fields\n',
  );
});
