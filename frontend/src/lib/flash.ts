import type { Localized } from '../i18n/i18n.tsx';

/**
 * A message for the next page, shown once ("N 施設に配布しました" after creating a survey). Kept in memory,
 * keyed by the page it is for, so that a reload or another page does not show it again.
 */
const messages = new Map<string, Localized>();

export function setFlash(key: string, message: Localized): void {
  messages.set(key, message);
}

export function peekFlash(key: string): Localized | undefined {
  return messages.get(key);
}

export function clearFlash(key: string): void {
  messages.delete(key);
}
