/// <reference types="vite/client" />
/**
 * Docs block: the kit's CSS custom properties (`--vdb-*`) with their light and dark defaults, read from the kit's own
 * stylesheets at build time, so the table never drifts from the CSS.
 */

/** One theme variable and its defaults. */
export interface ThemeVariable {
  name: string;
  light: string | undefined;
  dark: string | undefined;
}

const stylesheets = import.meta.glob<string>('../src/components/**/*.css', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/**
 * Every `--vdb-*` declaration of `css`: the first one outside any dark-theme rule is the light default, the first one
 * inside a rule or media query that mentions `dark` is the dark default.
 */
export function themeVariables(css: string): ThemeVariable[] {
  const source = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const variables = new Map<string, ThemeVariable>();
  const preludes: string[] = [];
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '{') {
      preludes.push(source.slice(start, i));
      start = i + 1;
    } else if (char === '}') {
      preludes.pop();
      start = i + 1;
    } else if (char === ';') {
      const declaration = /^\s*(--vdb-[\w-]+)\s*:\s*([\s\S]+?)\s*$/.exec(source.slice(start, i));
      start = i + 1;
      if (!declaration) continue;
      const [, name, value] = declaration as unknown as [string, string, string];
      const entry = variables.get(name) ?? { name, light: undefined, dark: undefined };
      const scheme = preludes.some((prelude) => /dark/.test(prelude)) ? 'dark' : 'light';
      entry[scheme] ??= value.replace(/\s+/g, ' ');
      variables.set(name, entry);
    }
  }
  return [...variables.values()];
}

/** The table of every theme variable the kit's stylesheets declare. */
export function ThemeVariables() {
  const variables = themeVariables(Object.values(stylesheets).join('\n'));
  return (
    <table>
      <thead>
        <tr>
          <th>Variable</th>
          <th>Light default</th>
          <th>Dark default</th>
        </tr>
      </thead>
      <tbody>
        {variables.map((variable) => (
          <tr key={variable.name}>
            <td style={{ whiteSpace: 'nowrap' }}>
              <code>{variable.name}</code>
            </td>
            <td>
              <code>{variable.light ?? '—'}</code>
            </td>
            <td>
              <code>{variable.dark ?? 'same as light'}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
