/**
 * The local counterpart of the EventBridge Scheduler schedule (infra: every day at 09:00 Asia/Tokyo → the
 * reminders Lambda): it calls the same handler code, `runReminders` of functions/src/scheduled/reminders.ts.
 *
 * - `tick` mode (`npm start`): checks once a minute; the first check at or after 09:00 Japan time of a day runs
 *   that day's reminders (once per day, as the schedule does; a stack started after 09:00 runs today's at once).
 * - `manual` mode (tests, the bench): nothing runs by itself.
 * Either way `run(now?)` (the front door's `POST /__local/scheduler/run {"now": ISO}`) runs a day's schedule at a
 * chosen time. Runs never overlap: a run waits for the one before it.
 */
export interface LocalScheduler {
  run(now?: Date): Promise<unknown>;
  stop(): Promise<void>;
  stats(): { runs: number; lastRunAt: string | null; lastDay: string | null; mode: 'tick' | 'manual' };
}

/** 09:00 in Japan, the schedule's time. */
export const SCHEDULE_HOUR_JST = 9;

const jst = (d: Date) => new Date(d.getTime() + 9 * 3600_000);

export function startLocalScheduler(options: {
  mode: 'tick' | 'manual';
  runReminders: (now: Date) => Promise<unknown>;
  tickMs?: number;
  log?: (line: string) => void;
}): LocalScheduler {
  const log = options.log ?? (() => undefined);
  let chain: Promise<unknown> = Promise.resolve();
  let runs = 0;
  let lastRunAt: string | null = null;
  let lastDay: string | null = null;
  const run = (now: Date = new Date()): Promise<unknown> => {
    const next = chain.then(async () => {
      runs++;
      lastRunAt = now.toISOString();
      const summary = await options.runReminders(now);
      log(`[scheduler] reminders for ${jst(now).toISOString().slice(0, 10)}: ${JSON.stringify(summary)}`);
      return summary;
    });
    chain = next.catch((err: Error) => log(`[scheduler] run failed: ${err.message}`));
    return next;
  };
  let timer: NodeJS.Timeout | undefined;
  if (options.mode === 'tick') {
    const tick = () => {
      const now = new Date();
      const local = jst(now);
      const day = local.toISOString().slice(0, 10);
      if (local.getUTCHours() >= SCHEDULE_HOUR_JST && lastDay !== day) {
        lastDay = day;
        void run(now).catch(() => undefined);
      }
    };
    timer = setInterval(tick, options.tickMs ?? 60_000);
    timer.unref();
    setImmediate(tick);
  }
  return {
    run,
    async stop() {
      if (timer) clearInterval(timer);
      await chain;
    },
    stats: () => ({ runs, lastRunAt, lastDay, mode: options.mode }),
  };
}
