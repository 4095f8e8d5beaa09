import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, writeCalendar } from '../../../functions/src/services/ics.ts';
import { attendedValue, parseCsv, readSheet } from '../../../functions/src/services/sign-in-sheet.ts';

describe('RFC 5545 writer', () => {
  it('escapes TEXT values (backslash, semicolon, comma, line breaks)', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a UTF-8 character, and unfolds back to the same line', () => {
    const line = `SUMMARY:${'医療情報システムの安全管理'.repeat(8)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const p of physical) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
    for (const p of physical.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('writes a calendar with CRLF line ends and UTC times', () => {
    const text = writeCalendar('研修', [{ uid: 'x@y', start: '2026-12-10T14:00:00+09:00', end: '2026-12-10T16:00:00+09:00', summary: 's' }]);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('\r\nDTSTART:20261210T050000Z\r\n');
    expect(text).toContain('\r\nDTEND:20261210T070000Z\r\n');
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
  });
});

describe('sign-in sheet reader', () => {
  it('parses RFC 4180 CSV: BOM, quotes, doubled quotes, commas and line breaks in fields', () => {
    expect(parseCsv('\uFEFFa,"b,1","c ""q""","d\r\ne"\r\n1,2,3,4')).toEqual([
      ['a', 'b,1', 'c "q"', 'd\r\ne'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('finds the header under a title row, maps known columns, skips blank rows and numbers rows as in the file', async () => {
    const csv = '研修 受付簿,,\n申込ID,氏名,出欠\nr000001aa,徳島 太郎,出席\n,,\nr000002bb,阿南 花子,欠席\n';
    const sheet = await readSheet(Buffer.from(csv), 'csv');
    expect([...sheet.columns].sort()).toEqual(['attended', 'participantName', 'registrationId']);
    expect(sheet.rows).toEqual([
      { row: 3, cells: { registrationId: 'r000001aa', participantName: '徳島 太郎', attended: '出席' } },
      { row: 5, cells: { registrationId: 'r000002bb', participantName: '阿南 花子', attended: '欠席' } },
    ]);
  });

  it('reads attendance marks in Japanese and English; anything else is undefined', () => {
    expect(['出席', '○', '1', 'yes', '', 'ＹＥＳ'].map(attendedValue)).toEqual([true, true, true, true, true, true]);
    expect(['欠席', '×', '0', 'no', 'absent'].map(attendedValue)).toEqual([false, false, false, false, false]);
    expect(attendedValue('たぶん')).toBeUndefined();
  });
});
