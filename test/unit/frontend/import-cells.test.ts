import { FacilityImportBody } from '@mcr/contract';
import { describe, expect, it } from 'vitest';
import { CELL_MAX, cellLengthErrors, withinCellLimits } from '../../../frontend/src/features/facilities/import-run.ts';

/** A cell longer than the contract accepts is a row error in the preview, not a 400 for the whole request (issue 11). */

const LABELS = {
  name: '名称',
  kind: '種別',
  beds: '病床数',
  healthCenter: '保健所',
  medicalArea: '二次医療圏',
  medicalInstitutionCode: '医療機関コード',
  address: '所在地',
  contactEmail: '連絡先メール',
};
const row = {
  row: 2,
  name: '鳥取県立中央病院',
  kind: '病院',
  beds: '431',
  healthCenter: '鳥取保健所',
  medicalArea: '東部',
  medicalInstitutionCode: '3110000001',
  address: '鳥取県鳥取市江津730',
  contactEmail: 'a@example.jp',
};

describe('cell limits of the facility import', () => {
  it('takes each limit from the contract', () => {
    expect(CELL_MAX.name).toBe(100);
    expect(CELL_MAX.contactEmail).toBe(254);
  });

  it('reports an over-long cell by row and column, and cuts it for the preview so the request is accepted', () => {
    const long = { ...row, row: 7, address: 'あ'.repeat(151) };
    expect(cellLengthErrors([row], LABELS)).toEqual([]);
    const errors = cellLengthErrors([row, long], LABELS);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 7, column: '所在地' });
    expect(errors[0]?.message.ja).toContain('150 文字まで');
    expect(FacilityImportBody.safeParse({ rows: [long] }).success).toBe(false);
    expect(FacilityImportBody.safeParse({ rows: [withinCellLimits(long)] }).success).toBe(true);
    expect(withinCellLimits(row)).toEqual(row);
  });
});
