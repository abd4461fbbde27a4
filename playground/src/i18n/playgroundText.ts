import { useLocale, type PlaygroundLocale } from '../settings/useSetting';
import { formatCount } from './formatCount';

/** The playground's own words (the components bring theirs), in English and Simplified Chinese. */
const TEXT = {
  en: {
    overview: 'Overview',
    explorer: 'Explorer',
    memory: 'Memory',
    data: 'Data',
    activity: 'Activity',
    connection: 'Connection',
    vectorCollections: 'Vector collections',
    memoryCollections: 'Memory collections',
    rows: 'Rows',
    dimension: 'Vector dimension',
    distance: 'Distance',
    openInExplorer: 'Open in Explorer',
    openInMemory: 'Open in Memory',
    eventTypes: 'Event types',
    profileTypes: 'Profile types',
    collection: 'Collection',
    showCancelled: 'Show cancelled',
  },
  'zh-CN': {
    overview: '概览',
    explorer: '检索',
    memory: '记忆',
    data: '数据',
    activity: '请求',
    connection: '连接',
    vectorCollections: '向量集合',
    memoryCollections: '记忆集合',
    rows: '数据条数',
    dimension: '向量维度',
    distance: '距离',
    openInExplorer: '在检索页打开',
    openInMemory: '在记忆页打开',
    eventTypes: '事件类型',
    profileTypes: '画像类型',
    collection: '集合',
    showCancelled: '显示已取消的请求',
  },
} as const satisfies Record<PlaygroundLocale, Record<string, string>>;

/** A key of the playground's words. */
export type PlaygroundTextKey = keyof (typeof TEXT)['en'];

/** The playground's words in the chosen language, and counts with their plural forms. */
export function usePlaygroundText() {
  const [locale] = useLocale();
  return {
    locale,
    t: (key: PlaygroundTextKey): string => TEXT[locale][key],
    /** `1 row`, `3 rows`, `3 条`: the form `Intl.PluralRules` of the locale picks (Chinese has only `other`). */
    count: (n: number, forms: Readonly<Record<PlaygroundLocale, { one?: string; other: string }>>) =>
      formatCount(n, forms[locale].one ?? forms[locale].other, forms[locale].other, locale),
  };
}
