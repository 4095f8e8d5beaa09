import { FILE_CONTENT_TYPES } from '@mcr/contract';
import { NotFoundError, nameKey, type TrainingRegistrationRecord, fileRepositories, trainingRepositories } from '@mcr/data';
import { trainingsAttendanceImport } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';
import { attendedValue, readSheet } from '../../services/sign-in-sheet.ts';
import { readStoredFile, verifyUpload } from '../../services/uploads.ts';

type RowError = { row: number; column: string; message: { ja: string; en: string } };

/**
 * Attendance from a sign-in sheet uploaded through the files pipeline (purpose `training_sheet`). Rows match a
 * registration by its id, or by 医療機関コード + 氏名. Every row is checked first; one bad row → the errors per
 * row and nothing written. A dry run only reports.
 */
export const handler = defineHandler(trainingsAttendanceImport, async ({ identity, params, body, repos, requestId }) => {
  const r = repos(fileRepositories, trainingRepositories);
  const session = await r.trainings.getSession(params.sessionId);
  if (!session) throw new NotFoundError('training');
  const verified = await verifyUpload(r, identity, body.uploadId, 'training_sheet');
  const bytes = await readStoredFile(verified.fileKey);
  const sheet = await readSheet(bytes, verified.contentType === FILE_CONTENT_TYPES.xlsx ? 'xlsx' : 'csv');

  const errors: RowError[] = [];
  if (!sheet.columns.has('registrationId') && !(sheet.columns.has('facilityCode') && sheet.columns.has('participantName'))) {
    errors.push({
      row: 1,
      column: '申込ID',
      message: {
        ja: '見出し行に「申込ID」、または「医療機関コード」と「氏名」の列が必要です',
        en: 'The header needs a 申込ID (registration id) column, or 医療機関コード (facility code) and 氏名 (name)',
      },
    });
    return { rows: sheet.rows.length, matched: 0, errors, updated: 0 };
  }
  const regs = (await r.trainings.allRegistrations(params.sessionId)).filter((x) => x.status !== 'cancelled');
  const byId = new Map(regs.map((x) => [x.registrationId, x]));
  const facilities = await r.trainings.facilitiesByIds(regs.map((x) => x.facilityId));
  const codeOf = new Map(facilities.map((f) => [f.id, f.medicalInstitutionCode]));
  const byCodeName = new Map<string, TrainingRegistrationRecord>();
  for (const x of regs) byCodeName.set(`${codeOf.get(x.facilityId) ?? ''}|${nameKey(x.participantName).replace(/\s+/g, '')}`, x);

  const marks = new Map<string, boolean>();
  for (const { row, cells } of sheet.rows) {
    const id = cells.registrationId ?? '';
    const reg = id
      ? byId.get(id)
      : byCodeName.get(`${(cells.facilityCode ?? '').normalize('NFKC')}|${nameKey(cells.participantName ?? '').replace(/\s+/g, '')}`);
    if (!reg) {
      errors.push(
        id
          ? { row, column: '申込ID', message: { ja: `この研修の申込に ID「${id}」はありません`, en: `No registration of this session has id "${id}"` } }
          : {
              row,
              column: '氏名',
              message: {
                ja: 'この医療機関コードと氏名の申込が見つかりません',
                en: 'No registration of this session matches this facility code and name',
              },
            },
      );
      continue;
    }
    const attended = attendedValue(cells.attended);
    if (attended === undefined) {
      errors.push({
        row,
        column: '出欠',
        message: { ja: '出欠は「出席」か「欠席」で入力してください', en: 'Attendance must be 出席 (present) or 欠席 (absent)' },
      });
      continue;
    }
    if (reg.status !== 'confirmed') {
      errors.push({ row, column: '申込ID', message: { ja: 'キャンセル待ちの申込には出欠を記録できません', en: 'A waitlisted registration cannot attend' } });
      continue;
    }
    if (marks.has(reg.registrationId)) {
      errors.push({ row, column: '申込ID', message: { ja: '同じ申込が2回あります', en: 'The same registration appears twice' } });
      continue;
    }
    marks.set(reg.registrationId, attended);
  }
  const result = { rows: sheet.rows.length, matched: marks.size, errors };
  if (errors.length || body.dryRun || marks.size === 0) return { ...result, updated: 0 };
  const updated = await r.trainings.setAttendance(
    params.sessionId,
    [...marks].map(([registrationId, attended]) => ({ registrationId, attended })),
    { uploadId: body.uploadId, usedBy: `training/${params.sessionId}`, fileKey: verified.fileKey },
    actorOf(identity, requestId),
  );
  return { ...result, updated };
});
