import type { ResponseStatus } from '@mcr/contract';
import type { DeviceClass, TemplateForm } from '@mcr/domain';

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
  navInspections: { ja: '立入検査', en: 'Inspections' }, // stable (ja)
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
  // ops:begin — the policy of decision 0024 (13+ characters with a symbol)
  ruleLength: (n: number) => ({ ja: `${n} 文字以上`, en: `At least ${n} characters` }),
  ruleSymbol: { ja: '記号 (- ! # % + = など) を 1 文字以上', en: 'At least one symbol (- ! # % + = …)' },
  // ops:end
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
  carriedBadge: { ja: '前年度から引継ぎ', en: 'Carried over from last year' }, // stable (ja)
  carriedForward: {
    ja: '前年度の回答が入っています。今も同じか確かめて「この回答を確認」を押してください。',
    en: 'This is last year’s answer. Check that it still holds, then press “Confirm this answer”.',
  },
  carriedForwardNo: {
    ja: '「いいえ」の回答を確認するときは、今年度の目標日も入力します。',
    en: 'To confirm a “No”, you also enter this year’s target date.',
  },
  confirmCarried: { ja: 'この回答を確認', en: 'Confirm this answer' }, // stable (ja)
  carriedNotice: (n: number) => ({
    ja: `前年度から引継いだ回答が ${n} 欄あります。内容が今も正しいか確かめて、欄ごとに「この回答を確認」を押してください。`,
    en: `${n} answer${n === 1 ? ' was' : 's were'} carried over from last year. Check each one and press “Confirm this answer”.`,
  }),
  carriedBulkHint: (n: number) => ({
    ja: `「はい」の ${n} 欄は、まとめて確認することもできます (確認日は今日になります)。`,
    en: `The ${n} “Yes” answer${n === 1 ? '' : 's'} can be confirmed in one go (dated today).`,
  }),
  carriedNoLeft: (n: number) => ({
    ja: `「いいえ」の ${n} 欄は今年度の目標日が必要なため、欄ごとに確認してください。`,
    en: `${n} “No” answer${n === 1 ? ' needs' : 's need'} this year’s target date: confirm ${n === 1 ? 'it' : 'them'} one by one.`,
  }),
  confirmAllCarried: { ja: '引継ぎ回答をすべて確認', en: 'Confirm all carried-over answers' }, // stable (ja)
  guidanceSummary: { ja: '解説を見る (実施背景・実施方法・ケーススタディ)', en: 'Guidance (background, how to, case study)' },
  guidanceBackground: { ja: '実施背景', en: 'Background' },
  guidanceHowTo: { ja: '実施方法', en: 'How to do it' },
  guidanceCaseStudy: { ja: 'ケーススタディ', en: 'Case study' },
  guidanceNone: { ja: 'この項目の解説はまだありません。', en: 'No guidance for this item yet.' },
  // forms:begin
  guidanceRefs: { ja: 'ガイドラインの参照先', en: 'Guideline sections' },
  guidanceRefsHelp: {
    ja: 'チェックリストマニュアルが示す「医療情報システムの安全管理に関するガイドライン」の該当箇所です。',
    en: 'Where the checklist manual points in the MHLW guideline on the security of medical information systems.',
  },
  templateGuidanceSource: { ja: '解説の出典', en: 'Source of the guidance' },
  nextVersionTitle: { ja: '次の年度の版を作る', en: 'Start the next year’s version' },
  nextVersionLead: (fy: string, id: string) => ({
    ja: `厚生労働省が新しい様式を公表したら、この版をもとにした${fy}版の様式ファイル（${id}.json）を作れます。項目の文言・番号は、公式様式と見比べて直してから「新しい版を読み込む」で読み込んでください。すべての項目は「未照合」の印が付いた状態で作られ、回答は前年度から引き継がれます。`,
    en: `When the MHLW publishes a new form, start the ${fy} template file (${id}.json) from this version. Compare the items with the official form, correct them, then load the file under “Load a new version”. Every item starts marked as unverified, and answers carry over from the previous year.`,
  }),
  nextVersionButton: { ja: '様式ファイルを作る (JSON)', en: 'Create the template file (JSON)' },
  nextVersionVendorFirst: (id: string) => ({
    ja: `対になる事業者確認用（${id}）を先に読み込んでください。医療機関確認用と事業者確認用の回答の突き合わせに使います。`,
    en: `Load the counterpart vendor form (${id}) first: it is used to compare facility and vendor answers.`,
  }),
  // forms:end

  // Submission
  submitTitle: { ja: '提出', en: 'Submit' },
  submitLead: {
    ja: 'すべての欄に回答したら、医療機関の管理者が提出します。提出した回答は都道府県が確認します。',
    en: 'When every cell is answered, the facility’s administrator submits. The prefecture then reviews the answers.',
  },
  missingCount: (n: number) => ({ ja: `未回答 ${n} 件`, en: `${n} unanswered` }),
  carriedUnconfirmed: { ja: '引継ぎ未確認', en: 'Carried over, not confirmed' },
  carriedUnconfirmedCount: (n: number) => ({ ja: `引継ぎ未確認 ${n} 件`, en: `${n} carried over, not confirmed` }),
  missingNone: (round: number) => ({ ja: `${round}回目の回答はすべてそろっています。`, en: `Round ${round} is complete.` }),
  missingReferenceNote: (n: number) => ({
    ja: `参考項目の未回答 ${n} 欄 (提出には影響しません)`,
    en: `${n} reference cell${n === 1 ? '' : 's'} unanswered (not needed to submit)`,
  }),
  missingShowAll: (n: number) => ({ ja: `すべて表示 (残り ${n} 件)`, en: `Show all (${n} more)` }),
  missingGoTo: { ja: '移動', en: 'Go to' },
  submitRound: (n: number) => ({ ja: `${n}回目を提出する`, en: `Submit round ${n}` }), // stable (ja)
  submitNeedsComplete: { ja: 'すべての欄に回答すると提出できます。', en: 'You can submit once every cell is answered.' },
  submitWaitSave: { ja: '入力の保存が終わると提出できます。', en: 'You can submit once your input is saved.' },
  submitFixProblems: { ja: '入力に不備がある欄を直すと提出できます。', en: 'Fix the cells with problems to submit.' },
  submitByAdmin: { ja: '提出は医療機関の管理者が行います', en: 'Your facility’s administrator submits the checklist' }, // stable (ja)
  submitConfirmTitle: (n: number) => ({ ja: `${n}回目を提出しますか？`, en: `Submit round ${n}?` }),
  submitConfirmBody: {
    ja: '提出すると、都道府県から差戻しがあるまで変更できません。提出しますか？',
    en: 'Once submitted, the answers cannot be changed unless the prefecture sends them back. Submit now?',
  },
  submitConfirm: { ja: '提出する', en: 'Submit' }, // stable (ja)
  submitting: { ja: '提出しています…', en: 'Submitting…' },
  cancel: { ja: 'キャンセル', en: 'Cancel' },
  submitIncomplete: {
    ja: '未回答の欄があるため提出できませんでした。次の欄に回答してから、もう一度提出してください。',
    en: 'Not submitted: some cells are unanswered. Answer these, then submit again.',
  },
  submitConflict: {
    ja: 'ほかの方が回答を更新したため、提出できませんでした。最新の内容を読み込んでから、もう一度提出してください。',
    en: 'Not submitted: someone else updated the answers. Load the latest version, then submit again.',
  },
  submitLocked: {
    ja: 'この回答はすでに提出されています。最新の状態を読み込んでください。',
    en: 'These answers have already been submitted. Load the latest state.',
  },
  submitForbidden: { ja: '提出する権限がありません。提出は医療機関の管理者が行います。', en: 'You may not submit: your facility’s administrator does.' },
  submitFailed: { ja: '提出できませんでした', en: 'Could not submit' },
  submittedBanner: (date: string, n: number) => ({ ja: `${date}に${n}回目を提出しました`, en: `Round ${n} submitted on ${date}` }), // stable (ja)
  submittedLocked: {
    ja: '都道府県から差戻しがあるまで、回答は変更できません。',
    en: 'The answers cannot be changed unless the prefecture sends them back.',
  },
  confirmedNote: { ja: '都道府県が確認しました。', en: 'The prefecture has reviewed these answers.' },
  historyTitle: { ja: '提出の履歴', en: 'Submissions' },
  historyRound: { ja: '回', en: 'Round' },
  historyAt: { ja: '提出日時', en: 'Submitted' },
  historyBy: { ja: '提出者', en: 'By' },

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
  // Paged tables (server-side filters, sort and search)
  filterMedicalArea: { ja: '二次医療圏で絞り込む', en: 'Filter by medical area' },
  filterSizeBand: { ja: '規模 (病床数) で絞り込む', en: 'Filter by size (beds)' },
  filterScoreBand: { ja: '対策実施率の区分', en: 'Readiness band' },
  filterOverdue: { ja: '目標日を過ぎた「いいえ」がある施設のみ', en: 'Only facilities with a passed target date' },
  filterMissingFirst: { ja: '1回目の確認日が未記入の施設のみ', en: 'Only facilities with round 1 dates missing' },
  rowSearch: { ja: '医療機関名 (前方一致)・医療機関コードで検索', en: 'Search by name (prefix) or facility code' },
  rowSearchHint: { ja: '検索中は名称順 (コードの場合はコード順) に表示します。', en: 'While searching, results are listed by name (or by code).' },
  colOverdue: { ja: '期限超過', en: 'Overdue' },
  overdueSince: (date: string) => ({ ja: `${date} 超過`, en: `since ${date}` }),
  sortByName: { ja: '名称順に並べ替え', en: 'Sort by name' },
  sortByScore: { ja: '対策実施率で並べ替え', en: 'Sort by readiness' },
  sortByUpdated: { ja: '最終更新日時で並べ替え', en: 'Sort by last update' },
  rowsShown: (n: number, total: number | undefined) =>
    total === undefined
      ? { ja: `${n.toLocaleString('en-US')} 施設を表示中`, en: `Showing ${n.toLocaleString('en-US')}` }
      : {
          ja: `${total.toLocaleString('en-US')} 施設中 ${n.toLocaleString('en-US')} 施設を表示`,
          en: `Showing ${n.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`,
        },
  loadMore: { ja: 'もっと見る', en: 'Load more' },
  loadingMore: { ja: '読み込み中…', en: 'Loading…' },
  clearFilters: { ja: '条件をクリア', en: 'Clear filters' },
  itemsShown: (n: number) => ({ ja: `${n.toLocaleString('en-US')} 件を表示中`, en: `Showing ${n.toLocaleString('en-US')}` }),
  facilityPickerHint: {
    ja: '名称の先頭の文字か医療機関コードを入力すると候補を表示します。',
    en: 'Type the start of a name, or a facility code, to see matches.',
  },
  facilityPickerNone: { ja: '一致する医療機関はありません。', en: 'No facility matches.' },
  facilityPickerMore: {
    ja: '候補が多いため最初の 50 件を表示しています。続けて入力して絞り込んでください。',
    en: 'Showing the first 50 matches; keep typing to narrow them.',
  },
  never: { ja: '—', en: '—' },
  progressBack: { ja: '調査の一覧に戻る', en: 'Back to surveys' },
  facilityResponseBack: { ja: '回答状況に戻る', en: 'Back to progress' },

  // Vendor / operator
  showMore: (n: number) => ({ ja: `さらに表示（残り ${n} 施設）`, en: `Show more (${n} left)` }),
  facilityNoTasksHint: { ja: '調査が届くと、ここに表示されます。', en: 'Surveys appear here when they arrive.' },

  // Navigation (prefecture)
  navLabel: { ja: 'メインメニュー', en: 'Main menu' },
  navCampaigns: { ja: '調査', en: 'Surveys' },
  navDashboard: { ja: 'ダッシュボード', en: 'Dashboard' }, // stable (ja)
  viewDashboard: { ja: 'ダッシュボード', en: 'Dashboard' },
  viewDashboardLong: { ja: 'ダッシュボード (集計・グラフ) を見る', en: 'Open the dashboard (totals and charts)' },
  navTemplates: { ja: '様式 (チェックリストの版)', en: 'Checklist versions' },

  // Templates
  templateForm: {
    facility: { ja: '医療機関確認用', en: 'Facility form' },
    vendor: { ja: '事業者確認用', en: 'Vendor form' },
    bcp: { ja: 'BCP確認表', en: 'BCP check table' },
  } satisfies Record<TemplateForm, { ja: string; en: string }>,
  templatesTitle: { ja: '様式 (チェックリストの版)', en: 'Checklist versions' }, // stable (ja)
  templatesLead: {
    ja: 'チェックリストは年度ごとに改訂されます。調査を作成するときは、ここにある版から選びます。新しい版は様式ファイルを読み込んで追加できます。',
    en: 'The checklist is revised every fiscal year. New surveys use one of the versions below; load a template file to add a new one.',
  },
  versionsHeading: { ja: '登録されている版', en: 'Available versions' },
  templatesEmpty: { ja: '様式はまだありません。', en: 'No versions yet.' },
  colVersion: { ja: '版', en: 'Version' },
  colForm: { ja: '様式', en: 'Form' },
  colItems: { ja: '項目数', en: 'Items' },
  colOrigin: { ja: '登録元', en: 'Origin' },
  colPrevious: { ja: '前の版', en: 'Replaces' },
  colCheck: { ja: '確認事項', en: 'Notes' },
  builtIn: { ja: '組込み', en: 'Built in' },
  uploaded: { ja: '登録', en: 'Uploaded' },
  itemsCount: (n: number) => ({ ja: `${n} 項目`, en: `${n} item${n === 1 ? '' : 's'}` }),
  unverifiedBadge: (n: number) => ({ ja: `未照合 ${n} 項目`, en: `${n} unverified` }),
  unverifiedExplain: {
    ja: '「未照合」は、厚生労働省の公式様式と文言を照合できなかった項目の数です。版を開くと、項目ごとの理由を確認できます。調査に使う前に、公式様式と見比べてください。',
    en: '“Unverified” counts the items whose wording could not be checked against the official MHLW form. Open a version to see why, and compare with the official form before using it.',
  },
  noneText: { ja: 'なし', en: 'None' },

  uploadTitle: { ja: '新しい版を読み込む', en: 'Load a new version' },
  uploadLead: {
    ja: '厚生労働省が新しい版を公表したら、その内容を様式ファイル (JSON) にして読み込みます。読み込んだ版は、調査を作成するときに選べます。',
    en: 'When the MHLW publishes a new version, write it as a template file (JSON) and load it here. New surveys can then use it.',
  },
  uploadFile: { ja: '様式ファイル (JSON)', en: 'Template file (JSON)' }, // stable (ja)
  uploadHint: { ja: '拡張子 .json のファイル (512 KB まで)', en: 'A .json file (up to 512 KB)' },
  uploadButton: { ja: '読み込む', en: 'Load' }, // stable (ja)
  uploading: { ja: '読み込んでいます…', en: 'Loading…' },
  uploadChooseFile: { ja: '様式ファイルを選んでください', en: 'Choose a template file' },
  uploadTooLarge: { ja: 'ファイルが大きすぎます (512 KB まで)', en: 'The file is too large (512 KB at most)' },
  uploadEmpty: { ja: 'ファイルが空です', en: 'The file is empty' },
  uploadUnreadable: { ja: 'ファイルを読み取れませんでした', en: 'Could not read the file' },
  uploadFailed: { ja: '様式ファイルを読み込めませんでした', en: 'The template file was not loaded' },
  uploadProblems: (n: number) => ({
    ja: `次の ${n} 件を修正して、もう一度読み込んでください。行番号はファイルの中の位置です。`,
    en: `Fix ${n === 1 ? 'this problem' : `these ${n} problems`} and load the file again. Line numbers refer to the file.`,
  }),
  uploadAtLine: (line: number) => ({ ja: `${line} 行目`, en: `Line ${line}` }),
  uploadDone: (label: string, id: string) => ({ ja: `「${label}」(${id}) を登録しました。`, en: `“${label}” (${id}) has been added.` }),
  uploadDoneLink: { ja: '内容を確認する', en: 'Review it' },

  formatHelpSummary: { ja: '様式ファイルの書き方', en: 'How to write a template file' },
  formatHelp1: {
    ja: '様式ファイルは JSON 形式のテキストファイルです (文字コード UTF-8)。1 つのファイルに 1 つの版を書きます。',
    en: 'A template file is a JSON text file (UTF-8) holding one version.',
  },
  formatHelp2: {
    ja: '先頭に formatVersion (1)、id (英小文字・数字・ハイフン、例: pref-facility-r8)、form (facility = 医療機関確認用 / vendor = 事業者確認用 / bcp = BCP確認表)、fiscalYear (年度、2026 = 令和8年度)、label と title (日本語 ja と英語 en)、source (出典) を書きます。',
    en: 'At the top: formatVersion (1), id (lower-case letters, digits, hyphens, e.g. pref-facility-r8), form (facility, vendor or bcp), fiscalYear (2026 = 令和8年度), label and title (ja and en), source (the official document).',
  },
  formatHelp3: {
    ja: 'sections (大項目) の中に items (項目) を並べます。項目には id、number (様式に印刷された番号、例: 2(4))、text (項目の文言)、cells (回答欄: server = サーバ、client = 端末PC、network = ネットワーク機器、system = 全体で 1 欄) を書きます。参考項目は reference: true にします。',
    en: 'sections hold the items. Each item has an id, number (as printed, e.g. 2(4)), text, and cells (server, client, network, or system for a single cell). Reference items have reference: true.',
  },
  formatHelp4: {
    ja: '医療機関確認用と事業者確認用では、最初のセクションの先頭に前提項目 (gate、例: 「医療情報システムを導入、運用している」) が必要です。',
    en: 'The facility and vendor forms start with a gate item (e.g. “The facility operates a medical information system”) first in the first section.',
  },
  formatHelp5: {
    ja: '前年度の回答を引き継ぐには、previousId に前の版の id を書き、各項目の lineage に前の版との関係 (same = 同じ、changed = 変更、split = 分割、merged = 統合、new = 新規) と from (前の版の項目 id) を書きます。同じ (same) の項目は回答が引き継がれ、変更・新規の項目は空欄から始まります。',
    en: 'To carry last year’s answers forward, set previousId to the previous version and give each item a lineage (same, changed, split, merged, new) with from (ids in the previous version). Answers carry over for “same” items; changed and new items start empty.',
  },
  formatHelp6: {
    ja: '公式様式と文言を照合できなかった項目は、metadata.unverified に項目 id と理由を書いておくと、一覧に「未照合」と表示されます。',
    en: 'Items whose wording could not be checked against the official form go in metadata.unverified with a reason; they show as “unverified”.',
  },
  formatHelp7: {
    ja: '誤りがあると、ファイルの何行目が問題かを表示します。詳しい仕様は docs/checklist-templates.md をご覧ください。',
    en: 'Errors name the line in the file. The full format is described in docs/checklist-templates.md.',
  },
  formatHelpExample: { ja: '最小限の例', en: 'A minimal example' },

  templateBack: { ja: '様式の一覧に戻る', en: 'Back to the versions' },
  templateFacts: { ja: 'この版について', en: 'About this version' },
  colSource: { ja: '出典', en: 'Source' },
  colMirror: { ja: '対になる様式', en: 'Counterpart form' },
  colNumber: { ja: '番号', en: 'No.' },
  colItem: { ja: '項目', en: 'Item' },
  colCells: { ja: '回答欄', en: 'Cells' },
  colItemKind: { ja: '区分', en: 'Kind' },
  colLineage: { ja: '前の版との関係', en: 'From the previous version' },
  gateItem: { ja: '前提項目', en: 'Precondition' },
  referencePartly: (cells: string) => ({ ja: `一部参考 (${cells})`, en: `Partly reference (${cells})` }),
  needsVendorContract: { ja: '事業者と契約がある場合のみ', en: 'Only with a vendor contract' },
  requiredItem: { ja: '必須', en: 'Required' },
  lineage: {
    same: (from: string) => ({ ja: `${from} と同じ (回答を引継ぎ)`, en: `Same as ${from} (answers carried over)` }),
    changed: (from: string) => ({ ja: `${from} から変更 (引継ぎなし)`, en: `Changed from ${from} (not carried over)` }),
    split: (from: string) => ({ ja: `${from} を分割 (「はい」を引継ぎ)`, en: `Split from ${from} (“Yes” carried over)` }),
    merged: (from: string) => ({ ja: `${from} を統合`, en: `Merged from ${from}` }),
    new: (_from: string) => ({ ja: '新規', en: 'New' }),
  },
  unverifiedTitle: (n: number) => ({ ja: `未照合の項目 (${n} 件)`, en: `Unverified items (${n})` }),
  unverifiedLead: {
    ja: '次の項目は、厚生労働省の公式様式と文言を照合できていません。理由を確認し、必要なら公式様式と見比べてください。',
    en: 'The wording of these items could not be checked against the official MHLW form. Read why, and compare with the official form if needed.',
  },
  unverifiedMark: { ja: '未照合', en: 'Unverified' },
  templateContents: { ja: '項目の一覧', en: 'Items' },
  itemCountShort: (n: number) => ({ ja: `${n} 項目`, en: `${n} items` }),

  // New campaign
  newCampaign: { ja: '新しい調査を作成', en: 'New survey' }, // stable (ja)
  newCampaignTitle: { ja: '新しい調査の作成', en: 'Create a survey' },
  newCampaignLead: {
    ja: '様式と期間、対象の医療機関を選んで「作成する」を押すと、対象の医療機関に調査が届きます。',
    en: 'Choose the version, the dates and the facilities, then press “Create”: the facilities receive the survey.',
  },
  fieldTemplate: { ja: '様式', en: 'Version' }, // stable (ja)
  templateOption: (label: string, id: string) => ({ ja: `${label} (${id})`, en: `${label} (${id})` }),
  templateChoiceFacts: (fy: string, n: number) => ({ ja: `${fy}・${n} 項目`, en: `${fy}, ${n} items` }),
  carryHint: (prev: string) => ({
    ja: `前年度版から回答を引継ぎます。前の版 (${prev}) の調査に回答した医療機関では、対応する項目に前年度の回答が「前年度から引継ぎ」として入ります。`,
    en: `Last year’s answers carry over: facilities that answered the previous version (${prev}) find those answers in the matching items, marked “carried over”.`,
  }),
  noFacilityTemplates: {
    ja: '医療機関確認用の様式がありません。先に「様式 (チェックリストの版)」で登録してください。',
    en: 'There is no facility form yet. Add one under “Checklist versions” first.',
  },
  fieldTitle: { ja: 'タイトル', en: 'Title' }, // stable (ja)
  fieldTitleHint: { ja: '医療機関の画面と通知メールに表示されます (200 文字まで)', en: 'Shown to facilities and in e-mails (200 characters at most)' },
  fieldTitleEn: { ja: '英語表記 (任意)', en: 'English title (optional)' },
  fieldFiscalYear: { ja: '対象年度', en: 'Fiscal year' }, // stable (ja)
  fieldFiscalYearHint: {
    ja: '「いいえ」の目標日は、この年度の中 (4月1日〜翌年3月31日) で入力します',
    en: 'Target dates for “No” answers fall within this fiscal year (1 April – 31 March)',
  },
  fieldOpensOn: { ja: '開始日', en: 'Opening date' }, // stable (ja)
  fieldDeadline: { ja: '回答期限', en: 'Deadline' }, // stable (ja)
  fieldDeadlineHint: { ja: '開始日以降の日付', en: 'On or after the opening date' },
  fieldTarget: { ja: '対象', en: 'Recipients' },
  targetAll: { ja: 'すべての医療機関', en: 'All facilities' }, // stable (ja)
  targetKinds: { ja: '種別で選ぶ', en: 'By kind' },
  targetHealthCenters: { ja: '保健所で選ぶ', en: 'By health center' },
  targetKindsLegend: { ja: '対象とする種別', en: 'Kinds of facility' },
  targetHcLegend: { ja: '対象とする保健所', en: 'Health centers' },
  targetFacilities: { ja: '医療機関を選ぶ', en: 'Choose facilities' },
  targetFacilitiesLegend: { ja: '対象とする医療機関', en: 'Facilities' },
  targetFacilitySearch: { ja: '医療機関名または医療機関コードで検索', en: 'Search by name or 医療機関コード' },
  hcFacilities: (n: number) => ({ ja: `${n} 施設`, en: `${n} facilit${n === 1 ? 'y' : 'ies'}` }),
  targetEstimate: (n: number) => ({ ja: `この条件で ${n} 施設に配布します。`, en: `This goes to ${n} facilit${n === 1 ? 'y' : 'ies'}.` }),
  facilityCountShort: (n: number) => ({ ja: `${n.toLocaleString('ja-JP')} 施設`, en: `${n.toLocaleString('en')} facilit${n === 1 ? 'y' : 'ies'}` }),
  facilitiesLoadFailed: {
    ja: '医療機関の一覧を読み込めませんでした。「すべての医療機関」か「種別で選ぶ」は使えます。',
    en: 'Could not load the facilities. “All facilities” and “By kind” still work.',
  },
  createButton: { ja: '作成する', en: 'Create' }, // stable (ja)
  creating: { ja: '作成しています…', en: 'Creating…' },
  errorSummaryTitle: { ja: '入力内容を確認してください', en: 'Please check the form' },
  errTemplateRequired: { ja: '様式を選んでください', en: 'Choose a version' },
  errTitleRequired: { ja: 'タイトルを入力してください', en: 'Enter a title' },
  errTitleTooLong: { ja: 'タイトルは 200 文字以内で入力してください', en: 'At most 200 characters' },
  errOpensOnRequired: { ja: '開始日を入力してください', en: 'Enter the opening date' },
  errDeadlineRequired: { ja: '回答期限を入力してください', en: 'Enter the deadline' },
  errDeadlineBeforeOpening: { ja: '回答期限は開始日以降の日付にしてください', en: 'The deadline cannot be before the opening date' },
  errKindsRequired: { ja: '種別を 1 つ以上選んでください', en: 'Choose at least one kind' },
  errHcRequired: { ja: '保健所を 1 つ以上選んでください', en: 'Choose at least one health center' },
  errFacilitiesRequired: { ja: '医療機関を 1 つ以上選んでください', en: 'Choose at least one facility' },
  createFailed: { ja: '調査を作成できませんでした', en: 'The survey was not created' },
  createdFlash: (n: number, m: number) =>
    m > 0
      ? { ja: `${n} 施設に配布しました (うち ${m} 施設は前年度の回答を引継ぎ)`, en: `Sent to ${n} facilities (${m} with last year’s answers carried over)` }
      : { ja: `${n} 施設に配布しました`, en: `Sent to ${n} facilities` },

  payloadTooLarge: { ja: '送信するデータが大きすぎます。', en: 'The data sent is too large.' },

  // Review (確認・差戻し)
  reviewNoticeTitle: { ja: 'この回答は提出済みです', en: 'This response has been submitted' },
  reviewNotice: {
    ja: '内容を確認し、ページ下の「確認・差戻し」で確認 (受理) するか、差戻してください。直してほしい項目には「この項目にコメント」でコメントを付けられます。',
    en: 'Review the answers, then confirm or send them back under “Review” at the bottom. Use “Comment on this item” to say what to fix.',
  },
  reviewJump: { ja: '「確認・差戻し」へ移動', en: 'Go to “Review”' },
  reviewTitle: { ja: '確認・差戻し', en: 'Review' },
  reviewLead: (n: number) => ({
    ja: `${n}回目の提出内容を確認します。問題がなければ確認 (受理) し、直してほしい点があれば差戻してください。`,
    en: `Review round ${n}. Confirm it if it is in order, or send it back with what to fix.`,
  }),
  reviewConfirmHeading: { ja: '問題がない場合', en: 'If it is in order' },
  reviewConfirmHint: {
    ja: '確認すると、この回の回答は確定し、医療機関は変更できなくなります。',
    en: 'Confirming fixes this round’s answers; the facility can no longer change them.',
  },
  confirmButton: { ja: '確認 (受理) する', en: 'Confirm (accept)' }, // stable (ja)
  reviewReturnHeading: { ja: '直してほしい点がある場合', en: 'If something must be fixed' },
  returnMessage: { ja: '差戻しの理由', en: 'Reason for sending back' }, // stable (ja)
  returnMessageHint: {
    ja: '医療機関に届く全体へのメッセージです (2000 文字まで)。項目ごとのコメントだけで差戻す場合は空欄でもかまいません。',
    en: 'A message to the facility (2000 characters at most). May be left empty when item comments say it all.',
  },
  returnNeedsReason: {
    ja: '差戻しの理由を入力するか、項目にコメントを付けてください',
    en: 'Enter a reason, or comment on at least one item',
  },
  messageTooLong: { ja: '2000 文字以内で入力してください', en: 'At most 2000 characters' },
  tooManyComments: { ja: 'コメントは 100 項目までです。', en: 'At most 100 item comments.' },
  itemCommentsCount: (n: number) => ({ ja: `項目へのコメント (${n} 件)`, en: `Item comments (${n})` }),
  itemCommentsNone: {
    ja: 'まだありません。直してほしい項目で「この項目にコメント」を押すと、ここに並びます。',
    en: 'None yet. Press “Comment on this item” on an item to add one.',
  },
  commentOnItem: { ja: 'この項目にコメント', en: 'Comment on this item' }, // stable (ja)
  commentLabel: (n: string) => ({ ja: `コメント (${n})`, en: `Comment (${n})` }), // stable (ja)
  commentHint: { ja: '差戻すと、この項目の横に表示されます。', en: 'Shown next to this item when you send the response back.' },
  commentTooLong: { ja: 'コメントは 2000 文字以内にしてください', en: 'At most 2000 characters' },
  commentEdit: { ja: '編集', en: 'Edit' },
  commentRemove: { ja: 'コメントを削除', en: 'Remove comment' },
  returnButton: { ja: '差戻す', en: 'Send back' }, // stable (ja)
  returnDialogTitle: { ja: '差戻しますか？', en: 'Send the response back?' },
  returnDialogBody: (name: string, n: number) => ({
    ja: `${name} に差戻しの理由${n > 0 ? `と項目へのコメント ${n} 件` : ''}が表示され、回答を修正して再提出できるようになります。`,
    en: `${name} will see your reason${n > 0 ? ` and ${n} item comment${n === 1 ? '' : 's'}` : ''} and can correct and resubmit the answers.`,
  }),
  returnSend: { ja: '差戻しを送信', en: 'Send back now' }, // stable (ja)
  confirmDialogTitle: { ja: 'この回答を確認 (受理) しますか？', en: 'Confirm this response?' },
  confirmDialogBody: (name: string, n: number) => ({
    ja: `${name} の${n}回目の回答を確認済みにします。医療機関は回答を変更できなくなります。`,
    en: `Round ${n} of ${name} becomes confirmed; the facility can no longer change it.`,
  }),
  confirmDropsComments: {
    ja: '入力中の差戻しの理由と項目へのコメントは送信されません。',
    en: 'The reason and item comments you typed are not sent.',
  },
  confirmMessage: { ja: '医療機関へのメッセージ (任意)', en: 'Message to the facility (optional)' },
  confirmSend: { ja: '確認を送信', en: 'Confirm now' }, // stable (ja)
  sending: { ja: '送信しています…', en: 'Sending…' },
  reviewFailed: { ja: '送信できませんでした', en: 'Not sent' },
  reviewConflict: {
    ja: 'ほかの方がこの回答を更新しました。最新の内容を読み込んでから、もう一度操作してください。',
    en: 'Someone else updated this response. Load the latest version and try again.',
  },
  reviewLocked: {
    ja: 'この回答はすでに確認または差戻しされています。最新の状態を読み込んでください。',
    en: 'This response has already been confirmed or sent back. Load the latest state.',
  },
  reviewForbidden: { ja: '確認・差戻しは都道府県の管理者が行います。', en: 'Only prefecture administrators review responses.' },
  itemCommentTitle: { ja: '差戻し時のコメント', en: 'Comment when sent back' },
  itemCommentTitleFacility: { ja: '都道府県からのコメント', en: 'Comment from the prefecture' },
  returnedTitle: { ja: '差戻しがありました', en: 'The prefecture sent your answers back' }, // stable (ja)
  returnedTitleAdmin: { ja: '差戻し中 (医療機関の修正待ち)', en: 'Sent back (waiting for the facility)' },
  returnedMeta: (date: string, n: number, by: string) => ({
    ja: `${date}・${n}回目・${by || '都道府県'}`,
    en: `${date}, round ${n}, ${by || 'the prefecture'}`,
  }),
  returnedItems: (n: number) => ({ ja: `コメントのある項目 (${n} 件)`, en: `Items with comments (${n})` }),
  returnedNext: {
    ja: 'コメントのある項目を直して、もう一度提出してください。回答は自動で保存されます。',
    en: 'Fix the items with comments, then submit again. Answers save automatically.',
  },
  reviewHistoryTitle: { ja: '確認・差戻しの履歴', en: 'Reviews' },
  reviewActionReturned: { ja: '差戻し', en: 'Sent back' },
  reviewActionConfirmed: { ja: '確認済み', en: 'Confirmed' },
  reviewBy: { ja: '担当', en: 'By' },
  confirmedBy: (date: string, by: string) => ({
    ja: `${date}に都道府県${by ? `（${by}）` : ''}が確認しました。`,
    en: `Confirmed by the prefecture${by ? ` (${by})` : ''} on ${date}.`,
  }),
  confirmedLocked: { ja: '確認済みのため、回答は変更できません。', en: 'Confirmed answers cannot be changed.' },

  // Navigation
  navFacilities: { ja: '医療機関', en: 'Facilities' }, // stable (ja)
  navVendors: { ja: '事業者', en: 'Vendors' },
  navUsers: { ja: '利用者', en: 'Users' }, // stable (ja)
  navAudit: { ja: '操作履歴', en: 'Audit log' }, // stable (ja)
  navAnswers: { ja: '回答', en: 'Answers' }, // stable (ja)
  navOwnFacility: { ja: '自施設と事業者', en: 'Our facility and vendors' }, // stable (ja)
  navDiscrepancies: { ja: '回答の食い違い', en: 'Discrepancies' }, // stable (ja)
  navVendorPortal: { ja: '事業者ポータル', en: 'Vendor portal' }, // stable (ja)
  // trainings:begin
  navTrainings: { ja: '研修', en: 'Trainings' }, // stable (ja)
  // trainings:end

  // Common
  choose: { ja: '選んでください', en: 'Choose…' },
  edit: { ja: '編集', en: 'Edit' },
  remove: { ja: '削除', en: 'Remove' },
  stop: { ja: '中止', en: 'Stop' },
  stopping: { ja: '中止しています… (送信中の分が終わるまでお待ちください)', en: 'Stopping… (waiting for the batch under way)' },
  search: { ja: '検索', en: 'Search' },
  showMoreRows: (n: number) => ({ ja: `さらに表示（残り ${n.toLocaleString('en-US')} 件）`, en: `Show more (${n.toLocaleString('en-US')} left)` }),
  countRows: (n: number) => ({ ja: `${n.toLocaleString('en-US')} 件`, en: n.toLocaleString('en-US') }),
  countItems: (n: number) => ({ ja: `${n.toLocaleString('en-US')} 件`, en: n.toLocaleString('en-US') }),
  colActions: { ja: '操作', en: 'Actions' },
  errEmailRequired: { ja: 'メールアドレスを入力してください', en: 'Enter the e-mail address' },
  errEmailInvalid: { ja: 'メールアドレスの形式が正しくありません', en: 'This is not a valid e-mail address' },
  errNameRequired: { ja: '氏名を入力してください', en: 'Enter the name' },
  errTooLong: (n: number) => ({ ja: `${n} 文字以内で入力してください`, en: `At most ${n} characters` }),

  // Facilities
  facilitiesTitle: { ja: '医療機関', en: 'Facilities' },
  facilitiesLead: {
    ja: '県内の医療機関の一覧です。名称を選ぶと、詳細と契約している事業者を確認できます。一覧は CSV または Excel のファイルから取り込めます。',
    en: 'The facilities of the prefecture. Choose one to see its details and vendors. The list can be imported from a CSV or Excel file.',
  },
  facilitiesEmpty: { ja: '医療機関はまだ登録されていません。「一覧を取り込む」から登録してください。', en: 'No facilities yet. Import the list to add them.' },
  facilityListHeading: { ja: '医療機関の一覧', en: 'Facility list' },
  facilitySearch: { ja: '名称・医療機関コードで検索', en: 'Search by name or code' },
  filterKind: { ja: '種別で絞り込む', en: 'Filter by kind' },
  noFacilityRows: { ja: '条件に合う医療機関はありません。', en: 'No facility matches.' },
  colBeds: { ja: '病床数', en: 'Beds' },
  colMedicalArea: { ja: '二次医療圏', en: 'Medical area' },
  colCode: { ja: '医療機関コード', en: 'Facility code' },
  colAddress: { ja: '所在地', en: 'Address' },
  colContactEmail: { ja: '連絡先メール', en: 'Contact e-mail' },
  facilitiesBack: { ja: '医療機関の一覧に戻る', en: 'Back to the facilities' },
  facilityProfile: { ja: '基本情報', en: 'Profile' },

  // Contracts
  contractsTitle: { ja: '契約している事業者', en: 'Vendors under contract' },
  contractsLead: {
    ja: '医療情報システムの事業者と、提供を受けているシステムです。契約が登録されていない医療機関では、事業者に関するチェック項目が対象外になります。',
    en: 'The system vendors and the systems they provide. Without a registered contract, the vendor-related checklist items do not apply.',
  },
  contractsEmpty: { ja: '契約はまだ登録されていません。', en: 'No contract registered.' },
  contractAdd: { ja: '契約を追加', en: 'Add a contract' },
  contractAddTitle: { ja: '契約の追加', en: 'Add a contract' },
  contractEditTitle: (vendor: string) => ({ ja: `契約の編集: ${vendor}`, en: `Edit the contract: ${vendor}` }),
  contractEditFor: (vendor: string) => ({ ja: `編集 (${vendor})`, en: `Edit (${vendor})` }),
  contractRemoveFor: (vendor: string) => ({ ja: `削除 (${vendor})`, en: `Remove (${vendor})` }),
  contractSave: { ja: '保存する', en: 'Save' },
  contractSaveFailed: { ja: '契約を保存できませんでした', en: 'The contract was not saved' },
  contractSaved: (vendor: string) => ({ ja: `${vendor} との契約を保存しました。`, en: `The contract with ${vendor} has been saved.` }),
  contractRemoved: (vendor: string) => ({ ja: `${vendor} との契約を削除しました。`, en: `The contract with ${vendor} has been removed.` }),
  contractRemoveTitle: { ja: '契約を削除しますか？', en: 'Remove the contract?' },
  contractRemoveBody: (vendor: string, facility: string) => ({
    ja: `${facility} と ${vendor} の契約を削除します。`,
    en: `The contract between ${facility} and ${vendor} will be removed.`,
  }),
  colVendor: { ja: '事業者', en: 'Vendor' },
  colSystems: { ja: 'システム', en: 'Systems' },
  colRemote: { ja: 'リモート保守', en: 'Remote maintenance' },
  fieldVendor: { ja: '事業者', en: 'Vendor' },
  fieldVendorHint: { ja: '一覧にない事業者は、先に登録してください:', en: 'Register a vendor that is not listed first:' },
  fieldSystems: { ja: '提供を受けているシステム (複数選択可)', en: 'Systems provided (choose all that apply)' },
  fieldRemote: { ja: 'リモート保守', en: 'Remote maintenance' },
  fieldRemoteHint: {
    ja: '事業者が外部のネットワークから機器に接続して保守しているか',
    en: 'Whether the vendor connects from outside to maintain the systems',
  },
  remoteYes: { ja: 'あり', en: 'Yes' },
  remoteNo: { ja: 'なし', en: 'No' },
  errVendorRequired: { ja: '事業者を選んでください', en: 'Choose a vendor' },
  errSystemsRequired: { ja: 'システムを 1 つ以上選んでください', en: 'Choose at least one system' },
  errRemoteRequired: { ja: 'リモート保守の有無を選んでください', en: 'Say whether there is remote maintenance' },
  noVendorsLeft: { ja: '追加できる事業者がありません。先に事業者を登録してください:', en: 'No vendor left to add. Register one first:' },
  systemKind: (s: string) => ({ ja: s, en: SYSTEM_KIND_EN[s] ?? s }),

  // Vendors
  vendorsTitle: { ja: '事業者', en: 'Vendors' },
  vendorsLead: {
    ja: '医療機関に医療情報システムを提供している事業者です。登録した事業者は、医療機関の契約に追加できます。',
    en: 'The vendors providing medical information systems. Registered vendors can be added to a facility’s contracts.',
  },
  vendorsEmpty: { ja: '事業者はまだ登録されていません。', en: 'No vendors yet.' },
  vendorListHeading: (n: number) => ({ ja: `登録されている事業者 (${n} 社)`, en: `Registered vendors (${n})` }),
  vendorSearch: { ja: '事業者を検索', en: 'Search vendors' },
  vendorAdd: { ja: '事業者を登録', en: 'Register a vendor' },
  vendorAddTitle: { ja: '事業者の登録', en: 'Register a vendor' },
  vendorAddButton: { ja: '登録する', en: 'Register' },
  vendorAddFailed: { ja: '事業者を登録できませんでした', en: 'The vendor was not registered' },
  vendorCreated: (name: string) => ({ ja: `${name} を登録しました。`, en: `${name} has been registered.` }),
  fieldVendorName: { ja: '事業者名', en: 'Vendor name' },
  fieldVendorEmail: { ja: '連絡先メールアドレス', en: 'Contact e-mail' },
  fieldVendorEmailHint: { ja: '事業者の窓口のアドレス', en: 'The vendor’s help-desk address' },
  errVendorNameRequired: { ja: '事業者名を入力してください', en: 'Enter the vendor name' },

  // Facility import
  importOpen: { ja: '一覧を取り込む (CSV / Excel)', en: 'Import the list (CSV / Excel)' }, // stable (ja)
  importLead: {
    ja: '県で管理している医療機関の一覧 (CSV または Excel) を読み込みます。先に内容を確認し、誤りがなければ取り込みます。医療機関コードが同じ医療機関は、新しく追加せずに内容を更新します。',
    en: 'Load the facility list the prefecture keeps (CSV or Excel). It is checked first and imported only without errors. A facility whose code is already known is updated, not added twice.',
  },
  importFile: { ja: '取り込むファイル (CSV / Excel)', en: 'File to import (CSV / Excel)' }, // stable (ja)
  importFileHint: {
    ja: '.csv (UTF-8 または Shift_JIS) か .xlsx。1 行目に列の名前 (名称、種別、病床数、保健所、二次医療圏、医療機関コード、所在地、連絡先メール) を書きます。選ぶと内容の確認が始まります。',
    en: '.csv (UTF-8 or Shift_JIS) or .xlsx, with the column names in row 1. Checking starts when you choose the file.',
  },
  importTemplate: { ja: 'ひな形をダウンロード', en: 'Download the template' }, // stable (ja)
  importHelpSummary: { ja: 'ファイルの書き方', en: 'How to prepare the file' },
  importHelp1: {
    ja: '1 行目は見出しです。名称、種別、保健所、二次医療圏、医療機関コードは必須、病床数、所在地、連絡先メールは任意です (列の順番は自由です)。',
    en: 'Row 1 holds the column names. 名称, 種別, 保健所, 二次医療圏 and 医療機関コード are required; 病床数, 所在地 and 連絡先メール are optional. Any column order works.',
  },
  importHelp2: {
    ja: '種別は「病院」「診療所」「歯科診療所」「薬局」のいずれかです。病院は 20 床以上、診療所は 19 床以下です。',
    en: '種別 is 病院, 診療所, 歯科診療所 or 薬局. A hospital has 20 beds or more, a clinic 19 or fewer.',
  },
  importHelp3: {
    ja: '医療機関コードは 10 桁の数字です (都道府県番号 2 桁 + 点数表番号 1 桁 + 7 桁。医科は 1、歯科は 3、薬局は 4)。',
    en: '医療機関コード has 10 digits: prefecture (2), fee table (1: medical, 3: dental, 4: pharmacy) and 7 more.',
  },
  importHelp4: {
    ja: 'Excel で作った CSV (Shift_JIS) もそのまま読み込めます。まだない保健所の名前があると、取込み時に新しい保健所として登録されます。',
    en: 'CSV files saved by Excel (Shift_JIS) load as they are. Health centers not yet known are added on import.',
  },
  importHelp5: {
    ja: '誤りがあると、何行目のどの列かを一覧で表示します。ファイルを直して、もう一度選んでください。誤りが 1 件でもあると、何も取り込みません。',
    en: 'Problems are listed with their row and column. Fix the file and choose it again; nothing is imported while any problem remains.',
  },
  importReading: (name: string) => ({ ja: `${name} を読み込んでいます…`, en: `Reading ${name}…` }),
  importFileFailed: (name: string) => ({ ja: `${name} を読み込めませんでした`, en: `Could not read ${name}` }),
  importUnreadable: { ja: 'ファイルを読み取れませんでした。', en: 'The file could not be read.' },
  importTooManyRows: (n: number) => ({
    ja: `一度に取り込めるのは ${n.toLocaleString('en-US')} 行までです。ファイルを分けてください。`,
    en: `At most ${n.toLocaleString('en-US')} rows at a time. Split the file.`,
  }),
  previewProgressLabel: { ja: '内容の確認の進み具合', en: 'Checking progress' },
  previewing: (done: string, total: string) => ({ ja: `内容を確認しています… ${done} / ${total} 件`, en: `Checking… ${done} / ${total}` }),
  previewFailed: { ja: '内容を確認できませんでした', en: 'The file could not be checked' },
  importSummaryHeading: { ja: '確認の結果', en: 'Check result' },
  encodingLabel: {
    'utf-8': { ja: 'CSV・UTF-8', en: 'CSV, UTF-8' },
    shift_jis: { ja: 'CSV・Shift_JIS', en: 'CSV, Shift_JIS' },
    'utf-16': { ja: 'テキスト・UTF-16', en: 'Text, UTF-16' },
    xlsx: { ja: 'Excel', en: 'Excel' },
  },
  importRows: { ja: 'データ行', en: 'Rows' },
  importCreates: { ja: '新規', en: 'New' },
  importUpdates: { ja: '更新', en: 'Updated' },
  importUnchanged: { ja: '変更なし', en: 'Unchanged' },
  importErrorCount: { ja: '誤り', en: 'Problems' },
  importNewHealthCenters: (n: number) => ({ ja: `新しく登録される保健所 (${n}):`, en: `New health centers (${n}):` }),
  importIgnoredColumns: (cols: string) => ({ ja: `次の列は取り込みません: ${cols}`, en: `These columns are ignored: ${cols}` }),
  importHasErrors: {
    ja: '誤りがあるため取り込めません。ファイルを直して、もう一度選んでください。',
    en: 'The file has problems and cannot be imported. Fix it and choose it again.',
  }, // stable (ja)
  importHasErrorsHint: {
    ja: '下の一覧の行番号は、Excel で開いたときの行番号です。一覧は CSV で保存して、修正の手がかりにできます。',
    en: 'Row numbers are those Excel shows. Save the list as CSV to work through it.',
  },
  importErrorsHeading: (n: number, rows: number) => ({
    ja: `誤りの一覧 (${n.toLocaleString('en-US')} 件・${rows.toLocaleString('en-US')} 行)`,
    en: `Problems (${n.toLocaleString('en-US')} in ${rows.toLocaleString('en-US')} rows)`,
  }),
  importErrorsCaption: { ja: '行ごとの誤り', en: 'Problems by row' },
  importErrorsCsv: { ja: '誤りの一覧を CSV で保存', en: 'Save the problems as CSV' },
  colRow: { ja: '行', en: 'Row' },
  colColumn: { ja: '列', en: 'Column' },
  colProblem: { ja: '内容', en: 'Problem' },
  colChange: { ja: '取込み後', en: 'On import' },
  rowNumber: (n: number) => ({ ja: `${n} 行目`, en: `Row ${n}` }),
  sortRowAsc: { ja: '(行番号の小さい順に並べ替え)', en: '(sort by row, ascending)' },
  sortRowDesc: { ja: '(行番号の大きい順に並べ替え)', en: '(sort by row, descending)' },
  change: {
    create: { ja: '新規', en: 'New' },
    update: { ja: '更新', en: 'Update' },
    unchanged: { ja: '変更なし', en: 'Unchanged' },
  },
  importSampleHeading: (n: number) => ({ ja: `取り込まれる内容 (先頭 ${n} 件)`, en: `What will be imported (first ${n})` }),
  importReady: (creates: string, updates: string) => ({
    ja: `誤りはありません。新規 ${creates} 件、更新 ${updates} 件を取り込みます。`,
    en: `No problems. ${creates} new and ${updates} updated facilities will be imported.`,
  }),
  importButton: { ja: '取り込む', en: 'Import' }, // stable (ja)
  importProgressLabel: { ja: '取込みの進み具合', en: 'Import progress' },
  importing: (done: string, total: string) => ({ ja: `取り込み中… ${done} / ${total} 件`, en: `Importing… ${done} / ${total}` }),
  importFailed: { ja: '取込みが途中で止まりました', en: 'The import stopped part-way' },
  importStopped: { ja: '取込みを中止しました。', en: 'You stopped the import.' },
  importPartial: (done: string, total: string) => ({
    ja: `${total} 件のうち ${done} 件まで取り込みました。残りは取り込まれていません。「続きから取り込む」で再開できます (取り込み済みの行は重複しません)。`,
    en: `${done} of ${total} rows were imported; the rest were not. “Resume” continues (rows already imported are not duplicated).`,
  }),
  importResume: { ja: '続きから取り込む', en: 'Resume the import' },
  importDone: { ja: '取り込みました', en: 'Imported' },
  importDoneCounts: (c: string, u: string, n: string) => ({
    ja: `新規 ${c} 件、更新 ${u} 件、変更なし ${n} 件`,
    en: `${c} new, ${u} updated, ${n} unchanged`,
  }),
  importDoneHealthCenters: (names: string) => ({ ja: `新しく登録した保健所: ${names}`, en: `New health centers: ${names}` }),
  importSeeList: { ja: '医療機関の一覧を見る', en: 'See the facility list' },

  // Users
  usersTitle: { ja: '利用者', en: 'Users' },
  usersLead: {
    ja: 'このサービスを使う方の一覧です。招待した方には、仮パスワードを記載したメールが届きます。退職した方などは無効にしてください。',
    en: 'Everyone using the service. Invited people receive an e-mail with a temporary password. Disable people who have left.',
  },
  usersLeadFacility: (org: string) => ({
    ja: `${org} の利用者です。職員を招待すると、仮パスワードを記載したメールが届きます。退職した方などは無効にしてください。`,
    en: `The users of ${org}. Invited staff receive an e-mail with a temporary password. Disable people who have left.`,
  }),
  userListHeading: { ja: '利用者の一覧', en: 'User list' },
  filterRole: { ja: '区分で絞り込む', en: 'Filter by role' },
  filterOrg: { ja: '所属で絞り込む', en: 'Filter by organisation' },
  userSearch: { ja: '利用者を検索', en: 'Search users' },
  showingUsers: (n: number, total: number) => ({ ja: `${total} 人中 ${n} 人を表示`, en: `Showing ${n} of ${total}` }),
  noUsers: { ja: '条件に合う利用者はいません。', en: 'No user matches.' },
  colName: { ja: '氏名', en: 'Name' },
  colEmail: { ja: 'メールアドレス', en: 'E-mail' },
  colRole: { ja: '役割', en: 'Role' },
  colOrg: { ja: '所属', en: 'Organisation' },
  colUserStatus: { ja: '状態', en: 'Status' },
  colInvited: { ja: '招待日', en: 'Invited' },
  userStatus: {
    active: { ja: '有効', en: 'Active' },
    disabled: { ja: '無効', en: 'Disabled' },
  },
  you: { ja: 'あなた', en: 'You' },
  cannotDisableSelf: { ja: '自分自身は無効にできません', en: 'You cannot disable yourself' },
  disableUser: { ja: '無効にする', en: 'Disable' },
  enableUser: { ja: '有効に戻す', en: 'Re-enable' },
  disableUserFor: (name: string) => ({ ja: `無効にする (${name})`, en: `Disable (${name})` }),
  enableUserFor: (name: string) => ({ ja: `有効に戻す (${name})`, en: `Re-enable (${name})` }),
  disableTitle: (name: string) => ({ ja: `${name} さんを無効にしますか？`, en: `Disable ${name}?` }),
  enableTitle: (name: string) => ({ ja: `${name} さんを有効に戻しますか？`, en: `Re-enable ${name}?` }),
  disableBody: (email: string) => ({
    ja: `${email} はログインできなくなります。回答や履歴は消えません。あとで有効に戻せます。`,
    en: `${email} will no longer be able to sign in. Answers and history stay. You can re-enable the user later.`,
  }),
  enableBody: (email: string) => ({ ja: `${email} が再びログインできるようになります。`, en: `${email} will be able to sign in again.` }),
  userDisabled: (name: string) => ({ ja: `${name} さんを無効にしました。`, en: `${name} has been disabled.` }),
  userEnabled: (name: string) => ({ ja: `${name} さんを有効に戻しました。`, en: `${name} has been re-enabled.` }),
  userUpdateFailed: { ja: '変更できませんでした', en: 'Not changed' },
  inviteOpen: { ja: '利用者を招待', en: 'Invite a user' }, // stable (ja)
  inviteTitle: { ja: '利用者の招待', en: 'Invite a user' },
  inviteLead: {
    ja: 'メールアドレス、氏名、役割と所属先を入力してください。招待メールに、ログイン用の仮パスワードが記載されます。',
    en: 'Enter the e-mail address, name, role and organisation. The invitation e-mail carries a temporary password.',
  },
  inviteLeadFacility: (org: string) => ({
    ja: `${org} の職員を招待します。招待メールに、ログイン用の仮パスワードが記載されます。`,
    en: `Invite staff of ${org}. The invitation e-mail carries a temporary password.`,
  }),
  inviteEmailHint: { ja: '招待メールの送り先で、ログインに使います', en: 'The invitation goes here; it is also the sign-in name' },
  fieldDisplayName: { ja: '氏名', en: 'Name' }, // stable (ja)
  fieldRole: { ja: '役割', en: 'Role' }, // stable (ja)
  roleHelp: {
    pref_admin: { ja: '県の担当者。すべての医療機関・調査・利用者を管理します。', en: 'Prefecture staff: manages every facility, survey and user.' },
    inspector: { ja: '保健所の担当者。管轄の医療機関の回答を閲覧します。', en: 'Health-center staff: reads the answers of their jurisdiction.' },
    facility_admin: {
      ja: '医療機関の管理者。回答を提出し、自施設の利用者を管理します。',
      en: 'Facility administrator: submits the answers and manages the facility’s users.',
    },
    facility_member: { ja: '医療機関の担当者。回答を入力します (提出は管理者)。', en: 'Facility member: fills in the answers (the administrator submits).' },
    vendor_user: { ja: 'システム事業者の担当者。', en: 'System vendor staff.' },
  },
  fieldOrg: { ja: '所属先', en: 'Organisation' },
  fieldOrgHcHint: { ja: '担当者が所属する保健所', en: 'The health center the person works at' },
  fieldOrgVendorHint: { ja: '一覧にない事業者は「事業者」で先に登録してください', en: 'Register a vendor under “Vendors” first if it is not listed' },
  fieldOrgSearch: { ja: '医療機関を検索', en: 'Find the facility' },
  orgCandidates: { ja: '候補の医療機関', en: 'Matching facilities' },
  orgTypeToSearch: { ja: '名称の一部か医療機関コードを入力し、候補から選んでください', en: 'Type part of the name or the code, then pick from the list' },
  orgMatches: (n: number) => ({ ja: `${n.toLocaleString('en-US')} 件が該当`, en: `${n.toLocaleString('en-US')} match` }),
  orgMatchesMany: (shown: number) => ({
    ja: `該当が多いため先頭 ${shown} 件を表示しています。続けて入力すると絞り込めます`,
    en: `Many matches: the first ${shown} are listed; type more to narrow`,
  }),
  orgChosen: (name: string) => ({ ja: `選択中: ${name}`, en: `Chosen: ${name}` }),
  errRoleRequired: { ja: '役割を選んでください', en: 'Choose a role' },
  errOrgRequired: { ja: '所属先を選んでください', en: 'Choose the organisation' },
  errEmailTaken: { ja: 'このメールアドレスは既に登録されています', en: 'This e-mail address is already registered' }, // stable (ja)
  inviteButton: { ja: '招待する', en: 'Invite' }, // stable (ja)
  inviteFailed: { ja: '招待できませんでした', en: 'Not invited' },
  invited: (email: string) => ({ ja: `招待メールを送信しました (${email})`, en: `The invitation has been sent (${email})` }), // stable (ja prefix)

  // Audit log
  auditTitle: { ja: '操作履歴', en: 'Audit log' },
  auditLead: {
    ja: '誰が、いつ、何をしたかの記録です。記録は変更・削除できません。期間と操作で絞り込み、CSV で保存できます。',
    en: 'Who did what, and when. Entries cannot be changed or deleted. Filter by period and action, and save as CSV.',
  },
  auditLeadFacility: {
    ja: '自施設での操作の記録です (回答の保存、提出、利用者の招待など)。',
    en: 'What happened at your facility (answers saved, submissions, invitations …).',
  },
  auditFilterHeading: { ja: '検索条件', en: 'Filters' },
  auditPeriod: { ja: '期間', en: 'Period' },
  auditFrom: { ja: '開始日', en: 'From' },
  auditTo: { ja: '終了日', en: 'To' },
  auditAction: { ja: '操作', en: 'Action' },
  auditTarget: { ja: '対象', en: 'Target' },
  auditTargetHint: { ja: '対象の ID の一部 (例: 医療機関 ID、調査 ID)', en: 'Part of the target id (a facility or survey id, …)' },
  auditResults: (n: string) => ({ ja: `検索結果 (${n} 件)`, en: `Results (${n})` }),
  auditEmpty: { ja: '条件に合う操作はありません。', en: 'No entries match.' },
  auditTruncated: (n: string) => ({
    ja: `件数が多いため、新しい順に ${n} 件までを表示しています。期間を短くするか、操作や対象で絞り込んでください。`,
    en: `Too many entries: the newest ${n} are shown. Shorten the period or filter by action or target.`,
  }),
  colAt: { ja: '日時', en: 'When' },
  colActor: { ja: '利用者', en: 'User' },
  colAction: { ja: '操作', en: 'Action' },
  colTarget: { ja: '対象', en: 'Target' },
  colDetails: { ja: '詳細', en: 'Details' },
  showDetails: { ja: '詳細を表示', en: 'Show details' },
  exportCsv: { ja: 'CSV で出力', en: 'Export CSV' }, // stable (ja)
  exportFailed: { ja: 'CSV を出力できませんでした', en: 'The CSV was not exported' },
  errDateRequired: { ja: '日付を入力してください', en: 'Enter a date' },
  errDateOrder: { ja: '終了日は開始日以降にしてください', en: 'The end must not be before the start' },
  errRangeTooLong: { ja: '期間は 1 年以内にしてください', en: 'The period may be at most one year' },

  // Operator: tenants
  tenantsTitle: { ja: '都道府県 (テナント)', en: 'Prefectures (tenants)' },
  tenantsLead: {
    ja: 'このサービスを利用している都道府県です。都道府県を追加すると、最初の管理者に招待メールが届きます。運営者は各都道府県のデータを見ることはできません。',
    en: 'The prefectures using the service. Adding one e-mails an invitation to its first administrators. The operator cannot see any prefecture’s data.',
  },
  tenantsEmpty: { ja: '都道府県はまだありません。', en: 'No prefectures yet.' },
  tenantListHeading: (n: number) => ({ ja: `利用中の都道府県 (${n})`, en: `Prefectures (${n})` }),
  colTenantCode: { ja: 'コード', en: 'Code' },
  colTenantName: { ja: '名称', en: 'Name' },
  colTenantNameEn: { ja: '英語名', en: 'English name' },
  tenantAdd: { ja: '都道府県を追加', en: 'Add a prefecture' }, // stable (ja)
  tenantAddTitle: { ja: '都道府県の追加', en: 'Add a prefecture' },
  tenantAddLead: {
    ja: '都道府県を選び、最初の管理者 (県の担当者) のメールアドレスと氏名を入力してください。管理者はあとから県の画面で追加できます。',
    en: 'Choose the prefecture and enter its first administrators. More can be invited later from the prefecture’s own screens.',
  },
  fieldPrefecture: { ja: '都道府県', en: 'Prefecture' },
  fieldPrefectureHint: { ja: '番号は JIS の都道府県コードです (例: 36 徳島県)', en: 'The number is the JIS prefecture code (e.g. 36 Tokushima)' },
  tenantInUse: { ja: '利用中', en: 'in use' },
  fieldTenantName: { ja: '名称', en: 'Name' },
  fieldTenantNameEn: { ja: '英語名', en: 'English name' },
  tenantAdmins: { ja: '最初の管理者', en: 'First administrators' },
  tenantAdminsHint: { ja: '1 人以上、10 人まで。それぞれに招待メールが届きます。', en: 'One to ten; each receives an invitation e-mail.' },
  adminEmail: (n: number) => ({ ja: `管理者 ${n} のメールアドレス`, en: `Administrator ${n}: e-mail` }),
  adminName: (n: number) => ({ ja: `管理者 ${n} の氏名`, en: `Administrator ${n}: name` }),
  adminRemove: (n: number) => ({ ja: `管理者 ${n} を削除`, en: `Remove administrator ${n}` }),
  adminAdd: { ja: '管理者を追加', en: 'Add an administrator' },
  tenantCreate: { ja: '追加する', en: 'Add' },
  tenantAddFailed: { ja: '都道府県を追加できませんでした', en: 'The prefecture was not added' },
  tenantCreated: (name: string, n: number) => ({
    ja: `${name} を追加し、管理者 ${n} 人に招待メールを送信しました。`,
    en: `${name} has been added and ${n} administrator${n === 1 ? '' : 's'} invited.`,
  }),
  errPrefectureRequired: { ja: '都道府県を選んでください', en: 'Choose the prefecture' },
  errTenantExists: { ja: 'この都道府県はすでに利用中です', en: 'This prefecture already exists' },
  errTenantOrAdminExists: {
    ja: 'この都道府県か管理者のメールアドレスが、すでに登録されています',
    en: 'The prefecture or an administrator’s address is already registered',
  },
  errTenantName: { ja: '名称は 2〜10 文字で入力してください', en: 'The name takes 2 to 10 characters' },
  errTenantNameEn: { ja: '英語名は 2〜50 文字で入力してください', en: 'The English name takes 2 to 50 characters' },
  errEmailTwice: { ja: '同じメールアドレスが 2 回入力されています', en: 'The same address appears twice' },

  // Round deadlines
  roundDeadlinesLegend: { ja: '2回目・3回目の期限 (任意)', en: 'Round 2 and 3 deadlines (optional)' },
  roundDeadlinesHint: {
    ja: '「いいえ」の項目を対応した後の再確認 (2回目・3回目) にも期限を設ける場合に入力します。',
    en: 'Set these when the re-checks after fixing the “No” items (rounds 2 and 3) have deadlines too.',
  },
  fieldDeadline2: { ja: '2回目の期限', en: 'Round 2 deadline' },
  fieldDeadline3: { ja: '3回目の期限', en: 'Round 3 deadline' },
  fieldDeadline3Hint: { ja: '2回目の期限を入れると入力できます', en: 'Available once round 2 has a deadline' },
  errDeadline2Order: { ja: '2回目の期限は回答期限 (1回目) より後の日付にしてください', en: 'Round 2 must be after the round-1 deadline' },
  errDeadline3Order: { ja: '3回目の期限は2回目の期限より後の日付にしてください', en: 'Round 3 must be after round 2' },
  errDeadline3NeedsSecond: { ja: '先に2回目の期限を入力してください', en: 'Set the round-2 deadline first' },
} as const;

/** English names of the system kinds (the contract stores the Japanese ones). */
const SYSTEM_KIND_EN: Record<string, string> = {
  電子カルテ: 'Electronic medical records',
  レセコン: 'Claims (receipt) computer',
  PACS: 'PACS',
  オーダリング: 'Order entry',
  部門システム: 'Departmental systems',
  検査システム: 'Laboratory systems',
  調剤システム: 'Dispensing systems',
  ネットワーク保守: 'Network maintenance',
  その他: 'Other',
};
