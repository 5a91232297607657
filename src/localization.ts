/**
 * Interface language (one per page, as @lit/localize works): the `<html lang>` primary subtag
 * when it is a supported locale, else English. `setLocale(code)` switches at run time.
 */
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';

export type SupportedLocale = typeof sourceLocale | (typeof targetLocales)[number];

export const supportedLocales: readonly SupportedLocale[] = [sourceLocale, ...targetLocales];

// A static map (not a template-literal import) so that bundlers and the test server resolve it.
const loaders = {
  uk: () => import('./generated/locales/uk.js'),
  ru: () => import('./generated/locales/ru.js'),
} as const;

const localization = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => loaders[locale as keyof typeof loaders](),
});

/** The supported locale that best matches a BCP 47 tag (its primary subtag), else English. */
export function matchLocale(tag: string | null | undefined): SupportedLocale {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (supportedLocales as readonly string[]).includes(primary) ? (primary as SupportedLocale) : sourceLocale;
}

/** Current interface locale. */
export const getLocale = (): string => localization.getLocale();

/**
 * Switches the interface language of every element on the page. Unsupported codes fall back
 * to English (matched by primary subtag, so `uk-UA` gives `uk`).
 */
export function setLocale(code: string): Promise<void> {
  return localization.setLocale(matchLocale(code));
}

let started = false;
/** Applies `<html lang>` once, when the first element connects. */
export function initLocaleFromDocument(): void {
  if (started || typeof document === 'undefined') return;
  started = true;
  const wanted = matchLocale(document.documentElement.lang);
  if (wanted !== sourceLocale) void setLocale(wanted).catch(() => undefined);
}
