import type { Discrepancy } from '@mcr/contract';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { DiscrepancyEntry } from '../discrepancies/discrepancy-entry.tsx';
import { FV } from '../facilities/facility-vendor-messages.ts';
import { shortVendorName, type VendorAnswerLine } from './vendor-answers.ts';
import './item-related.css';

function Value({ value }: { value: 'yes' | 'no' | undefined }) {
  const { t } = useI18n();
  if (!value) return <span className="muted">—</span>;
  return <span className={`answer-${value}`}>{t(value === 'yes' ? M.yes : M.no)}</span>;
}

/** 「事業者の回答: 阿波メディカルシステムズ はい / 四国医療情報サービス いいえ」 (per device class when they differ). */
function VendorAnswersLine({ lines }: { lines: VendorAnswerLine[] }) {
  const { t } = useI18n();
  return (
    <p className="vendor-answers" data-testid="vendor-answers">
      <span className="vendor-answers-label">{t(FV.vendorAnswers)}:</span>{' '}
      {lines.map((l, i) => {
        const same = l.cells.every((c) => c.value === l.cells[0]?.value);
        return (
          <span key={l.vendorId} className="vendor-answer" data-testid={`vendor-answer-${l.vendorId}`}>
            {i > 0 ? ' / ' : null}
            <span title={l.vendorName}>{shortVendorName(l.vendorName)}</span>{' '}
            {same ? (
              <Value value={l.cells[0]?.value} />
            ) : (
              <>
                （
                {l.cells.map((c, j) => (
                  <span key={c.deviceClass}>
                    {j > 0 ? '・' : null}
                    {t(M.deviceClass[c.deviceClass])} <Value value={c.value} />
                  </span>
                ))}
                ）
              </>
            )}
          </span>
        );
      })}
    </p>
  );
}

/** Under an item's cells: what the contracted vendors answer to the mirrored item, and the item's discrepancies. */
export function ItemRelated({ vendorLines, discrepancies }: { vendorLines: VendorAnswerLine[] | undefined; discrepancies: Discrepancy[] | undefined }) {
  if (!vendorLines?.length && !discrepancies?.length) return null;
  return (
    <div className="item-related">
      {vendorLines?.length ? <VendorAnswersLine lines={vendorLines} /> : null}
      {discrepancies?.map((d) => (
        <DiscrepancyEntry key={d.id} d={d} showItem={false} />
      ))}
    </div>
  );
}
