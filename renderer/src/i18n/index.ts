import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { nl } from './nl';

export type Lang = 'nl' | 'en';
const STORAGE_KEY = 'regiekaart.lang';

/** Dutch first; English when the user chose it before. */
export function initI18n(): typeof i18n {
  const saved = localStorage.getItem(STORAGE_KEY);
  void i18n.use(initReactI18next).init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    lng: saved === 'en' ? 'en' : 'nl',
    fallbackLng: 'nl',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18n.language;
  return i18n;
}

/** Switches the language and remembers it. */
export function setLanguage(lang: Lang): void {
  localStorage.setItem(STORAGE_KEY, lang);
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

/** A moment as Flemish (or British) users write it: "3/12/2026 08:03". */
export function formatMoment(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang.startsWith('en') ? 'en-GB' : 'nl-BE', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}
