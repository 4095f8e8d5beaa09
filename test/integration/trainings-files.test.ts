import type { CoverageResponse, ErrorBody, TrainingRegistration, TrainingSession } from '@mcr/contract';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { api, settle, tokenFor, USERS } from '../support/api.ts';
import { stackInfo } from '../support/stack-info.ts';
import { uploadFile } from '../support/uploads.ts';

/**
 * Trainings' files and read model on the real local stack (decision 0014): attendance from a sign-in sheet (CSV
 * and xlsx through the files pipeline; a bad sheet reports per row and writes nothing), the participant export
 * (CSV and xlsx), the .ics of a registration (parsed back), the calendar feed (rotation invalidates the old URL) and
 * the coverage read model (equal to a recount from the registrations).
 */
const DAY = 86_400_000;
const stamp = Date.now().toString(36);
function inDays(days: number, hour = 14): string {
  const d = new Date(Date.now() + days * DAY + 9 * 3_600_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00+09:00`;
}
const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function createSession(over: Record<string, unknown> = {}): Promise<TrainingSession> {
  const res = await api<TrainingSession>('POST', '/api/trainings', {
    as: USERS.pref36,
    body: {
      kind: 'system_admin',
      title: `システム・セキュリティ管理者向け研修 ${stamp} ${Math.random().toString(36).slice(2, 6)}`,
      description: 'ログの確認, バックアップ; 復旧手順\n2行目',
      mode: 'online',
      url: 'https://meet.example.jp/training?id=1',
      startsAt: inDays(15, 13),
      endsAt: inDays(15, 15),
      capacity: 3,
      registrationDeadline: inDays(5, 17),
      ...over,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const register = async (sessionId: string, participantName: string, as: string = USERS.hospitalAdmin36) => {
  const res = await api<TrainingRegistration>('POST', `/api/trainings/${sessionId}/registrations`, { as, body: { participantName } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const registrations = async (sessionId: string) => {
  const res = await api<{ items: TrainingRegistration[] }>('GET', `/api/trainings/${sessionId}/registrations?limit=500`, { as: USERS.pref36 });
  expect(res.status).toBe(200);
  return res.body.items;
};
async function rawGet(path: string, as?: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const token = as ? await tokenFor(as) : undefined;
  const res = await fetch(`${stackInfo().url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}
const importSheet = (sessionId: string, uploadId: string, dryRun: boolean) =>
  api<{ rows: number; matched: number; updated: number; errors: { row: number; column: string; message: { ja: string; en: string } }[] }>(
    'POST',
    `/api/trainings/${sessionId}/attendance/import`,
    { as: USERS.pref36, body: { uploadId, dryRun } },
  );
async function xlsxOf(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('受付簿');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Unfolds an iCalendar text and returns its content lines (RFC 5545 §3.1). */
function icsLines(text: string): string[] {
  expect(text.includes('\r\n')).toBe(true);
  for (const physical of text.split('\r\n')) expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75);
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}
const icsUnescape = (v: string) => v.replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');
function icsEvents(text: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of icsLines(text)) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      out.push(current);
      current = undefined;
    } else if (current) {
      const i = line.indexOf(':');
      current[line.slice(0, i).split(';')[0] as string] = icsUnescape(line.slice(i + 1));
    }
  }
  return out;
}

describe('trainings: sign-in sheets, export, calendar', () => {
  it('records attendance from a CSV sheet matched by registration id, and from an xlsx sheet by facility code + name', async () => {
    const session = await createSession({ capacity: 3 });
    const a = await register(session.sessionId, `阿波 一郎 ${stamp}`);
    const b = await register(session.sessionId, `阿波 二郎 ${stamp}`);
    const c = await register(session.sessionId, `阿波 三郎 ${stamp}`, USERS.clinic36);
    const waitlisted = await register(session.sessionId, `阿波 四郎 ${stamp}`);
    expect(waitlisted.status).toBe('waitlisted');

    // CSV by registration id; a dry run reports and writes nothing.
    const csv = `\uFEFF申込ID,氏名,出欠\r\n${a.registrationId},${a.participantName},出席\r\n${b.registrationId},"${b.participantName}",欠席\r\n`;
    const csvUpload = await uploadFile({ as: USERS.pref36 }, 'training_sheet', { name: '受付簿.csv', type: CSV, bytes: Buffer.from(csv) });
    const dry = await importSheet(session.sessionId, csvUpload, true);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ rows: 2, matched: 2, updated: 0, errors: [] });
    expect((await registrations(session.sessionId)).every((r) => r.attended === null)).toBe(true);
    const done = await importSheet(session.sessionId, csvUpload, false);
    expect(done.body).toMatchObject({ rows: 2, matched: 2, updated: 2, errors: [] });
    const afterCsv = new Map((await registrations(session.sessionId)).map((r) => [r.registrationId, r.attended]));
    expect(afterCsv.get(a.registrationId)).toBe(true);
    expect(afterCsv.get(b.registrationId)).toBe(false);
    // The same upload does not count twice.
    expect((await importSheet(session.sessionId, csvUpload, false)).status).toBe(409);

    // xlsx by 医療機関コード + 氏名 (full-width digits and spaces fold), after a title row.
    const clinic = await api<{ medicalInstitutionCode: string }>('GET', `/api/facilities/${c.facilityId}`, { as: USERS.pref36 });
    const wide = clinic.body.medicalInstitutionCode.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const xlsx = await xlsxOf([['研修 受付簿'], ['医療機関コード', '氏名', '出欠'], [wide, c.participantName.replace(' ', '　'), '○']]);
    const xlsxUpload = await uploadFile({ as: USERS.pref36 }, 'training_sheet', { name: '受付簿.xlsx', type: XLSX, bytes: xlsx });
    const viaXlsx = await importSheet(session.sessionId, xlsxUpload, false);
    expect(viaXlsx.body, JSON.stringify(viaXlsx.body)).toMatchObject({ rows: 1, matched: 1, updated: 1, errors: [] });
    expect((await registrations(session.sessionId)).find((r) => r.registrationId === c.registrationId)?.attended).toBe(true);
  });

  it('reports a bad sheet per row (unknown id, bad value, waitlisted, duplicate) and writes nothing', async () => {
    const session = await createSession({ capacity: 1 });
    const a = await register(session.sessionId, `鳴門 花子 ${stamp}`);
    const w = await register(session.sessionId, `鳴門 太郎 ${stamp}`);
    const csv = [
      '申込ID,出欠',
      `${a.registrationId},出席`,
      'r999999deadbeef,出席',
      `${a.registrationId},たぶん`,
      `${w.registrationId},出席`,
      `${a.registrationId},欠席`,
    ].join('\n');
    const upload = await uploadFile({ as: USERS.pref36 }, 'training_sheet', { name: 'bad.csv', type: CSV, bytes: Buffer.from(csv) });
    const res = await importSheet(session.sessionId, upload, false);
    expect(res.status).toBe(200);
    expect(res.body.updated).toBe(0);
    expect(res.body.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '申込ID'],
      [4, '出欠'],
      [5, '申込ID'],
      [6, '申込ID'],
    ]);
    expect(res.body.errors.every((e) => e.message.ja && e.message.en)).toBe(true);
    expect((await registrations(session.sessionId)).every((r) => r.attended === null)).toBe(true);

    // A sheet without a usable header names the columns it needs.
    const noHeader = await uploadFile({ as: USERS.pref36 }, 'training_sheet', { name: 'x.csv', type: CSV, bytes: Buffer.from('a,b\n1,2\n') });
    const res2 = await importSheet(session.sessionId, noHeader, false);
    expect(res2.body.errors[0]).toMatchObject({ row: 1, column: '申込ID' });
    // A facility may not upload a sign-in sheet; the prefecture may not upload other purposes.
    const refused = await api<ErrorBody>('POST', '/api/uploads', {
      as: USERS.hospitalAdmin36,
      body: { purpose: 'training_sheet', fileName: 'a.csv', size: 10, contentType: CSV, sha256: 'a'.repeat(64) },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.fields?.[0]?.field).toBe('body.purpose');
  });

  it('exports the participants in arrival order as CSV and xlsx; the export comes back as a sign-in sheet', async () => {
    const session = await createSession({ capacity: 1 });
    const a = await register(session.sessionId, `=HYPERLINK("x") ${stamp}`);
    const b = await register(session.sessionId, `徳島 次郎 ${stamp}`);
    const csv = await rawGet(`/api/trainings/${session.sessionId}/export?format=csv`, USERS.pref36);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF申込ID,受付番号,状態')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`${a.registrationId},1,確定`);
    // Formula injection is defused.
    expect(lines[1]).toContain(`'=HYPERLINK`);
    expect(lines[2]).toContain(`${b.registrationId},2,キャンセル待ち`);

    const xlsx = await rawGet(`/api/trainings/${session.sessionId}/export?format=xlsx`, USERS.pref36);
    expect(xlsx.status).toBe(200);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).getCell(1).value).toBe('申込ID');
    expect(ws.getRow(3).getCell(1).value).toBe(a.registrationId);
    expect(ws.getRow(4).getCell(7).value).toBe(b.participantName);
    // The exported workbook, with 出欠 filled in, is accepted as the sign-in sheet.
    ws.getRow(3).getCell(9).value = '出席';
    ws.getRow(4).getCell(9).value = '';
    const back = Buffer.from(await wb.xlsx.writeBuffer());
    const upload = await uploadFile({ as: USERS.pref36 }, 'training_sheet', { name: 'export.xlsx', type: XLSX, bytes: back });
    const res = await importSheet(session.sessionId, upload, true);
    // Row 4 is the waitlisted one: refused, named by row.
    expect(res.body.errors.map((e) => e.row)).toEqual([4]);
    // Only the prefecture exports.
    expect((await rawGet(`/api/trainings/${session.sessionId}/export`, USERS.inspector36)).status).toBe(403);
  });

  it('offers a valid .ics per registration (escaped, folded, UTC times) to its facility only', async () => {
    const session = await createSession({
      title: `長いタイトルの研修：医療情報システムの安全管理に関するガイドライン第6.0版の要点と立入検査で確認される事項 ${stamp}`,
    });
    const reg = await register(session.sessionId, `阿南 三郎 ${stamp}`);
    const res = await rawGet(`/api/trainings/${session.sessionId}/registrations/${reg.registrationId}/ics`, USERS.hospitalAdmin36);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const text = res.bytes.toString('utf8');
    const lines = icsLines(text);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    const [event] = icsEvents(text);
    expect(event?.UID).toBe(`${reg.registrationId}@trainings.mcr`);
    expect(event?.SUMMARY).toContain(session.title);
    expect(event?.DESCRIPTION).toBe(`${session.description}\n参加者: ${reg.participantName}`);
    expect(event?.DTSTART).toBe(new Date(session.startsAt).toISOString().replace(/[-:]/g, '').replace('.000', ''));
    expect(event?.STATUS).toBe('CONFIRMED');
    expect(event?.URL).toBe('https://meet.example.jp/training?id=1');
    // Another facility's user gets 404, as for a registration that does not exist.
    expect((await rawGet(`/api/trainings/${session.sessionId}/registrations/${reg.registrationId}/ics`, USERS.clinic36)).status).toBe(404);
  });

  it("serves a facility's calendar feed at a secret URL; rotating it invalidates the old URL", async () => {
    const session = await createSession();
    const reg = await register(session.sessionId, `フィード 確認 ${stamp}`);
    const first = await api<{ path: string }>('POST', '/api/facilities/f001/calendar-feed', { as: USERS.hospitalAdmin36 });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.path).toMatch(/^\/api\/calendar\/36-[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await rawGet(first.body.path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const events = icsEvents(feed.bytes.toString('utf8'));
    expect(events.map((e) => e.UID)).toContain(`${reg.registrationId}@trainings.mcr`);
    expect(events.every((e) => e.STATUS === 'CONFIRMED' || e.STATUS === 'CANCELLED')).toBe(true);

    const second = await api<{ path: string }>('POST', '/api/facilities/f001/calendar-feed', { as: USERS.hospitalAdmin36 });
    expect(second.body.path).not.toBe(first.body.path);
    expect((await rawGet(first.body.path)).status).toBe(404);
    expect((await rawGet(second.body.path)).status).toBe(200);
    // A guessed token, or one naming another tenant, finds nothing.
    const tokenPart = second.body.path.slice('/api/calendar/36-'.length);
    expect((await rawGet(`/api/calendar/37-${tokenPart}`)).status).toBe(404);
    expect((await rawGet(`/api/calendar/36-${'A'.repeat(43)}.ics`)).status).toBe(404);
    // Only the facility's own administrator rotates it.
    expect((await api('POST', '/api/facilities/f001/calendar-feed', { as: USERS.hospitalStaff36 })).status).toBe(403);
    expect((await api('POST', '/api/facilities/f001/calendar-feed', { as: USERS.clinic36 })).status).toBe(403);
  });
});

describe('trainings: coverage read model', () => {
  it('equals a recount of attended registrations per 保健所 and for the prefecture', async () => {
    const session = await createSession({ capacity: 5 });
    const a = await register(session.sessionId, `網羅 一 ${stamp}`);
    const c = await register(session.sessionId, `網羅 二 ${stamp}`, USERS.clinic36);
    const marked = await api('POST', `/api/trainings/${session.sessionId}/attendance`, {
      as: USERS.pref36,
      body: {
        items: [
          { registrationId: a.registrationId, attended: true },
          { registrationId: c.registrationId, attended: true },
        ],
      },
    });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    // Un-mark and re-mark: the facility is counted once.
    await api('POST', `/api/trainings/${session.sessionId}/attendance`, {
      as: USERS.pref36,
      body: { items: [{ registrationId: c.registrationId, attended: false }] },
    });
    await api('POST', `/api/trainings/${session.sessionId}/attendance`, {
      as: USERS.pref36,
      body: { items: [{ registrationId: c.registrationId, attended: true }] },
    });
    await settle();

    const coverage = await api<CoverageResponse>('GET', `/api/training-coverage?fiscalYear=${session.fiscalYear}`, { as: USERS.pref36 });
    expect(coverage.status).toBe(200);
    // Recount: every session of the fiscal year, every registration, facilities with ≥ 1 attended.
    const covered = new Map<string, Set<string>>();
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await api<{ items: TrainingSession[]; nextCursor: string | null }>('GET', `/api/trainings?fiscalYear=${session.fiscalYear}&limit=100${q}`, {
        as: USERS.pref36,
      });
      for (const s of page.body.items) {
        for (const r of await registrations(s.sessionId)) {
          if (r.status !== 'confirmed' || r.attended !== true) continue;
          for (const slice of ['pref', `hc:${r.healthCenterId}`]) covered.set(slice, (covered.get(slice) ?? new Set()).add(r.facilityId));
        }
      }
      cursor = page.body.nextCursor;
    } while (cursor);
    const bySlice = new Map(coverage.body.slices.map((s) => [s.slice, s]));
    expect(bySlice.get('pref')?.covered).toBe(covered.get('pref')?.size);
    for (const s of coverage.body.slices) {
      expect(s.covered, s.slice).toBe(covered.get(s.slice)?.size ?? 0);
      expect(s.covered).toBeLessThanOrEqual(s.facilities);
    }
    expect(covered.get('pref')?.has('f001')).toBe(true);

    // An inspector sees its own 保健所 only.
    const own = await api<CoverageResponse>('GET', `/api/training-coverage?fiscalYear=${session.fiscalYear}`, { as: USERS.inspector36 });
    expect(own.body.slices.map((s) => s.slice)).toEqual(['hc:hc-tokushima']);
    // A facility's record shows who attended what.
    const record = await api<{ items: { registration: TrainingRegistration; session: { sessionId: string } }[] }>(
      'GET',
      `/api/facilities/f001/trainings?fiscalYear=${session.fiscalYear}`,
      { as: USERS.hospitalStaff36 },
    );
    expect(record.body.items.find((i) => i.registration.registrationId === a.registrationId)?.registration.attended).toBe(true);
  });
});

describe('trainings: capacity raised', () => {
  it('moves the first waitlisted people up, in arrival order, when the prefecture raises the capacity', async () => {
    const session = await createSession({ capacity: 1 });
    const regs = [];
    for (const n of ['一', '二', '三', '四']) regs.push(await register(session.sessionId, `増席 ${n} ${stamp}`));
    expect(regs.map((r) => r.status)).toEqual(['confirmed', 'waitlisted', 'waitlisted', 'waitlisted']);
    const { sessionId, fiscalYear, confirmedCount, waitlistCount, status, version, createdAt, updatedAt, ...fields } = session;
    const body = { ...fields, url: session.url ?? undefined, place: undefined, capacity: 3, expectedVersion: version };
    const res = await api<TrainingSession>('PUT', `/api/trainings/${sessionId}`, { as: USERS.pref36, body: JSON.parse(JSON.stringify(body)) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ capacity: 3, confirmedCount: 3, waitlistCount: 1 });
    const after = new Map((await registrations(sessionId)).map((r) => [r.seq, r]));
    expect([1, 2, 3, 4].map((s) => after.get(s)?.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted']);
    expect(after.get(2)?.promotedAt).not.toBeNull();
    expect(after.get(1)?.promotedAt).toBeNull();
    // Lowering it below the confirmed ones is refused, naming the field.
    const lower = await api<ErrorBody>('PUT', `/api/trainings/${sessionId}`, {
      as: USERS.pref36,
      body: JSON.parse(JSON.stringify({ ...body, capacity: 2, expectedVersion: res.body.version })),
    });
    expect(lower.status).toBe(400);
    expect(lower.body.error.fields?.[0]?.field).toBe('body.capacity');
  });
});
