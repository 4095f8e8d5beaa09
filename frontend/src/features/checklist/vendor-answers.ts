import type { FacilityVendorAnswers } from '@mcr/contract';
import { type DeviceClass, latestRound } from '@mcr/domain';

/** What one vendor answers to the item mirrored to a facility item: per device class, the latest round's value. */
export interface VendorAnswerLine {
  vendorId: string;
  vendorName: string;
  /** The vendor's cells of the mirrored item, in the vendor form's key order; value undefined = not answered. */
  cells: { deviceClass: DeviceClass; value: 'yes' | 'no' | undefined }[];
}

/** 「阿波メディカルシステムズ株式会社」 → 「阿波メディカルシステムズ」: the compact line has little room. */
export function shortVendorName(name: string): string {
  return name.replace(/^(株式会社|有限会社|合同会社)\s*|\s*(株式会社|有限会社|合同会社)$/g, '').trim() || name;
}

/**
 * Facility item id → each vendor's answer to its mirrored item. Computed once per page from the
 * `facilities.vendorAnswers` answer (one vendor campaign per vendor: the first listed), not once per item.
 */
export function vendorAnswersByItem(items: readonly FacilityVendorAnswers[]): Map<string, VendorAnswerLine[]> {
  const out = new Map<string, VendorAnswerLine[]>();
  const seen = new Set<string>();
  for (const v of items) {
    if (seen.has(v.vendorId)) continue;
    seen.add(v.vendorId);
    const byVendorItem = new Map<string, VendorAnswerLine['cells']>();
    for (const [key, cell] of Object.entries(v.answers)) {
      const at = key.lastIndexOf(':');
      const itemId = key.slice(0, at);
      const list = byVendorItem.get(itemId) ?? [];
      list.push({ deviceClass: key.slice(at + 1) as DeviceClass, value: latestRound(cell)?.answer.value });
      byVendorItem.set(itemId, list);
    }
    for (const [facilityItem, vendorItem] of Object.entries(v.mirror)) {
      const cells = byVendorItem.get(vendorItem);
      if (!cells || cells.every((c) => c.value === undefined)) continue;
      const lines = out.get(facilityItem) ?? [];
      lines.push({ vendorId: v.vendorId, vendorName: v.vendorName, cells });
      out.set(facilityItem, lines);
    }
  }
  return out;
}
