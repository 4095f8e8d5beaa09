import type { ReminderSettings } from '@mcr/contract';
import { routes } from '@mcr/contract';
import { type FormEvent, useState } from 'react';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { TextField } from '../../components/text-field.tsx';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError, callRoute } from '../../lib/api-client.ts';
import { useApiQuery, useInvalidateApi } from '../../lib/use-api.ts';

/** Texts of the prefecture's reminder rhythm (issue 9: deadline reminders "at a configurable rhythm"). */
const RS = {
  title: { ja: '締切のリマインド (都道府県の設定)', en: 'Deadline reminders (prefecture setting)' }, // stable (ja)
  lead: {
    ja: 'まだ提出していない医療機関の管理者に、調査の締切を知らせるメールを送る日です。毎朝 9 時に送ります。',
    en: 'When the administrators of facilities that have not submitted are reminded of a survey’s deadline. Mails go out at 9:00 each morning.',
  },
  isDefault: { ja: '標準の設定です (まだ変更されていません)。', en: 'The default rhythm (not changed yet).' },
  daysBefore: { ja: '締切の何日前に送るか', en: 'Days before the deadline' }, // stable (ja)
  daysBeforeHint: {
    ja: '半角数字をカンマで区切って最大 6 つ (例: 14, 3)。空欄なら締切前には送りません。',
    en: 'Up to 6 numbers separated by commas (e.g. 14, 3). Empty: none before the deadline.',
  },
  daysBeforeInvalid: { ja: '1〜90 の数字をカンマで区切って入力してください', en: 'Enter numbers from 1 to 90 separated by commas' },
  onTheDay: { ja: '締切日の当日にも送る', en: 'Also on the day of the deadline' },
  overdueEvery: { ja: '締切後に送る間隔 (日)', en: 'After the deadline, every (days)' },
  overdueEveryHint: { ja: '0 なら締切後には送りません。', en: '0: none after the deadline.' },
  overdueFor: { ja: '締切後に送り続ける期間 (日)', en: 'After the deadline, for (days)' },
  save: { ja: 'リマインドの設定を保存', en: 'Save the reminder rhythm' },
  saving: { ja: '保存しています…', en: 'Saving…' },
  saved: { ja: 'リマインドの設定を保存しました。次の朝 9 時の送信から使われます。', en: 'Saved. The next 9:00 run uses it.' },
  stale: { ja: 'ほかの担当者が先に変更しました。最新の設定を読み込みました。', en: 'Someone else changed it first; the latest settings are loaded.' },
  failed: { ja: '保存できませんでした', en: 'Could not save' },
};

const FIELD_OF: Record<string, string> = {
  'body.daysBefore': 'rs-days-before',
  'body.overdueEveryDays': 'rs-overdue-every',
  'body.overdueForDays': 'rs-overdue-for',
};

type Message = { tone: 'success' | 'error' | 'warning'; text: Localized; title?: Localized };

function RhythmForm({ settings, onMessage }: { settings: ReminderSettings; onMessage(message: Message | undefined): void }) {
  const { t } = useI18n();
  const invalidate = useInvalidateApi();
  const [daysBefore, setDaysBefore] = useState(settings.daysBefore.join(', '));
  const [onTheDay, setOnTheDay] = useState(settings.onTheDay);
  const [every, setEvery] = useState(String(settings.overdueEveryDays));
  const [forDays, setForDays] = useState(String(settings.overdueForDays));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    onMessage(undefined);
    const parts = daysBefore.split(/[,、，\s]+/).filter(Boolean);
    const days = parts.map((p) => Number(p.normalize('NFKC')));
    if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 90)) {
      setErrors({ 'rs-days-before': t(RS.daysBeforeInvalid) });
      document.getElementById('rs-days-before')?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await callRoute(routes['reminderSettings.put'], {
        body: { daysBefore: days, onTheDay, overdueEveryDays: Number(every), overdueForDays: Number(forDays), expectedVersion: settings.version },
      });
      onMessage({ tone: 'success', text: RS.saved });
      await invalidate('reminderSettings.get');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        onMessage({ tone: 'warning', text: RS.stale });
        await invalidate('reminderSettings.get');
      } else if (err instanceof ApiError) {
        const next: Record<string, string> = {};
        for (const f of err.fields) {
          const id = FIELD_OF[f.field.replace(/\[\d+\]$/, '')];
          if (id) next[id] = t(f.message);
        }
        setErrors(next);
        onMessage({ tone: 'error', title: RS.failed, text: err.text });
      } else {
        onMessage({ tone: 'error', title: RS.failed, text: M.unexpected });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate data-testid="reminder-settings">
      {settings.isDefault ? <p className="muted">{t(RS.isDefault)}</p> : null}
      <TextField
        id="rs-days-before"
        label={t(RS.daysBefore)}
        hint={t(RS.daysBeforeHint)}
        error={errors['rs-days-before']}
        type="text"
        value={daysBefore}
        inputMode="numeric"
        autoComplete="off"
        onChange={(e) => setDaysBefore(e.target.value)}
      />
      <div className="field">
        <label className="choice">
          <input type="checkbox" checked={onTheDay} onChange={(e) => setOnTheDay(e.target.checked)} /> {t(RS.onTheDay)}
        </label>
      </div>
      <TextField
        id="rs-overdue-every"
        label={t(RS.overdueEvery)}
        hint={t(RS.overdueEveryHint)}
        error={errors['rs-overdue-every']}
        type="number"
        min={0}
        max={30}
        value={every}
        onChange={(e) => setEvery(e.target.value)}
      />
      <TextField
        id="rs-overdue-for"
        label={t(RS.overdueFor)}
        error={errors['rs-overdue-for']}
        type="number"
        min={0}
        max={180}
        value={forDays}
        onChange={(e) => setForDays(e.target.value)}
      />
      <p>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t(RS.saving) : t(RS.save)}
        </button>
      </p>
    </form>
  );
}

/** The prefecture administrator's card on the mail settings page. */
export function ReminderSettingsCard() {
  const { t } = useI18n();
  const q = useApiQuery('reminderSettings.get');
  // The message lives here: a saved (or reloaded) version starts a new form, which must not take the message with it.
  const [message, setMessage] = useState<Message | undefined>();
  return (
    <section className="card" aria-labelledby="reminder-settings-heading">
      <h2 id="reminder-settings-heading">{t(RS.title)}</h2>
      <p>{t(RS.lead)}</p>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {message ? (
        <Alert tone={message.tone} title={message.title ? t(message.title) : undefined}>
          <p data-testid="reminder-settings-message">{t(message.text)}</p>
        </Alert>
      ) : null}
      {q.data ? <RhythmForm key={q.data.version} settings={q.data} onMessage={setMessage} /> : null}
    </section>
  );
}
