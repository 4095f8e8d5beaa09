/**
 * Texts of the evidence files per answer cell (issue 8), Japanese first, in the shape of `M`. They load with the
 * checklist. Texts the end-to-end tests look for are marked `stable`.
 */
export const EM = {
  title: { ja: '証跡ファイル', en: 'Evidence files' },
  attach: { ja: '証跡ファイルを添付', en: 'Attach evidence' }, // stable (ja)
  attachFor: (cell: string) => ({ ja: `${cell} に証跡ファイルを添付`, en: `Attach evidence to ${cell}` }),
  uploading: (name: string) => ({ ja: `${name} を送信しています…`, en: `Uploading ${name}…` }),
  attached: (name: string) => ({ ja: `${name} を添付しました。`, en: `${name} attached.` }),
  open: (name: string) => ({ ja: `${name} を開く`, en: `Open ${name}` }),
  opening: { ja: '準備中…', en: 'Preparing…' },
  remove: { ja: '削除', en: 'Remove' },
  removeFor: (name: string) => ({ ja: `${name} を削除`, en: `Remove ${name}` }),
  removeTitle: { ja: '証跡ファイルを削除しますか', en: 'Remove this evidence file?' },
  removeBody: (name: string) => ({
    ja: `「${name}」を一覧から削除します。ファイルは記録として保管され、都道府県は確認できます。`,
    en: `“${name}” will be removed from the list. The file is kept on record and the prefecture can still see it.`,
  }),
  removed: (name: string) => ({ ja: `${name} を削除しました。`, en: `${name} removed.` }),
  uploadedBy: (who: string, when: string) => ({ ja: `${who}・${when}`, en: `${who}, ${when}` }),
  full: (k: number) => ({ ja: `1 つの欄に添付できるのは ${k} 件までです。`, en: `At most ${k} files per answer.` }),
  count: (k: number) => ({ ja: `証跡 ${k} 件`, en: `${k} evidence files` }),
};
