import {
  type Answers,
  type CrossCheckInput,
  crossCheck,
  type DiscrepancyImage,
  discrepancyContribution,
  discrepancySliceDeltas,
  getBuiltInTemplate,
  readDiscrepancyCounts,
  type Template,
} from '@mcr/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const FACILITY = getBuiltInTemplate('mhlw-facility-r7') as Template;
const VENDOR = getBuiltInTemplate('mhlw-vendor-r7') as Template;
const yes = { '1': { value: 'yes' as const, checkedOn: '2025-07-01' } };
const no = { '1': { value: 'no' as const, checkedOn: '2025-07-01', targetDate: '2026-03-01' } };
/** Round 1 いいえ, round 2 はい: the latest round counts. */
const noThenYes = { '1': no['1'], '2': { value: 'yes' as const, checkedOn: '2025-10-01' } };

const facility = (cells: Answers = {}): Answers => ({ 'gate:system': yes, ...cells });
const vendorAnswers = (cells: Answers = {}): Answers => ({ 'gate:system': yes, ...cells });
const contract = (over: Partial<CrossCheckInput['contracts'][number]> = {}) => ({
  vendorId: 'v1',
  vendorName: '阿波メディカル',
  systems: ['電子カルテ'],
  remoteMaintenance: false,
  ...over,
});

function input(over: Partial<CrossCheckInput> = {}): CrossCheckInput {
  return { campaignId: 'c1', template: FACILITY, answers: facility(), contracts: [contract()], vendors: {}, ...over };
}
const rules = (i: CrossCheckInput) => crossCheck(i).map((f) => f.rule);

describe('crossCheck', () => {
  describe('disclosure_missing', () => {
    it('fires when the facility says はい to 2(3) and the vendor has nothing on file', () => {
      const findings = crossCheck(input({ answers: facility({ '2-3:system': yes }) }));
      expect(findings).toEqual([
        {
          id: 'c1#disclosure_missing#v1#2-3',
          rule: 'disclosure_missing',
          vendorId: 'v1',
          vendorName: '阿波メディカル',
          itemId: '2-3',
          detail: { facility: 'yes', documents: 0 },
        },
      ]);
    });
    it('uses the latest round', () => {
      expect(rules(input({ answers: facility({ '2-3:system': noThenYes }) }))).toEqual(['disclosure_missing']);
    });
    it('does not fire with a document that applies to the contract', () => {
      const vendors = { v1: { template: VENDOR, answers: null, documents: [{ systems: ['電子カルテ'] }] } };
      expect(rules(input({ answers: facility({ '2-3:system': yes }), vendors }))).toEqual([]);
      const whole = { v1: { template: VENDOR, answers: null, documents: [{ systems: [] }] } };
      expect(rules(input({ answers: facility({ '2-3:system': yes }), vendors: whole }))).toEqual([]);
    });
    it('fires when the only document covers other systems', () => {
      const vendors = { v1: { template: VENDOR, answers: null, documents: [{ systems: ['PACS'] }] } };
      expect(rules(input({ answers: facility({ '2-3:system': yes }), vendors }))).toEqual(['disclosure_missing']);
    });
    it('does not fire for いいえ, unanswered, a closed gate or no contract', () => {
      expect(rules(input({ answers: facility({ '2-3:system': no }) }))).toEqual([]);
      expect(rules(input({ answers: facility() }))).toEqual([]);
      expect(rules(input({ answers: { 'gate:system': no, '2-3:system': yes } }))).toEqual([]);
      expect(rules(input({ answers: facility({ '2-3:system': yes }), contracts: [] }))).toEqual([]);
    });
    it('fires once per contracted vendor without documents', () => {
      const vendors = { v2: { template: VENDOR, answers: null, documents: [{ systems: [] }] } };
      const contracts = [contract(), contract({ vendorId: 'v2', vendorName: 'B' }), contract({ vendorId: 'v3', vendorName: 'C' })];
      expect(crossCheck(input({ answers: facility({ '2-3:system': yes }), contracts, vendors })).map((f) => f.vendorId)).toEqual(['v1', 'v3']);
    });
  });

  describe('disclosure_claim_unfiled', () => {
    it('fires when the vendor says はい to its 2(3) with nothing on file', () => {
      const vendors = { v1: { template: VENDOR, answers: vendorAnswers({ '2-3:system': yes }), documents: [] } };
      const f = crossCheck(input({ vendors }));
      expect(f.map((x) => [x.rule, x.id])).toEqual([['disclosure_claim_unfiled', 'c1#disclosure_claim_unfiled#v1#2-3']]);
    });
    it('names the vendor and the empty file in its detail', () => {
      const vendors = { v1: { template: VENDOR, answers: vendorAnswers({ '2-3:system': yes }), documents: [{ systems: ['PACS'] }] } };
      expect(crossCheck(input({ vendors }))).toEqual([
        {
          id: 'c1#disclosure_claim_unfiled#v1#2-3',
          rule: 'disclosure_claim_unfiled',
          vendorId: 'v1',
          vendorName: '阿波メディカル',
          itemId: '2-3',
          detail: { vendor: 'yes', documents: 0 },
        },
      ]);
    });
    it('does not fire with a document on file, for いいえ, or behind the vendor gate', () => {
      const filed = { v1: { template: VENDOR, answers: vendorAnswers({ '2-3:system': yes }), documents: [{ systems: ['電子カルテ'] }] } };
      expect(rules(input({ vendors: filed }))).toEqual([]);
      const said = { v1: { template: VENDOR, answers: vendorAnswers({ '2-3:system': no }), documents: [] } };
      expect(rules(input({ vendors: said }))).toEqual([]);
      const gated = { v1: { template: VENDOR, answers: { 'gate:system': no, '2-3:system': yes }, documents: [] } };
      expect(rules(input({ vendors: gated }))).toEqual(['contract_disputed']);
    });
  });

  describe('remote_maintenance', () => {
    const rm = [contract({ remoteMaintenance: true })];
    it('fires when the contract says remote maintenance and the vendor answers いいえ to 2(2)', () => {
      const vendors = { v1: { template: VENDOR, answers: vendorAnswers({ '2-2:system': no }), documents: [] } };
      const f = crossCheck(input({ contracts: rm, vendors }));
      expect(f.map((x) => [x.rule, x.itemId, x.detail])).toEqual([['remote_maintenance', '2-2', { contract: true, facility: null, vendor: 'no' }]]);
    });
    it('fires when the facility answers いいえ to 2(2)', () => {
      expect(rules(input({ contracts: rm, answers: facility({ '2-2:system': no }) }))).toEqual(['remote_maintenance']);
    });
    it('does not fire without remote maintenance in the contract, or when both say はい', () => {
      const vendors = { v1: { template: VENDOR, answers: vendorAnswers({ '2-2:system': no }), documents: [] } };
      expect(rules(input({ vendors, answers: facility({ '2-2:system': no }) }))).toEqual([]);
      const both = { v1: { template: VENDOR, answers: vendorAnswers({ '2-2:system': yes }), documents: [] } };
      expect(rules(input({ contracts: rm, vendors: both, answers: facility({ '2-2:system': yes }) }))).toEqual([]);
    });
  });

  describe('contract_disputed', () => {
    it('fires when the vendor answers いいえ to its gate', () => {
      const vendors = { v1: { template: VENDOR, answers: { 'gate:system': no }, documents: [] } };
      const f = crossCheck(input({ vendors }));
      expect(f).toEqual([
        {
          id: 'c1#contract_disputed#v1#gate',
          rule: 'contract_disputed',
          vendorId: 'v1',
          vendorName: '阿波メディカル',
          itemId: 'gate',
          detail: { contract: true, vendor: 'no' },
        },
      ]);
    });
    it('does not fire for はい, no response, or a facility without a medical information system', () => {
      expect(rules(input({ vendors: { v1: { template: VENDOR, answers: vendorAnswers(), documents: [] } } }))).toEqual([]);
      expect(rules(input({ vendors: { v1: { template: VENDOR, answers: null, documents: [] } } }))).toEqual([]);
      const vendors = { v1: { template: VENDOR, answers: { 'gate:system': no }, documents: [] } };
      expect(rules(input({ vendors, answers: { 'gate:system': no } }))).toEqual([]);
    });
  });

  describe('a facility without a medical information system', () => {
    it('yields nothing for the items behind its closed gate, whatever the vendor says', () => {
      const vendors = { v1: { template: VENDOR, answers: vendorAnswers({ '2-2:system': no, '2-3:system': yes }), documents: [] } };
      const closed = { 'gate:system': no };
      expect(crossCheck(input({ answers: closed, contracts: [contract({ remoteMaintenance: true })], vendors }))).toEqual([]);
      // The same vendor answers against a facility that runs a system: both rules fire.
      expect(rules(input({ answers: facility(), contracts: [contract({ remoteMaintenance: true })], vendors }))).toEqual([
        'disclosure_claim_unfiled',
        'remote_maintenance',
      ]);
    });
  });

  describe('the vendor gate', () => {
    it('is the vendor-contract gate only: another gate of the vendor form answered いいえ disputes nothing', () => {
      const [first, ...rest] = VENDOR.sections;
      const gateRow = first?.items[0];
      if (!first || !gateRow) throw new Error('the vendor form starts with its gate');
      const systemGate = { ...gateRow, id: 'system-gate', gate: 'medical-system' as const, mirror: undefined };
      const twoGates: Template = { ...VENDOR, sections: [{ ...first, items: [systemGate, ...first.items] }, ...rest] };
      const vendors = { v1: { template: twoGates, answers: { 'system-gate:system': no, 'gate:system': no }, documents: [] } };
      expect(crossCheck(input({ vendors }))).toEqual([]);
      const disputed = { v1: { template: twoGates, answers: { 'system-gate:system': yes, 'gate:system': no }, documents: [] } };
      expect(rules(input({ vendors: disputed }))).toEqual(['contract_disputed']);
    });
  });

  describe('mirror_mismatch', () => {
    it('fires per device class both forms have, はい against いいえ', () => {
      const vendors = { v1: { template: VENDOR, answers: vendorAnswers({ '2-4:server': no, '2-4:client': yes }), documents: [] } };
      const f = crossCheck(input({ vendors, answers: facility({ '2-4:server': yes, '2-4:client': yes }) }));
      expect(f.map((x) => [x.rule, x.itemId, x.cell, x.id])).toEqual([['mirror_mismatch', '2-4', '2-4:server', 'c1#mirror_mismatch#v1#2-4:server']]);
      expect(f[0]?.detail).toEqual({ facility: 'yes', vendor: 'no', vendorItemId: '2-4' });
    });
    it('compares latest rounds and ignores unanswered cells', () => {
      const vendors = { v1: { template: VENDOR, answers: vendorAnswers({ '1-1:system': yes, '2-1:system': yes }), documents: [] } };
      expect(rules(input({ vendors, answers: facility({ '1-1:system': noThenYes }) }))).toEqual([]);
      expect(rules(input({ vendors, answers: facility({ '1-1:system': no }) }))).toEqual(['mirror_mismatch']);
    });
    it('compares only the items the vendor’s form has (a vendor still on last year’s form)', () => {
      const vendors = { v1: { template: getBuiltInTemplate('mhlw-vendor-r6'), answers: vendorAnswers({ '2-4:server': no }), documents: [] } };
      // 2(11) サーバ (id 2-12) is new in 令和7年度: the 令和6年度 vendor form has no counterpart to compare it with.
      const f = crossCheck(input({ vendors, answers: facility({ '2-4:server': yes, '2-12:server': no }) }));
      expect(f.map((x) => [x.rule, x.cell])).toEqual([['mirror_mismatch', '2-4:server']]);
    });

    it('yields nothing for cells behind a closed gate', () => {
      const vendors = { v1: { template: VENDOR, answers: vendorAnswers({ '1-1:system': yes }), documents: [] } };
      expect(rules(input({ vendors, answers: { 'gate:system': no, '1-1:system': no } }))).toEqual([]);
      const gated = { v1: { template: VENDOR, answers: { 'gate:system': no, '1-1:system': yes }, documents: [] } };
      expect(rules(input({ vendors: gated, answers: facility({ '1-1:system': no }) }))).toEqual(['contract_disputed']);
    });
  });

  it('gives the same findings for the same input, with unique ids (property)', () => {
    const cellKeys = ['1-1:system', '2-2:system', '2-3:system', '2-4:server', '2-4:client', '3-2:system'];
    const value = fc.constantFrom(undefined, 'yes', 'no');
    const answersOf = (vals: (string | undefined)[]): Answers =>
      Object.fromEntries(cellKeys.flatMap((k, i): [string, Answers[string]][] => (vals[i] === 'yes' ? [[k, yes]] : vals[i] === 'no' ? [[k, no]] : [])));
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 6, maxLength: 6 }),
        fc.array(value, { minLength: 6, maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (fv, vv, gateYes, remote, hasDoc) => {
          const i = input({
            answers: facility(answersOf(fv)),
            contracts: [contract({ remoteMaintenance: remote })],
            vendors: { v1: { template: VENDOR, answers: { ...answersOf(vv), 'gate:system': gateYes ? yes : no }, documents: hasDoc ? [{ systems: [] }] : [] } },
          });
          const a = crossCheck(i);
          expect(crossCheck(i)).toEqual(a);
          expect(new Set(a.map((f) => f.id)).size).toBe(a.length);
          if (hasDoc) expect(a.filter((f) => f.rule.startsWith('disclosure'))).toEqual([]);
          if (!remote) expect(a.filter((f) => f.rule === 'remote_maintenance')).toEqual([]);
        },
      ),
    );
  });
});

const discrepancy = (over: Partial<DiscrepancyImage> = {}): DiscrepancyImage => ({
  campaignId: 'c1',
  state: 'open',
  rule: 'mirror_mismatch',
  healthCenterId: 'hc1',
  facilityKind: 'hospital',
  ...over,
});

describe('discrepancyContribution', () => {
  it('counts an open or explained discrepancy in all and under its rule', () => {
    expect(discrepancyContribution(discrepancy())).toEqual({ 'disc:open': 1, 'disc:mirror_mismatch': 1 });
    expect(discrepancyContribution(discrepancy({ state: 'explained', rule: 'remote_maintenance' }))).toEqual({ 'disc:open': 1, 'disc:remote_maintenance': 1 });
  });

  it('counts nothing for a resolved discrepancy or none', () => {
    expect(discrepancyContribution(discrepancy({ state: 'resolved' }))).toEqual({});
    expect(discrepancyContribution(null)).toEqual({});
  });
});

describe('discrepancySliceDeltas', () => {
  const slices = ['ALL', 'HC#hc1', 'KIND#hospital', 'SIZE#0', 'X#HC#hc1#KIND#hospital', 'X#HC#hc1#SIZE#0'];

  it('adds a new open discrepancy to every slice of its facility (無床 and no 二次医療圏 when not given)', () => {
    const deltas = discrepancySliceDeltas(null, discrepancy());
    expect([...deltas.keys()]).toEqual(slices);
    for (const slice of slices) expect(deltas.get(slice)).toEqual({ summary: { 'disc:open': 1, 'disc:mirror_mismatch': 1 }, cells: {} });
  });

  it("uses the facility's beds and 二次医療圏", () => {
    const deltas = discrepancySliceDeltas(null, discrepancy({ beds: 150, medicalAreaName: '東部' }));
    expect([...deltas.keys()]).toEqual(['ALL', 'HC#hc1', 'KIND#hospital', 'SIZE#100-199', 'X#HC#hc1#KIND#hospital', 'X#HC#hc1#SIZE#100-199', 'AREA#東部']);
  });

  it('takes a resolved discrepancy out of every slice', () => {
    const deltas = discrepancySliceDeltas(discrepancy({ state: 'explained' }), discrepancy({ state: 'resolved' }));
    expect([...deltas.keys()]).toEqual(slices);
    expect(deltas.get('ALL')).toEqual({ summary: { 'disc:open': -1, 'disc:mirror_mismatch': -1 }, cells: {} });
  });

  it('changes nothing when an open discrepancy is explained, or a resolved one stays resolved', () => {
    expect(discrepancySliceDeltas(discrepancy(), discrepancy({ state: 'explained' })).size).toBe(0);
    expect(discrepancySliceDeltas(discrepancy({ state: 'resolved' }), discrepancy({ state: 'resolved' })).size).toBe(0);
    expect(discrepancySliceDeltas(null, null).size).toBe(0);
  });

  it('moves the count between rules when the rule changes, the open total unchanged', () => {
    const deltas = discrepancySliceDeltas(discrepancy(), discrepancy({ rule: 'remote_maintenance' }));
    expect([...deltas.keys()]).toEqual(slices);
    expect(deltas.get('HC#hc1')).toEqual({ summary: { 'disc:mirror_mismatch': -1, 'disc:remote_maintenance': 1 }, cells: {} });
  });
});

describe('readDiscrepancyCounts', () => {
  it('reads the open total and every rule, 0 for rules without a count, ignoring other numbers', () => {
    expect(readDiscrepancyCounts({ 'disc:open': 3, 'disc:mirror_mismatch': 2, 'disc:remote_maintenance': 1, facilities: 5 })).toEqual({
      open: 3,
      byRule: { disclosure_missing: 0, disclosure_claim_unfiled: 0, remote_maintenance: 1, contract_disputed: 0, mirror_mismatch: 2 },
    });
    expect(readDiscrepancyCounts({})).toEqual({
      open: 0,
      byRule: { disclosure_missing: 0, disclosure_claim_unfiled: 0, remote_maintenance: 0, contract_disputed: 0, mirror_mismatch: 0 },
    });
  });
});
