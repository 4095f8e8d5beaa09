import { TRAINING_KIND_LABELS } from '@mcr/contract';
import { NotFoundError, trainingRepositories } from '@mcr/data';
import { trainingsExport } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { RawBody, toCsv } from '../../pipeline/raw-body.ts';
import { loadExcelJS } from '../../services/exceljs.ts';

const STATUS_JA = { confirmed: '確定', waitlisted: 'キャンセル待ち', cancelled: '取消' } as const;
const ATTENDED_JA = (a: boolean | null) => (a === true ? '出席' : a === false ? '欠席' : '');
export const PARTICIPANT_HEADER = ['申込ID', '受付番号', '状態', '医療機関コード', '医療機関名', '保健所', '氏名', '職名', '出欠', '申込日時'] as const;

/**
 * The participant list of a session, in arrival order, as CSV (UTF-8 with BOM) or xlsx (ExcelJS, as the other
 * exports). Its first column is the registration id, so the same file can come back as the sign-in sheet.
 */
export const handler = defineHandler(trainingsExport, async ({ params, query, repos }) => {
  const r = repos(trainingRepositories);
  const session = await r.trainings.getSession(params.sessionId);
  if (!session) throw new NotFoundError('training');
  const regs = (await r.trainings.allRegistrations(params.sessionId)).sort((a, b) => a.seq - b.seq);
  const facilities = new Map((await r.trainings.facilitiesByIds(regs.map((x) => x.facilityId))).map((f) => [f.id, f]));
  const rows = regs.map((x) => [
    x.registrationId,
    x.seq,
    STATUS_JA[x.status],
    facilities.get(x.facilityId)?.medicalInstitutionCode ?? '',
    x.facilityName,
    facilities.get(x.facilityId)?.healthCenterName ?? '',
    x.participantName,
    x.participantTitle ?? '',
    ATTENDED_JA(x.attended),
    x.createdAt,
  ]);
  const base = `training-${session.sessionId}-participants`;
  if (query.format === 'csv') return new RawBody('text/csv; charset=utf-8', toCsv(PARTICIPANT_HEADER, rows), `${base}.csv`);
  // lean: exceljs (about 1 MB minified, beside the bundle) loads for an xlsx only, not at the route's cold start.
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('参加者');
  ws.addRow([`${session.title} (${TRAINING_KIND_LABELS[session.kind].ja})`, session.startsAt]);
  ws.addRow([...PARTICIPANT_HEADER]);
  for (const row of rows) ws.addRow(row);
  ws.columns.forEach((c) => {
    c.width = 18;
  });
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return new RawBody('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer.toString('base64'), `${base}.xlsx`, true);
});
