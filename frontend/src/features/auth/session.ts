import { useSyncExternalStore } from 'react';

/** Tokens of the signed-in user. Kept in memory and sessionStorage (gone when the tab closes), never localStorage. */
export interface Session {
  accessToken: string;
  idToken: string;
  refreshToken?: string | undefined;
  /** Epoch ms when the access token expires. */
  expiresAt: number;
  email: string;
}

/** Why the user sees the sign-in screen again (shown there as a notice). */
export type SignOutReason = 'expired' | 'signed-out' | undefined;

const KEY = 'mcr.session';
let current: Session | null = read();
let reason: SignOutReason;
const listeners = new Set<() => void>();

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<Session>;
    if (typeof s.accessToken !== 'string' || typeof s.idToken !== 'string' || typeof s.expiresAt !== 'number' || typeof s.email !== 'string') return null;
    return s as Session;
  } catch {
    return null;
  }
}

function emit() {
  for (const l of listeners) l();
}

export function getSession(): Session | null {
  return current;
}

export function getSignOutReason(): SignOutReason {
  return reason;
}

export function setSession(session: Session): void {
  current = session;
  reason = undefined;
  try {
    sessionStorage.setItem(KEY, JSON.stringify(session));
  } catch {
    // Storage full or disabled: the session lives in memory only.
  }
  emit();
}

export function clearSession(why: SignOutReason): void {
  current = null;
  reason = why;
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing to remove.
  }
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession);
}
