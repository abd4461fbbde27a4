/**
 * TypeDoc plugin: groups every entry point's exports by domain (Vector, Memory, Knowledge, …) without a `@category`
 * tag on each of them. The domain comes from where the export is declared (`src/client/vector/…` is Vector,
 * `src/hooks/options/memoryQueries.ts` is Memory) and, for the hooks declared side by side in one file, from its name
 * (`useAddSession` is Memory, `useDocs` is Knowledge). An explicit `@category` tag always wins.
 *
 * It runs after TypeDoc's own categorizer and rebuilds each module's categories, so a new export is grouped the day it
 * is added. Comments are not touched: `validation.notDocumented` still sees exactly what the author wrote.
 */
import { Converter, ReflectionCategory, ReflectionKind } from 'typedoc';

/** Order of the categories on every page and in the sidebar. */
export const DOMAIN_ORDER = [
  'Setup',
  'Vector',
  'Memory',
  'Knowledge',
  'Auth',
  'Transport',
  'Errors',
  'Local server',
  'Model backends',
  'Storage',
  'Signing proxy',
  'Mock Service Worker',
];

/** Declaration paths (below `src/`) and the domain they belong to; the first match wins. */
const BY_PATH = [
  [/\/(local\/)?(embedder|llm)\/|modelBackends/, 'Model backends'],
  [/\/storage\//, 'Storage'],
  [/\/proxy\/|\/shared\/(allowedHosts|readLimitedBody)/, 'Signing proxy'],
  [/src\/server\//, 'Local server'],
  [/src\/msw\//, 'Mock Service Worker'],
  [/\/knowledge[^/]*(\/|\.tsx?$)|\/use\w*Chat\w*\.tsx?$/i, 'Knowledge'],
  [/\/memory[^/]*(\/|\.tsx?$)/i, 'Memory'],
  [/\/vector[^/]*(\/|\.tsx?$)|searchRequest|useBulkUpsert/i, 'Vector'],
  [/\/auth\//, 'Auth'],
  [/\/errors\//, 'Errors'],
  [/\/transport\//, 'Transport'],
];

/** For files that hold hooks of several domains (`queries.ts`, `mutations.ts`): the export's name decides. */
const BY_NAME = [
  [/Memory|Session|Event|Profile/, 'Memory'],
  [/Knowledge|Doc|Point|CollectionSearch|Chat/, 'Knowledge'],
];

/** The explicit `@category` tags of a reflection (on itself or its signatures). */
function explicitCategories(reflection) {
  const comments = [reflection.comment, ...(reflection.signatures ?? []).map((signature) => signature.comment)];
  return comments
    .flatMap((comment) => comment?.blockTags ?? [])
    .filter((tag) => tag.tag === '@category')
    .map((tag) =>
      tag.content
        .map((part) => part.text)
        .join('')
        .trim(),
    );
}

/** The domain of one export. */
export function domainOf(name, fileName) {
  const path = fileName.replaceAll('\\', '/');
  if (/src\/hooks\/(queries|mutations)\.ts$/.test(path)) {
    return BY_NAME.find(([pattern]) => pattern.test(name))?.[1] ?? 'Vector';
  }
  return BY_PATH.find(([pattern]) => pattern.test(path))?.[1] ?? 'Setup';
}

function categorize(module) {
  const byTitle = new Map();
  for (const child of module.children ?? []) {
    const explicit = explicitCategories(child);
    const fileName = child.sources?.[0]?.fullFileName ?? '';
    const titles = explicit.length > 0 ? explicit : [domainOf(child.name, fileName)];
    for (const title of titles) {
      if (!byTitle.has(title)) byTitle.set(title, new ReflectionCategory(title));
      byTitle.get(title).children.push(child);
    }
  }
  const rank = (title) => (DOMAIN_ORDER.includes(title) ? DOMAIN_ORDER.indexOf(title) : DOMAIN_ORDER.length);
  module.categories = [...byTitle.values()].sort((a, b) => rank(a.title) - rank(b.title));
  for (const category of module.categories) category.children.sort((a, b) => a.name.localeCompare(b.name));
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(
    Converter.EVENT_RESOLVE_END,
    (context) => {
      for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) categorize(module);
    },
    -300,
  );
}
