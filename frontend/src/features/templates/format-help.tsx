import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';

const EXAMPLE = `{
  "formatVersion": 1,
  "id": "pref-facility-r8",
  "form": "facility",
  "fiscalYear": 2026,
  "label": { "ja": "令和8年度版", "en": "FY2026 edition" },
  "title": {
    "ja": "医療機関におけるサイバーセキュリティ対策チェックリスト（医療機関確認用）",
    "en": "Cybersecurity Checklist for Medical Institutions (facility form)"
  },
  "source": "厚生労働省 令和8年度版",
  "previousId": "mhlw-facility-r7",
  "sections": [
    {
      "id": "gate",
      "number": "",
      "title": { "ja": "医療情報システムの有無", "en": "Medical information systems in use" },
      "items": [
        {
          "id": "gate",
          "number": "",
          "gate": "medical-system",
          "text": { "ja": "医療情報システムを導入、運用している。", "en": "The facility operates a medical information system." },
          "lineage": { "kind": "same", "from": ["gate"] }
        }
      ]
    },
    {
      "id": "2",
      "number": "2",
      "title": { "ja": "医療情報システムの管理・運用", "en": "Management and operation of medical information systems" },
      "items": [
        {
          "id": "2-4",
          "number": "2(4)",
          "cells": ["server", "client"],
          "text": {
            "ja": "利用者の職種・担当業務別の情報区分毎のアクセス利用権限を設定している。",
            "en": "Access rights are set per category of information by profession and duty."
          },
          "lineage": { "kind": "same", "from": ["2-4"] }
        }
      ]
    }
  ]
}`;

/** A short Japanese summary of docs/checklist-templates.md, for the person who prepares the file. */
export function FormatHelp() {
  const { t } = useI18n();
  return (
    <details className="format-help">
      <summary className="format-help-summary">{t(M.formatHelpSummary)}</summary>
      <ul>
        <li>{t(M.formatHelp1)}</li>
        <li>{t(M.formatHelp2)}</li>
        <li>{t(M.formatHelp3)}</li>
        <li>{t(M.formatHelp4)}</li>
        <li>{t(M.formatHelp5)}</li>
        <li>{t(M.formatHelp6)}</li>
        <li>{t(M.formatHelp7)}</li>
      </ul>
      <p className="example-title">{t(M.formatHelpExample)}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard. */}
      <section className="code-sample" tabIndex={0} aria-label={t(M.formatHelpExample)}>
        <pre lang="ja">
          <code>{EXAMPLE}</code>
        </pre>
      </section>
    </details>
  );
}
