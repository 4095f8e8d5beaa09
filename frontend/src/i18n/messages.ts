import type { ResponseStatus } from '@mcr/contract';
import type { DeviceClass } from '@mcr/domain';

/**
 * Every text of the interface, Japanese first. Texts used as accessible names by the end-to-end tests
 * (ログイン, はい, 確認日 …) are marked `stable`: change them only together with the tests.
 */
export const M = {
  appName: { ja: '医療機関サイバーセキュリティ対策', en: 'Medical Cyber Readiness' },
  appTagline: { ja: 'チェックリストの回答と状況確認', en: 'Checklist answers and readiness' },
  skipToContent: { ja: '本文へ移動', en: 'Skip to main content' },
  loading: { ja: '読み込み中…', en: 'Loading…' },
  retry: { ja: 'もう一度試す', en: 'Try again' },
  reloadPage: { ja: 'ページを再読み込み', en: 'Reload the page' },
  back: { ja: '戻る', en: 'Back' },
  home: { ja: 'ホーム', en: 'Home' },
  notFound: { ja: 'ページが見つかりません', en: 'Page not found' },
  notFoundBody: { ja: 'URL が正しいかご確認ください。', en: 'Please check the address.' },
  unexpected: { ja: '予期しないエラーが発生しました', en: 'Something went wrong' },
  unexpectedBody: {
    ja: 'お手数ですが、ページを再読み込みしてください。繰り返し発生する場合は、都道府県の担当窓口にお問い合わせください。',
    en: 'Please reload the page. If this keeps happening, contact your prefecture’s help desk.',
  },
  configError: { ja: 'アプリの設定を読み込めませんでした', en: 'Could not load the app configuration' },
  networkError: {
    ja: 'サーバーに接続できませんでした。インターネット接続を確認して、もう一度お試しください。',
    en: 'Could not reach the server. Check your connection and try again.',
  },
  badResponse: { ja: 'サーバーから想定外の応答がありました。', en: 'The server sent an unexpected answer.' },
  requestId: { ja: '問い合わせ番号', en: 'Reference' },

  // Header
  languageSwitchTo: { ja: 'English', en: '日本語' }, // stable: the button shows the other language
  signOut: { ja: 'ログアウト', en: 'Sign out' }, // stable
  signedInAs: { ja: 'ログイン中', en: 'Signed in' },

  // Sign-in
  signInTitle: { ja: 'ログイン', en: 'Sign in' },
  signInLead: {
    ja: '都道府県から届いた招待メールに記載のメールアドレスとパスワードでログインしてください。',
    en: 'Sign in with the e-mail address and password from your invitation e-mail.',
  },
  email: { ja: 'メールアドレス', en: 'E-mail address' }, // stable (ja)
  password: { ja: 'パスワード', en: 'Password' }, // stable (ja)
  signInButton: { ja: 'ログイン', en: 'Sign in' }, // stable (ja)
  signingIn: { ja: '確認しています…', en: 'Checking…' },
  emailRequired: { ja: 'メールアドレスを入力してください', en: 'Enter your e-mail address' },
  passwordRequired: { ja: 'パスワードを入力してください', en: 'Enter your password' },
  startOver: { ja: '最初からやり直す', en: 'Start over' },
  showPassword: { ja: 'パスワードを表示する', en: 'Show password' },

  mfaTitle: { ja: '確認コードの入力', en: 'Enter your verification code' },
  mfaLead: {
    ja: 'スマートフォンの認証アプリ (Google Authenticator、Microsoft Authenticator など) を開き、このサービスに表示されている 6 桁の数字を入力してください。数字は 30 秒ごとに変わります。',
    en: 'Open the authenticator app on your smartphone (Google Authenticator, Microsoft Authenticator, …) and enter the 6-digit number shown for this service. The number changes every 30 seconds.',
  },
  code: { ja: '確認コード (6桁)', en: 'Verification code (6 digits)' }, // stable (ja)
  codeHint: { ja: '半角数字 6 桁', en: 'Six digits' },
  codeInvalid: { ja: '6 桁の数字を入力してください', en: 'Enter the 6 digits' },
  mfaButton: { ja: 'ログイン', en: 'Sign in' }, // stable (ja)

  newPasswordTitle: { ja: '新しいパスワードの設定', en: 'Choose a new password' },
  newPasswordLead: {
    ja: '初めてのログインです。招待メールの仮パスワードに代えて、ご自身のパスワードを設定してください。',
    en: 'This is your first sign-in. Replace the temporary password from the invitation with your own.',
  },
  newPassword: { ja: '新しいパスワード', en: 'New password' }, // stable (ja)
  newPasswordConfirm: { ja: '新しいパスワード (確認)', en: 'New password (again)' }, // stable (ja)
  passwordRules: { ja: 'パスワードの条件', en: 'Password rules' },
  ruleLength: { ja: '12 文字以上', en: 'At least 12 characters' },
  ruleUpper: { ja: '英大文字 (A〜Z) を 1 文字以上', en: 'At least one capital letter (A–Z)' },
  ruleLower: { ja: '英小文字 (a〜z) を 1 文字以上', en: 'At least one small letter (a–z)' },
  ruleDigit: { ja: '数字 (0〜9) を 1 文字以上', en: 'At least one digit (0–9)' },
  ruleMet: { ja: '満たしています', en: 'met' },
  ruleNotMet: { ja: 'まだ満たしていません', en: 'not met yet' },
  passwordRulesNotMet: { ja: 'パスワードの条件をすべて満たしてください', en: 'The password must meet every rule' },
  passwordMismatch: { ja: '確認用のパスワードが一致しません', en: 'The two passwords differ' },
  newPasswordButton: { ja: '次へ', en: 'Next' }, // stable (ja)

  enrolTitle: { ja: '2 段階認証の設定', en: 'Set up two-step verification' },
  enrolWhy: {
    ja: '患者さんの情報を守るため、このサービスではパスワードに加えて、スマートフォンに表示される確認コードでログインします (厚生労働省のガイドラインで求められている「二要素認証」です)。設定は最初の 1 回だけです。',
    en: 'To protect patient information, you sign in with your password plus a code shown on your smartphone (the two-factor authentication the MHLW guideline asks for). You set this up once.',
  },
  enrolStep1: {
    ja: 'スマートフォンに認証アプリ (Google Authenticator、Microsoft Authenticator など) が入っていない場合は、App Store または Google Play から無料でインストールしてください。',
    en: 'If your smartphone has no authenticator app (Google Authenticator, Microsoft Authenticator, …), install one for free from the App Store or Google Play.',
  },
  enrolStep2: {
    ja: 'スマートフォンの認証アプリ (Google Authenticator、Microsoft Authenticator など) で QR コードを読み取り、表示された 6 桁の数字を入力してください。',
    en: 'Scan the QR code with the authenticator app on your smartphone (Google Authenticator, Microsoft Authenticator, …) and enter the 6-digit number it shows.',
  },
  qrAlt: { ja: '認証アプリで読み取る QR コード', en: 'QR code to scan with your authenticator app' },
  qrLoading: { ja: 'QR コードを作成しています…', en: 'Drawing the QR code…' },
  manualEntry: { ja: 'QR コードを読み取れない場合', en: 'If you cannot scan the QR code' },
  manualEntryBody: {
    ja: '認証アプリで「セットアップキーを入力」(または「手動で入力」) を選び、次の文字列を入力してください。種類は「時間ベース」です。',
    en: 'In the app choose “Enter a setup key” (or “Enter manually”) and type the key below. The type is “Time based”.',
  },
  secretLabel: { ja: 'セットアップキー', en: 'Setup key' },
  accountLabel: { ja: 'アカウント名', en: 'Account' },
  copy: { ja: 'コピー', en: 'Copy' },
  copied: { ja: 'コピーしました', en: 'Copied' },
  enrolButton: { ja: '設定する', en: 'Set up' }, // stable (ja)
  enrolMustFinish: {
    ja: '2 段階認証の設定が終わるまで、このサービスは利用できません。',
    en: 'You can use the service once two-step verification is set up.',
  },
  working: { ja: '処理しています…', en: 'Working…' },

  // Cognito errors
  errWrongPassword: { ja: 'メールアドレスまたはパスワードが正しくありません。', en: 'The e-mail address or password is not correct.' },
  errSessionExpired: {
    ja: '時間が経ったため、確認の有効期限が切れました。お手数ですが、最初からやり直してください。',
    en: 'This step timed out. Please start again.',
  },
  errWrongCode: {
    ja: '確認コードが正しくありません。認証アプリに表示されている最新の 6 桁を入力してください (スマートフォンの時刻がずれている場合も失敗します)。',
    en: 'The code is not correct. Enter the latest 6 digits from your app (a smartphone clock that is off also causes this).',
  },
  errPasswordPolicy: { ja: 'このパスワードは使用できません。', en: 'This password cannot be used.' },
  errTooMany: { ja: '試行回数が多すぎます。しばらく時間をおいてから、もう一度お試しください。', en: 'Too many attempts. Wait a while and try again.' },
  errPasswordReset: {
    ja: 'パスワードの再設定が必要です。所属先の管理者にお問い合わせください。',
    en: 'Your password must be reset. Please contact your administrator.',
  },
  errUserNotConfirmed: {
    ja: 'アカウントの登録が完了していません。管理者にお問い合わせください。',
    en: 'Your account is not confirmed yet. Please contact your administrator.',
  },
  errUnsupportedChallenge: {
    ja: 'このアカウントのログイン方法には対応していません。管理者にお問い合わせください。',
    en: 'This account’s sign-in method is not supported. Please contact your administrator.',
  },
  errAuthNetwork: {
    ja: '認証サーバーに接続できませんでした。インターネット接続を確認してください。',
    en: 'Could not reach the sign-in service. Check your connection.',
  },
  errAuthOther: { ja: 'ログインできませんでした。', en: 'Could not sign in.' },
  sessionExpired: { ja: 'ログインの有効期限が切れました。もう一度ログインしてください。', en: 'Your sign-in has expired. Please sign in again.' },
  signedOut: { ja: 'ログアウトしました。', en: 'You have signed out.' },
  noMembership: {
    ja: 'このアカウントには、まだ所属先が登録されていません。都道府県の担当窓口にお問い合わせください。',
    en: 'This account has no organisation yet. Please contact your prefecture’s help desk.',
  },

  // Roles & status
  status: {
    not_started: { ja: '未着手', en: 'Not started' },
    in_progress: { ja: '回答中', en: 'In progress' },
    submitted: { ja: '提出済み', en: 'Submitted' },
    returned: { ja: '差戻し', en: 'Returned' },
    confirmed: { ja: '確認済み', en: 'Confirmed' },
  } satisfies Record<ResponseStatus, { ja: string; en: string }>,
  deviceClass: {
    system: { ja: '全体', en: 'Whole system' },
    server: { ja: 'サーバ', en: 'Servers' },
    client: { ja: '端末PC', en: 'Client PCs' },
    network: { ja: 'ネットワーク機器', en: 'Network devices' },
  } satisfies Record<DeviceClass, { ja: string; en: string }>,

  // Facility home
  tasksTitle: { ja: '回答が必要な調査', en: 'Surveys to answer' },
  tasksLead: {
    ja: '都道府県から依頼されている調査です。期限までに回答してください。回答は自動で保存されます。',
    en: 'Surveys your prefecture asked you to answer. Answers are saved automatically.',
  },
  tasksEmpty: { ja: '現在、回答が必要な調査はありません。', en: 'There is nothing to answer at the moment.' },
  deadline: { ja: '回答期限', en: 'Deadline' },
  opensOn: { ja: '開始日', en: 'Opens' },
  daysLeft: (n: number) => ({ ja: `あと ${n} 日`, en: `${n} day${n === 1 ? '' : 's'} left` }),
  dueToday: { ja: '本日が期限です', en: 'Due today' },
  daysOverdue: (n: number) => ({ ja: `期限を ${n} 日過ぎています`, en: `${n} day${n === 1 ? '' : 's'} overdue` }),
  answerNow: { ja: '回答する', en: 'Answer' },
  viewAnswers: { ja: '回答を見る', en: 'View answers' },
  progress: { ja: '進み具合', en: 'Progress' },
  answeredOf: (a: number, b: number) => ({ ja: `${b} 欄中 ${a} 欄回答済み`, en: `${a} of ${b} answered` }),

  // Checklist
  checklistBack: { ja: '調査の一覧に戻る', en: 'Back to the list' },
  readOnlyNote: { ja: 'この画面は閲覧専用です。', en: 'This view is read-only.' },
  lockedNote: {
    ja: 'この回答は提出済みのため変更できません。修正が必要な場合は都道府県からの差戻しをお待ちください。',
    en: 'This response has been submitted and cannot be changed unless it is sent back.',
  },
  summaryTitle: { ja: '回答の状況', en: 'Summary' },
  summaryAnswered: { ja: '回答済み', en: 'Answered' },
  summaryScore: { ja: '対策実施率', en: 'Readiness' },
  summaryScoreHelp: {
    ja: '参考項目を除く対象の欄のうち、最新の回で「はい」の割合',
    en: 'Share of required cells answered “Yes” in their latest round (reference items excluded)',
  },
  summaryLevel: { ja: '評価', en: 'Level' },
  summaryMissing: (n: number) => ({ ja: `未回答 ${n} 欄`, en: `${n} unanswered` }),
  summaryOverdue: (n: number) => ({ ja: `目標日超過 ${n} 欄`, en: `${n} past target date` }),
  summaryComplete: { ja: '1回目の回答はすべてそろっています', en: 'Round 1 is complete' },
  roundsLabel: { ja: '確認の回', en: 'Round' },
  round: (n: number) => ({ ja: `${n}回目`, en: `Round ${n}` }),
  roundHelp: {
    ja: '1回目は今回の確認結果を入力します。「いいえ」だった項目を対応した後、2回目・3回目で改めて確認結果を入力できます。',
    en: 'Round 1 records the first check. After fixing the “No” items, record later checks in rounds 2 and 3.',
  },
  yes: { ja: 'はい', en: 'Yes' }, // stable (ja)
  no: { ja: 'いいえ', en: 'No' }, // stable (ja)
  checkedOn: { ja: '確認日', en: 'Date checked' }, // stable (ja)
  targetDate: { ja: '目標日', en: 'Target date' }, // stable (ja)
  targetDateHint: (from: string, to: string) => ({ ja: `対応を終える予定日 (${from}〜${to})`, en: `When it will be done (${from} – ${to})` }),
  note: { ja: '備考', en: 'Note' },
  clearAnswer: { ja: 'この回の回答を消す', en: 'Clear this round' },
  answerLabel: { ja: '回答', en: 'Answer' },
  targetDateRequired: { ja: '「いいえ」の場合は対応目標日を入力してください', en: 'For “No”, enter the target date' },
  valueRequired: { ja: '「はい」または「いいえ」を選んでください', en: 'Choose “Yes” or “No”' },
  previousRoundFirst: (n: number) => ({ ja: `${n}回目の回答を先に入力してください`, en: `Answer round ${n} first` }),
  roundDateBeforePrevious: (n: number) => ({ ja: `確認日は${n}回目の確認日以降にしてください`, en: `The date must not be before round ${n}’s` }),
  previousRoundWas: (n: number) => ({ ja: `${n}回目`, en: `Round ${n}` }),
  reference: { ja: '参考項目', en: 'Reference item' },
  referenceHelp: { ja: '回答しますが、対策実施率には含めません', en: 'Answered but not scored' },
  referenceCell: { ja: '参考', en: 'Reference' },
  gateLabel: { ja: '前提', en: 'Precondition' },
  notApplicable: { ja: '対象外', en: 'Not applicable' },
  notApplicableGate: {
    ja: '「医療情報システムを導入、運用している」が「いいえ」のため、回答は不要です。',
    en: 'Not needed: you answered “No” to running a medical information system.',
  },
  notApplicableVendor: {
    ja: 'システム事業者との契約が登録されていないため、回答は不要です。',
    en: 'Not needed: no contract with a system vendor is registered.',
  },
  carriedForward: { ja: '前年度の回答を引き継いでいます。内容を確認してください。', en: 'Carried over from last year: please confirm.' },
  confirmCarried: { ja: 'この内容で確認した', en: 'Confirm this answer' },
  guidanceSummary: { ja: '解説を見る (実施背景・実施方法・ケーススタディ)', en: 'Guidance (background, how to, case study)' },
  guidanceBackground: { ja: '実施背景', en: 'Background' },
  guidanceHowTo: { ja: '実施方法', en: 'How to do it' },
  guidanceCaseStudy: { ja: 'ケーススタディ', en: 'Case study' },
  guidanceNone: { ja: 'この項目の解説はまだありません。', en: 'No guidance for this item yet.' },
  submitLater: { ja: '提出の機能は準備中です。回答は自動で保存されます。', en: 'Submitting comes soon. Your answers are saved automatically.' },

  // Autosave
  saveIdle: { ja: '入力すると自動で保存されます', en: 'Changes save automatically' },
  savePending: { ja: '未保存の変更があります', en: 'Unsaved changes' },
  saving: { ja: '保存中…', en: 'Saving…' },
  savedAt: (hhmm: string) => ({ ja: `保存しました ${hhmm}`, en: `Saved ${hhmm}` }),
  saveFailed: { ja: '保存できませんでした', en: 'Could not save' },
  saveInvalidHeld: { ja: '入力に不備がある欄は保存されていません', en: 'Cells with problems are not saved yet' },
  saveRetry: { ja: '再度保存する', en: 'Save again' },
  conflictTitle: { ja: 'ほかの方がこの調査票を更新しました', en: 'Someone else has updated this checklist' },
  conflictBody: {
    ja: 'あなたが開いた後に、同じ医療機関の別の方が回答を保存しました。最新の内容を読み込んでから、必要に応じてもう一度入力してください (保存されていない入力は失われます)。',
    en: 'Someone from your facility saved answers after you opened this page. Load the latest version, then re-enter anything still needed (unsaved input will be lost).',
  },
  conflictReload: { ja: '最新の内容を読み込む', en: 'Load the latest version' },
  unsavedLeave: { ja: '保存されていない入力があります。', en: 'You have unsaved input.' },

  // Prefecture
  campaignsTitle: { ja: '調査の一覧', en: 'Surveys' },
  campaignsLead: { ja: '調査を選ぶと、医療機関ごとの回答状況を確認できます。', en: 'Choose a survey to see each facility’s progress.' },
  campaignsEmpty: { ja: '調査はまだありません。', en: 'No surveys yet.' },
  campaignTitle: { ja: '調査名', en: 'Survey' },
  fiscalYear: { ja: '年度', en: 'Fiscal year' },
  viewProgress: { ja: '回答状況を見る', en: 'View progress' },
  progressTitle: { ja: '回答状況', en: 'Progress' },
  totalFacilities: (n: number) => ({ ja: `対象 ${n} 施設`, en: `${n} facilities` }),
  byStatus: { ja: '状況別の施設数', en: 'Facilities by status' },
  facilitiesCount: (n: number) => ({ ja: `${n} 施設`, en: `${n}` }),
  filterStatus: { ja: '状況で絞り込む', en: 'Filter by status' },
  filterAll: { ja: 'すべて', en: 'All' },
  filterName: { ja: '医療機関名で検索', en: 'Search by facility name' },
  filterHealthCenter: { ja: '保健所で絞り込む', en: 'Filter by health center' },
  showingRows: (n: number, total: number) => ({ ja: `${total} 施設中 ${n} 施設を表示`, en: `Showing ${n} of ${total}` }),
  facilitiesHeading: { ja: '医療機関ごとの回答', en: 'Facilities' },
  colFacility: { ja: '医療機関名', en: 'Facility' },
  colKind: { ja: '種別', en: 'Kind' },
  colHealthCenter: { ja: '保健所', en: 'Health center' },
  colStatus: { ja: '状況', en: 'Status' },
  colScore: { ja: '対策実施率', en: 'Readiness' },
  colAnswered: { ja: '回答済み', en: 'Answered' },
  colUpdated: { ja: '最終更新', en: 'Last updated' },
  sortAsc: { ja: '低い順に並べ替え', en: 'Sort lowest first' },
  sortDesc: { ja: '高い順に並べ替え', en: 'Sort highest first' },
  noRows: { ja: '条件に合う医療機関はありません。', en: 'No facility matches.' },
  never: { ja: '—', en: '—' },
  progressBack: { ja: '調査の一覧に戻る', en: 'Back to surveys' },
  facilityResponseBack: { ja: '回答状況に戻る', en: 'Back to progress' },

  // Vendor / operator
  vendorHomeTitle: { ja: '事業者の方へ', en: 'For vendors' },
  vendorHomeBody: {
    ja: 'このサービスでは、契約先の医療機関向けに「事業者確認用」チェックリストへの回答と、MDS/SDS (製造業者/サービス事業者による医療情報セキュリティ開示書) の登録ができるようになります。これらの機能は順次公開します。公開されましたらメールでお知らせします。',
    en: 'Here you will answer the vendor checklist (事業者確認用) for the facilities you serve and upload your MDS/SDS disclosures. These features are coming; we will tell you by e-mail when they open.',
  },
  operatorHomeTitle: { ja: '運営者の方へ', en: 'For the operator' },
  operatorHomeBody: {
    ja: '運営者は、都道府県のテナントとその最初の管理者を登録します。各都道府県のデータにはアクセスできません。テナント管理の画面は順次公開します。',
    en: 'The operator creates prefecture tenants and their first administrators, with no access to tenant data. The tenant screens are coming.',
  },
  showMore: (n: number) => ({ ja: `さらに表示（残り ${n} 施設）`, en: `Show more (${n} left)` }),
  facilityNoTasksHint: { ja: '調査が届くと、ここに表示されます。', en: 'Surveys appear here when they arrive.' },
} as const;
