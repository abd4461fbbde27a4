/**
 * Writes docs-site/index.html, the landing page of the static documentation site `npm run docs` builds: links to the
 * Storybook (components and guides, docs-site/storybook) and the API reference (TypeDoc, docs-site/api). Relative
 * links only, so the folder works from any static host and from the file system.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const ROOT = new URL('../', import.meta.url);
const { version, description } = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as {
  version: string;
  description: string;
};

/** The page's HTML. */
export function docsIndexHtml(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>vikingdb-kit ${version} documentation</title>
    <style>
      :root { color-scheme: light dark; font-family: ui-sans-serif, system-ui, sans-serif; }
      body { max-width: 44rem; margin: 4rem auto; padding: 0 1.5rem; line-height: 1.5; }
      a { font-weight: 600; }
      li { margin: 0.75rem 0; }
    </style>
  </head>
  <body>
    <h1>vikingdb-kit ${version}</h1>
    <p>${description}</p>
    <ul>
      <li>
        <a href="storybook/index.html">Components and guides</a> (Storybook): every component with its props, headless
        hook, theming, languages, accessibility and live stories; getting started, the local server, the signing proxy,
        knowledge chat, coming from the Python SDK.
      </li>
      <li>
        <a href="api/index.html">API reference</a> (TypeDoc): every export of <code>vikingdb-kit/client</code>,
        <code>/hooks</code>, <code>/msw</code> and <code>/server</code>, grouped by domain (vector, memory, knowledge).
      </li>
    </ul>
  </body>
</html>
`;
}

mkdirSync(new URL('docs-site/', ROOT), { recursive: true });
writeFileSync(new URL('docs-site/index.html', ROOT), docsIndexHtml());
console.log('docs-site/index.html');
