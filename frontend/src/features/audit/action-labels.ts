import type { AuditAction, LocalizedText } from '@mcr/contract';

/**
 * The name of every audit action, Japanese and English. Typed over the contract's list (AUDIT_ACTIONS): an action
 * without a name here does not compile. The filter lists them in the order of that list.
 */
export const AUDIT_ACTION_LABELS: Record<AuditAction, LocalizedText> = {
  'response.answers.save': { ja: '回答の保存', en: 'Answers saved' }, // stable (ja)
  'response.submit': { ja: '提出', en: 'Submitted' }, // stable (ja)
  'response.return': { ja: '差戻し', en: 'Sent back' }, // stable (ja)
  'response.confirm': { ja: '確認', en: 'Confirmed' }, // stable (ja)
  'campaign.create': { ja: '調査の作成', en: 'Survey created' },
  'campaign.creation.retry': { ja: '調査の作成の再開', en: 'Survey creation resumed' },
  'campaign.deadlines.update': { ja: '提出期限の変更', en: 'Deadlines changed' },
  'campaign.status.open': { ja: '回答受付の再開', en: 'Survey reopened' },
  'campaign.status.closed': { ja: '回答受付の締め切り', en: 'Survey closed' },
  'campaign.status.archived': { ja: '調査のアーカイブ', en: 'Survey archived' },
  'campaign.extension.grant': { ja: '期限延長の付与', en: 'Extension granted' },
  'campaign.extension.update': { ja: '期限延長の変更', en: 'Extension changed' },
  'campaign.extension.remove': { ja: '期限延長の取消し', en: 'Extension removed' },
  'template.upload': { ja: '様式の登録', en: 'Template loaded' },
  'facilities.import': { ja: '医療機関の取込み', en: 'Facilities imported' },
  'tenant.create': { ja: '都道府県の開設', en: 'Prefecture set up' },
  'user.invite': { ja: '利用者の招待', en: 'User invited' },
  'user.resendInvite': { ja: '招待の再送', en: 'Invitation sent again' },
  'user.disable': { ja: '無効化', en: 'User disabled' },
  'user.enable': { ja: '再有効化', en: 'User re-enabled' },
  'vendor.create': { ja: '事業者の登録', en: 'Vendor registered' },
  'contract.put': { ja: '契約の登録', en: 'Contract saved' },
  'contract.delete': { ja: '契約の削除', en: 'Contract removed' },
  'vendorResponse.profile.create': { ja: '標準回答の作成', en: 'Standard answer created' },
  'vendorResponse.profile.save': { ja: '標準回答の保存', en: 'Standard answer saved' },
  'vendorResponse.profile.delete': { ja: '標準回答の削除', en: 'Standard answer deleted' },
  'vendorResponse.facility.save': { ja: '医療機関別の回答の保存', en: 'Answers for one facility saved' },
  'vendorResponse.submit': { ja: '事業者回答の提出', en: 'Vendor answers submitted' },
  'vendorResponse.return': { ja: '事業者回答の差戻し', en: 'Vendor answers sent back' },
  'vendorResponse.confirm': { ja: '事業者回答の確認', en: 'Vendor answers confirmed' },
  'discrepancy.explain': { ja: '食い違いの説明', en: 'Discrepancy explained' },
  'discrepancy.resolve': { ja: '食い違いの解消', en: 'Discrepancy resolved' },
  'document.create': { ja: '事業者書類の登録', en: 'Vendor document registered' },
  'evidence.create': { ja: '根拠資料の登録', en: 'Evidence file registered' },
  'evidence.remove': { ja: '根拠資料の削除', en: 'Evidence file removed' },
  'incident.report': { ja: 'インシデントの報告', en: 'Incident reported' },
  'incident.update': { ja: 'インシデント報告の更新', en: 'Incident report updated' },
  'incident.post': { ja: 'インシデントへの書込み', en: 'Incident message posted' },
  'incident.step': { ja: '初動対応の記録', en: 'Incident step recorded' },
  'incident.close': { ja: 'インシデント報告の終了', en: 'Incident report closed' },
  'inspection.create': { ja: '立入検査の登録', en: 'Inspection scheduled' },
  'inspection.update': { ja: '立入検査の更新', en: 'Inspection updated' },
  'training.create': { ja: '研修の登録', en: 'Training created' },
  'training.update': { ja: '研修の変更', en: 'Training changed' },
  'training.cancel': { ja: '研修の中止', en: 'Training cancelled' },
  'training.attendance': { ja: '研修の出席記録', en: 'Training attendance recorded' },
  'calendar.rotate': { ja: 'カレンダー配信URLの再発行', en: 'Calendar feed URL renewed' },
  'contactChart.save': { ja: '連絡体制図の保存', en: 'Contact chart saved' },
  'contactChart.confirm': { ja: '連絡体制図の年次確認', en: 'Contact chart confirmed for the year' },
  'outsideContacts.put': { ja: '外部連絡先の保存', en: 'Outside contacts saved' },
  'vendor.incidentContact': { ja: 'インシデント時の連絡先の保存', en: "Vendor's incident contact saved" },
  'reminders.settings': { ja: 'リマインドの設定の保存', en: 'Reminder settings saved' },
  'readModels.repair': { ja: '集計の修復', en: 'Aggregates repaired' },
  'export.create': { ja: 'データの出力', en: 'Data exported' },
};

/** The name of a recorded action; an action this version does not know (an older entry) shows as recorded. */
export function auditActionLabel(action: string): LocalizedText {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action) ? AUDIT_ACTION_LABELS[action as AuditAction] : { ja: action, en: action };
}
