import type { Evaluation } from '@mcr/contract';
import { READINESS_LEVELS } from '@mcr/domain';
import { useI18n } from '../i18n/i18n.tsx';
import { formatPercent } from '../i18n/format.ts';
import { M } from '../i18n/messages.ts';

/** 対応済み / おおむね対応 / 一部対応 / 要対応 / 対象外, from the domain's level ids. */
export function levelLabel(level: string): { ja: string; en: string } {
  return READINESS_LEVELS.find((l) => l.id === level)?.label ?? { ja: level, en: level };
}

export function LevelBadge({ level }: { level: string }) {
  const { t } = useI18n();
  return <span className={`badge level-${level}`}>{t(levelLabel(level))}</span>;
}

/** Answered cells out of applicable ones, as a bar with its numbers in text. */
export function AnsweredBar({ evaluation, id }: { evaluation: Pick<Evaluation, 'answered' | 'applicable'>; id: string }) {
  const { t } = useI18n();
  const { answered, applicable } = evaluation;
  return (
    <div className="answered-bar">
      <progress id={id} value={answered} max={Math.max(applicable, 1)} aria-label={t(M.progress)} aria-valuetext={t(M.answeredOf(answered, applicable))} />
      <span>{t(M.answeredOf(answered, applicable))}</span>
    </div>
  );
}

export function ScoreText({ score }: { score: number | null }) {
  return <span className="score">{formatPercent(score)}</span>;
}

// campaign-lifecycle:begin
const NOT_ANSWERED = { ja: '未回答', en: 'Not answered' };

/**
 * Score and level of a response, or 「未回答」 for a facility that has not started: its 0 % is no answer, not a
 * finding (issue 10: never 「0% 要対応」 for a facility that has not begun).
 */
export function Readiness({ status, score, level }: { status: string; score: number | null; level: string }) {
  const { t } = useI18n();
  if (status === 'not_started') return <NotAnsweredBadge />;
  return (
    <>
      <ScoreText score={score} /> <LevelBadge level={level} />
    </>
  );
}

/** 「未回答」: nothing answered yet, which is not a finding. */
export function NotAnsweredBadge() {
  const { t } = useI18n();
  return <span className="badge not-answered">{t(NOT_ANSWERED)}</span>;
}
// campaign-lifecycle:end
