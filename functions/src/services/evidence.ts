import { randomBytes } from 'node:crypto';
import type { Evidence, ListEvidenceResponse } from '@mcr/contract';
import { type EvidenceRecord, NotFoundError, type Repositories } from '@mcr/data';
import { findItem, parseCellKey, type Template } from '@mcr/domain';
import type { Identity } from '../pipeline/auth.ts';
import { ValidationError } from '../pipeline/errors.ts';
import { assertCanReadFacility } from './access.ts';
import { resolveTemplate } from './templates.ts';

/** Evidence files per answer cell (decision 0012): who sees what, and the views of the API. */

/**
 * The evidence id names its cell (`2-4_server_<random>`: slugs have no `_`), so that a link or a removal finds the
 * item by key, without listing the response's files.
 */
export function newEvidenceId(cell: string): string {
  const at = parseCellKey(cell);
  if (!at) throw new Error(`not a cell: ${cell}`);
  return `${at.itemId}_${at.deviceClass}_${randomBytes(8).toString('hex')}`;
}

export function cellOfEvidenceId(evidenceId: string): string | undefined {
  const m = /^([a-z0-9]+(?:-[a-z0-9]+)*)_([a-z]+)_[0-9a-f]{16}$/.exec(evidenceId);
  return m ? `${m[1]}:${m[2]}` : undefined;
}

/** The cell must be one the campaign's template has: its item, answered for this device class. */
export function assertCellInTemplate(template: Template, cell: string): void {
  const at = parseCellKey(cell);
  const item = at ? findItem(template, at.itemId) : undefined;
  if (!at || !item?.cells.includes(at.deviceClass)) {
    throw new ValidationError([
      {
        field: 'body.cell',
        code: 'unknown_cell',
        message: { ja: `この調査の様式に回答欄「${cell}」はありません`, en: `The campaign's form has no answer cell "${cell}"` },
      },
    ]);
  }
}

/**
 * The facility, campaign and response exist and the caller may read the facility (the prefecture, its 保健所,
 * the facility itself); the template is resolved when asked for.
 */
export async function loadEvidenceScope(
  repos: Pick<Repositories, 'campaigns' | 'facilities' | 'responses' | 'templates'>,
  identity: Identity,
  campaignId: string,
  facilityId: string,
) {
  const [facility, campaign, responses] = await Promise.all([
    repos.facilities.require(facilityId),
    repos.campaigns.require(campaignId),
    repos.responses.getMany(campaignId, [facilityId]),
  ]);
  assertCanReadFacility(identity, facility);
  if (responses.length === 0) throw new NotFoundError('response');
  return { facility, campaign, template: async () => (await resolveTemplate(repos, campaign.templateId)).template };
}

export function toEvidence(r: EvidenceRecord): Evidence {
  return {
    evidenceId: r.evidenceId,
    campaignId: r.campaignId,
    facilityId: r.facilityId,
    cell: r.cell,
    title: r.title,
    fileName: r.fileName,
    contentType: r.contentType,
    size: r.size,
    sha256: r.sha256,
    uploadedAt: r.uploadedAt,
    uploadedByName: r.uploadedByName ?? '',
    ...(r.removed ? { removed: { at: r.removed.at, byName: r.removed.byName ?? '' } } : {}),
  };
}

/** Files grouped by cell (key order), oldest first in each. */
export function groupEvidence(records: readonly EvidenceRecord[]): ListEvidenceResponse {
  const cells = new Map<string, EvidenceRecord[]>();
  for (const r of records) cells.set(r.cell, [...(cells.get(r.cell) ?? []), r]);
  return {
    cells: [...cells.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([cell, items]) => ({ cell, items: [...items].sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt)).map(toEvidence) })),
  };
}

/** One file by id; removed files exist only for the prefecture. */
export async function requireEvidence(repos: Pick<Repositories, 'evidence'>, identity: Identity, campaignId: string, facilityId: string, evidenceId: string) {
  const cell = cellOfEvidenceId(evidenceId);
  const record = cell ? await repos.evidence.get(campaignId, facilityId, cell, evidenceId) : undefined;
  if (!record || (record.removed && identity.role !== 'pref_admin')) throw new NotFoundError('evidence');
  return record;
}
