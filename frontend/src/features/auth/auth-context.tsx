import type { Me } from '@mcr/contract';
import { createContext, useContext } from 'react';

export interface Auth {
  me: Me;
  signOut(): void;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside a signed-in page');
  return value;
}
