import type { ReactNode } from 'react';

/** Words too common to highlight. */
const COMMON = new Set(
  'a an and are as at be by can do does for from how in is it of on or the this to was what when where which who why with 的 了 是 在 吗 什么 怎么'.split(
    ' ',
  ),
);

/** The words of a question worth highlighting in a passage (letters and digits, two or more, not common words). */
export function termsOf(question: string): string[] {
  const words = question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((word) => word.length >= 2 && !COMMON.has(word)))];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` with every occurrence of `terms` (case-insensitive) wrapped in `<mark>`. */
export function highlightTerms(text: string, terms: readonly string[]): ReactNode {
  if (terms.length === 0 || text === '') return text;
  const pattern = new RegExp(
    `(${[...terms]
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|')})`,
    'giu',
  );
  return text.split(pattern).map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part));
}
