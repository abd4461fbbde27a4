import { createContext, useContext } from 'react';
import { createLocaleTranslator } from '../i18n/formatMessage';
import type { Translate } from '../i18n/types';
import { primitivesEn, type PrimitiveMessageKey } from './messages/en';

const PrimitiveTextContext = createContext<Translate<PrimitiveMessageKey>>(createLocaleTranslator('en', primitivesEn));

/**
 * Gives the primitives below the `t` of the component around them (a component's catalog holds the primitives'
 * keys). Without one they speak English.
 */
export const PrimitiveTextProvider = PrimitiveTextContext.Provider;

/** The `t` the primitives use: the nearest {@link PrimitiveTextProvider}'s, English by default. */
export function usePrimitiveText(): Translate<PrimitiveMessageKey> {
  return useContext(PrimitiveTextContext);
}
