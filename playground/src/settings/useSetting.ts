import { useCallback } from 'react';
import { setUrlParams, useUrlState } from '../url/useUrlState';

function stored(key: string): string | undefined {
  try {
    return window.localStorage.getItem(`vikingdb-playground:${key}`) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * A setting kept in the URL (so a link shares it) and in localStorage (so the next visit keeps it): the URL's value
 * when it is one of `allowed`, else the stored one, else `fallback`.
 */
export function useSetting<T extends string>(key: string, allowed: readonly T[], fallback: T): [T, (value: T) => void] {
  const remembered = stored(key);
  const start = allowed.find((value) => value === remembered) ?? fallback;
  const [raw] = useUrlState(key, start);
  const value = allowed.find((candidate) => candidate === raw) ?? start;
  const set = useCallback(
    (next: T) => {
      try {
        window.localStorage.setItem(`vikingdb-playground:${key}`, next);
      } catch {
        // Storage refused (private mode): the URL still holds it.
      }
      // Written even when it is the default: the URL then overrides an older stored choice in another tab.
      setUrlParams({ [key]: next });
    },
    [key],
  );
  return [value, set];
}

/** Colour themes: the system's, or forced. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Languages of the playground and its components. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type PlaygroundLocale = (typeof LOCALES)[number];

/** The chosen theme (URL `theme`, localStorage; default: the system's). */
export const useTheme = () => useSetting<Theme>('theme', THEMES, 'system');

/** The chosen language (URL `lang`, localStorage; default: English). */
export const useLocale = () => useSetting<PlaygroundLocale>('lang', LOCALES, 'en');
