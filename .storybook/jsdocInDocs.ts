/**
 * The kit's JSDoc, as Storybook's docs pages show it: `{@link name}` becomes `name` in code, and a prop whose
 * description says `Default: …` gets that value in the props table's Default column (the kit states defaults in
 * JSDoc, not in destructuring, so docgen alone finds none).
 */
import type { ArgTypesEnhancer, StrictArgTypes } from 'storybook/internal/types';

/** `{@link name}` and `{@link name | text}` as Markdown code. */
export function withoutJsDocLinks(markdown: string): string {
  return markdown.replace(/\{@link\s+([^}|\s]+)(?:\s*\|\s*([^}]+))?\}/g, (_, name: string, text?: string) =>
    text ? text.trim() : `\`${name}\``,
  );
}

/** The default a description states (`Default: 20.`, `Default \`'en'\`.`), if any. */
export function statedDefault(description: string): string | undefined {
  // Up to the sentence's end: a period before a capital letter or the end (so `e.g. x` stays whole).
  const match = /\bDefault:?\s+(.+?)\.(?=\s+[A-Z]|\s*$)/s.exec(description);
  return match?.[1]?.replace(/`/g, '').replace(/\s+/g, ' ').trim();
}

/** Fills the Default column from the descriptions and rewrites their JSDoc links. */
export const jsdocDefaults: ArgTypesEnhancer = Object.assign(
  (context: Parameters<ArgTypesEnhancer>[0]): StrictArgTypes => {
    const argTypes: StrictArgTypes = {};
    for (const [name, argType] of Object.entries(context.argTypes)) {
      const description = argType.description ? withoutJsDocLinks(argType.description) : undefined;
      const stated = description ? statedDefault(description) : undefined;
      const table = argType.table ?? {};
      argTypes[name] = {
        ...argType,
        ...(description === undefined ? {} : { description }),
        table: table.defaultValue || !stated ? table : { ...table, defaultValue: { summary: stated } },
      };
    }
    return argTypes;
  },
  { secondPass: true },
);
