import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError, validateSettings } from '../../../infra/lib/settings.ts';

/** Settings of a stage are validated before synth; every error names its field (docs/decisions/0023-edge-and-deploy.md). */

const REAL = {
  account: '210987654321',
  mailFrom: 'no-reply@cyber.pref.kochi.lg.jp',
  domain: {
    name: 'cyber.pref.kochi.lg.jp',
    certificateArn: 'arn:aws:acm:us-east-1:210987654321:certificate/11111111-2222-3333-4444-555555555555',
    apiCertificateArn: 'arn:aws:acm:ap-northeast-1:210987654321:certificate/66666666-7777-8888-9999-000000000000',
  },
  alarmEmail: 'cyber-ops@pref.kochi.lg.jp',
};

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(SettingsError);
    return (err as SettingsError).issues.map((i) => i.field);
  }
  throw new Error('no SettingsError');
}

describe('stage settings', () => {
  it('lets a development stage run on defaults (no domain: the app URL is CloudFront’s)', () => {
    for (const stage of ['dev', 'test', 'local']) {
      const s = validateSettings(stage, {});
      expect(s).toMatchObject({ stage, real: false, region: 'ap-northeast-1', mailFrom: 'no-reply@example.jp', wafRateLimitPer5Minutes: 3000 });
      expect(s.appUrl).toBeUndefined();
      expect(s.domain).toBeUndefined();
    }
  });

  it('accepts a complete real stage and derives the app URL and the API origin name from the domain', () => {
    const s = validateSettings('kochi', REAL);
    expect(s).toMatchObject({ real: true, account: '210987654321', appUrl: 'https://cyber.pref.kochi.lg.jp', alarmEmail: 'cyber-ops@pref.kochi.lg.jp' });
    expect(s.domain?.apiName).toBe('api.cyber.pref.kochi.lg.jp');
  });

  it('names every missing field of a real stage', () => {
    expect(fieldsOf(() => validateSettings('kochi', {})).sort()).toEqual(['account', 'alarmEmail', 'domain', 'mailFrom']);
    const { alarmEmail: _a, ...noAlarm } = REAL;
    expect(fieldsOf(() => validateSettings('kochi', noAlarm))).toEqual(['alarmEmail']);
  });

  it('refuses example.jp / example.com placeholders in a real stage, field by field, but not in a development one', () => {
    const placeholder = {
      ...REAL,
      mailFrom: 'no-reply@example.jp',
      alarmEmail: 'ops@example.com',
      domain: { ...REAL.domain, name: 'cyber.pref.example.lg.jp' },
    };
    // The API's name defaults to api.<domain.name>: named once, at domain.name.
    expect(fieldsOf(() => validateSettings('kochi', placeholder)).sort()).toEqual(['alarmEmail', 'domain.name', 'mailFrom']);
    expect(validateSettings('dev', { ...placeholder, account: '210987654321' }).mailFrom).toBe('no-reply@example.jp');
  });

  it('names a certificate in the wrong region, a malformed value and an unknown key', () => {
    const wrongRegion = { ...REAL, domain: { ...REAL.domain, certificateArn: REAL.domain.apiCertificateArn } };
    expect(fieldsOf(() => validateSettings('kochi', wrongRegion))).toEqual(['domain.certificateArn']);
    expect(fieldsOf(() => validateSettings('kochi', { ...REAL, account: '1234' }))).toEqual(['account']);
    expect(fieldsOf(() => validateSettings('kochi', { ...REAL, mailFrom: 'not-an-address' }))).toEqual(['mailFrom']);
    expect(fieldsOf(() => validateSettings('kochi', { ...REAL, appUrl: 'https://x.jp' }))).toEqual(['appUrl']);
    expect(fieldsOf(() => validateSettings('kochi', { ...REAL, wafRateLimitPer5Minutes: 5 }))).toEqual(['wafRateLimitPer5Minutes']);
    expect(fieldsOf(() => validateSettings('kochi', { ...REAL, apiThrottle: { rateLimit: 50, burstLimit: 10 } }))).toEqual(['apiThrottle.burstLimit']);
    expect(fieldsOf(() => validateSettings('Kochi!', REAL))).toEqual(['stage']);
  });

  it('names certificates of another account and a hosted zone that does not hold the domain', () => {
    const other = { ...REAL, domain: { ...REAL.domain, apiCertificateArn: REAL.domain.apiCertificateArn.replace('210987654321', '999988887777') } };
    expect(fieldsOf(() => validateSettings('kochi', other))).toEqual(['domain.apiCertificateArn']);
    expect(fieldsOf(() => validateSettings('kochi', { ...REAL, hostedZone: { hostedZoneId: 'Z0123456789ABC', zoneName: 'pref.ehime.lg.jp' } }))).toEqual([
      'hostedZone.zoneName',
    ]);
    expect(validateSettings('kochi', { ...REAL, hostedZone: { hostedZoneId: 'Z0123456789ABC', zoneName: 'pref.kochi.lg.jp' } }).hostedZone).toBeDefined();
  });

  it('reads infra/stages/<stage>.json, lays the context over it, and requires the file for a real stage', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'stages-'));
    writeFileSync(path.join(dir, 'kochi.json'), JSON.stringify(REAL));
    expect(loadSettings('kochi', undefined, dir).mailFrom).toBe(REAL.mailFrom);
    const context = { tryGetContext: (k: string) => (k === 'settings' ? JSON.stringify({ alarmEmail: 'soc@pref.kochi.lg.jp' }) : undefined) };
    expect(loadSettings('kochi', context, dir).alarmEmail).toBe('soc@pref.kochi.lg.jp');
    expect(fieldsOf(() => loadSettings('ehime', undefined, dir))).toEqual(['(file)']);
    writeFileSync(path.join(dir, 'broken.json'), '{ "account": ');
    expect(fieldsOf(() => loadSettings('broken', undefined, dir))).toEqual(['(file)']);
  });

  it('refuses the committed example as it stands: every placeholder is named', () => {
    expect(fieldsOf(() => loadSettings('example')).sort()).toEqual(['account', 'alarmEmail', 'domain.apiName', 'domain.name', 'mailFrom']);
  });
});
