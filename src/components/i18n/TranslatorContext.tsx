import { createContext, useContext, type ReactNode } from 'react';
import { createTranslator } from './createTranslator';
import { en } from './en';
import type { Translate } from './types';

const english: Translate = createTranslator(en);
const TranslatorContext = createContext<Translate>(english);

/** Gives the primitives below the strings of a component (`t` from `useTranslator`). */
export function TranslatorProvider({ value, children }: { value: Translate; children?: ReactNode }) {
  return <TranslatorContext.Provider value={value}>{children}</TranslatorContext.Provider>;
}

/** The nearest {@link TranslatorProvider}'s `t`. Default: English. */
export function useT(): Translate {
  return useContext(TranslatorContext);
}
