const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof LEVELS;

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** Structured JSON lines, one per event, so CloudWatch Logs Insights can filter by requestId or tenantId. */
export function createLogger(level: LogLevel, fields: Record<string, unknown> = {}): Logger {
  const write = (l: LogLevel, msg: string, data?: Record<string, unknown>) => {
    if (LEVELS[l] < LEVELS[level]) return;
    const line = JSON.stringify({ level: l, time: new Date().toISOString(), msg, ...fields, ...data });
    if (l === 'error') console.error(line);
    else console.log(line);
  };
  return {
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
    child: (more) => createLogger(level, { ...fields, ...more }),
  };
}
