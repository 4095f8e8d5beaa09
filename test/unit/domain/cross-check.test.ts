import { type Answers, type CrossCheckInput, crossCheck, getBuiltInTemplate, type Template } from '@mcr/domain';
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
      expect(f.map((x) => [x.rule, x.itemId, x.id])).toEqual([['contract_disputed', 'gate', 'c1#contract_disputed#v1#gate']]);
    });
    it('does not fire for はい, no response, or a facility without a medical information system', () => {
      expect(rules(input({ vendors: { v1: { template: VENDOR, answers: vendorAnswers(), documents: [] } } }))).toEqual([]);
      expect(rules(input({ vendors: { v1: { template: VENDOR, answers: null, documents: [] } } }))).toEqual([]);
      const vendors = { v1: { template: VENDOR, answers: { 'gate:system': no }, documents: [] } };
      expect(rules(input({ vendors, answers: { 'gate:system': no } }))).toEqual([]);
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
