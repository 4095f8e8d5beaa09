import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

export type Lang = 'ja' | 'en';
/** Text in both languages; the shape the API uses for its own texts too. */
export interface Localized {
  ja: string;
  en?: string | undefined;
}

const STORAGE_KEY = 'mcr.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
}

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** Picks the current language; Japanese when no English exists (guidance is written in Japanese first). */
  t(text: Localized): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);
  const value = useMemo<I18n>(() => ({ lang, setLang, t: (text) => (lang === 'en' && text.en ? text.en : text.ja) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** The language a text is actually shown in, for its `lang` attribute (Japanese fallback inside English pages). */
export function shownLang(text: Localized, lang: Lang): Lang {
  return lang === 'en' && text.en ? 'en' : 'ja';
}
