import { CreateIncidentBody, INCIDENT_CONTACTED } from '@mcr/contract';
import { incidentCountContribution } from '@mcr/data';
import { bcpInitialResponseSteps } from '@mcr/domain';
import { describe, expect, it } from 'vitest';
import { incidentEntryMessage, incidentReportedMessage } from '../../../functions/src/services/incident-mails.ts';
import { initialResponseSteps } from '../../../functions/src/services/incident-steps.ts';

/** Suspected-incident reports (decision 0021): the counter's contributions, the notice texts, the form's contract. */
describe('incident counter contributions', () => {
  it('counts an open report by impact and 保健所, a closed one as closed, anything else as nothing', () => {
    expect(incidentCountContribution({ status: 'open', careImpact: 'stopped', healthCenterId: 'hc-a' })).toEqual({
      open: 1,
      'open:stopped': 1,
      'hc:hc-a': 1,
      'hcimpact:hc-a:stopped': 1,
    });
    expect(incidentCountContribution({ status: 'closed', careImpact: 'stopped', healthCenterId: 'hc-a' })).toEqual({ closed: 1, 'hcclosed:hc-a': 1 });
    expect(incidentCountContribution(null)).toEqual({});
    expect(incidentCountContribution({ status: 'draft', healthCenterId: 'hc-a' })).toEqual({});
  });

  it('closing moves one report from open to closed (new − old)', () => {
    const before = incidentCountContribution({ status: 'open', careImpact: 'partial', healthCenterId: 'hc-a' });
    const after = incidentCountContribution({ status: 'closed', careImpact: 'partial', healthCenterId: 'hc-a' });
    const delta: Record<string, number> = { ...after };
    for (const [k, v] of Object.entries(before)) delta[k] = (delta[k] ?? 0) - v;
    expect(delta).toEqual({ closed: 1, 'hcclosed:hc-a': 1, open: -1, 'open:partial': -1, 'hc:hc-a': -1, 'hcimpact:hc-a:partial': -1 });
  });
});

describe('incident notices', () => {
  it('say that a report came in, from whom, with the care impact, and link to it — in Japanese and English', () => {
    const m = incidentReportedMessage({
      incidentId: 'inc-abc',
      facilityName: 'あおば内科医院',
      healthCenterName: '阿南保健所',
      noticedAt: '2026-12-06T00:30:00Z',
      careImpact: 'stopped',
      contacted: ['vendor', 'police'],
      reporterName: '勝浦 健',
    });
    expect(m.link).toBe('/incidents/inc-abc');
    expect(m.title.ja).toContain('あおば内科医院');
    expect(m.body.ja).toContain('診療への影響: 停止');
    expect(m.body.ja).toContain('2026年12月6日');
    expect(m.body.ja).toContain('09:30');
    expect(m.body.ja).toContain('警察');
    expect(m.body.en).toContain('Care affected: Stopped');
    expect(m.body.en).toContain('(JST)');
  });

  it('a timeline entry notice names the author, not the text', () => {
    const m = incidentEntryMessage({
      incidentId: 'inc-abc',
      facilityName: 'あおば内科医院',
      authorName: '阿波 花子',
      authorOrg: '徳島県 医療政策課',
      kind: 'message',
    });
    expect(m.body.ja).toContain('阿波 花子');
    expect(m.link).toBe('/incidents/inc-abc');
    expect(incidentEntryMessage({ incidentId: 'x', facilityName: 'f', authorName: 'a', authorOrg: 'o', kind: 'closed' }).title.ja).toContain('終了');
  });
});

describe('the report form and the checklist', () => {
  it('the checklist is the BCP table’s 初動対応 phase', () => {
    expect(initialResponseSteps().map((s) => s.id)).toEqual(bcpInitialResponseSteps().map((s) => s.id));
    expect(initialResponseSteps().length).toBeGreaterThan(0);
  });

  it('refuses an unknown care impact and contact, trims the description, defaults the lists', () => {
    const ok = CreateIncidentBody.parse({ description: '  不審なメール  ', noticedAt: '2026-12-06T09:30:00+09:00', careImpact: 'none' });
    expect(ok).toMatchObject({ description: '不審なメール', systems: [], vendorIds: [], contacted: [], contactedOther: '' });
    expect(CreateIncidentBody.safeParse({ description: 'x', noticedAt: '2026-12-06T09:30:00+09:00', careImpact: 'maybe' }).success).toBe(false);
    expect(CreateIncidentBody.safeParse({ description: 'x', noticedAt: '2026-12-06', careImpact: 'none' }).success).toBe(false);
    expect(
      CreateIncidentBody.safeParse({ description: 'x', noticedAt: '2026-12-06T09:30:00+09:00', careImpact: 'none', contacted: [...INCIDENT_CONTACTED, 'fbi'] })
        .success,
    ).toBe(false);
  });
});
