import type { ErrorBody, ListTemplatesResponse, TemplateSummary, TemplateView } from '@mcr/contract';
import { allItems, getBuiltInTemplate } from '@mcr/domain';
import { describe, expect, it } from 'vitest';
import { exampleJson, r8Examples } from '../../scripts/template-examples.ts';
import { api, USERS } from '../support/api.ts';

/**
 * The worked example of docs/new-checklist-version.md, loaded through the real route as a prefecture administrator
 * would: the 事業者確認用 first, then the 医療機関・薬局確認用 naming it. The ids get a run suffix so that the test can
 * run again against the same local stack; everything else is the committed example (see template-examples.test.ts).
 */
describe('loading the 令和8年度 worked example as a new version', () => {
  const suffix = `${Date.now()}`;
  const ids = { vendor: `pref-vendor-r8-${suffix}`, facility: `pref-facility-r8-${suffix}` };
  const { vendor, facility } = r8Examples(ids);
  const upload = (fileName: string, content: string) =>
    api<TemplateSummary | ErrorBody>('POST', '/api/templates', { as: USERS.pref36, body: { fileName, content } });

  it('refuses the facility form before its counterpart vendor form is loaded, naming the field', async () => {
    const res = await upload('r8-facility.json', exampleJson(facility));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('content.mirrorTemplateId');
  });

  it('loads the vendor form, then the facility form, each as a new version after 令和7年度', async () => {
    const v = await upload('r8-vendor.json', exampleJson(vendor));
    expect(v.status, JSON.stringify(v.body)).toBe(201);
    expect(v.body).toMatchObject({ id: ids.vendor, form: 'vendor', fiscalYear: 2026, previousId: 'mhlw-vendor-r7', builtIn: false });

    const f = await upload('r8-facility.json', exampleJson(facility));
    expect(f.status, JSON.stringify(f.body)).toBe(201);
    const r7 = getBuiltInTemplate('mhlw-facility-r7');
    expect(f.body).toMatchObject({
      id: ids.facility,
      form: 'facility',
      fiscalYear: 2026,
      previousId: 'mhlw-facility-r7',
      builtIn: false,
      itemCount: allItems(r7).length,
      unverifiedCount: allItems(r7).length,
      title: { ja: '医療機関・薬局におけるサイバーセキュリティ対策チェックリスト（医療機関・薬局確認用）' },
    });

    const list = await api<ListTemplatesResponse>('GET', '/api/templates', { as: USERS.pref36 });
    expect(list.body.items.map((t) => t.id)).toEqual(expect.arrayContaining([ids.vendor, ids.facility]));

    const view = await api<TemplateView>('GET', `/api/templates/${ids.facility}`, { as: USERS.pref36 });
    expect(view.status).toBe(200);
    const items = allItems(view.body.template);
    expect(view.body.template.mirrorTemplateId).toBe(ids.vendor);
    for (const item of items) expect(item.lineage, item.id).toEqual({ kind: 'same', from: [item.id] });
    expect(items.find((i) => i.id === '2-13')).toMatchObject({ number: '2(13)', cells: ['network'], mirror: '2-13' });
    expect(view.body.template.metadata.guidanceSource?.ja).toMatch(/^各項目の解説/);
  });

  it('is not visible to another prefecture', async () => {
    const other = await api('GET', `/api/templates/${ids.facility}`, { as: USERS.pref37 });
    expect(other.status).toBe(404);
  });
});
