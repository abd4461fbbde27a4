/** Splits a text into stream deltas of a few characters, as a model sends them. */
export function toDeltas(text: string, size = 6): string[] {
  const deltas: string[] = [];
  for (let i = 0; i < text.length; i += size) deltas.push(text.slice(i, i + size));
  return deltas;
}

/** A short cited answer about the demo corpus (the signing proxy). */
export const SHORT_ANSWER =
  'The signing proxy forwards only `Content-Type`, `Accept`, `User-Agent` and `X-Tt-Logid` upstream [1]. ' +
  'It never forwards the caller’s `Authorization` or cookies, and it signs the exact bytes it forwards [2].';

/** A long Markdown answer with every construct the renderer supports, and citations. */
export const LONG_ANSWER = `## How the local server stays safe

The local server answers only **loopback hosts** by default [1]. A page whose name was rebound to 127.0.0.1 still
sends its own name as \`Host\`, so it never gets an answer [2].

### What is refused

1. A \`Host\` that is not loopback or listed in \`allowedHosts\` (403) [1]
2. An \`Origin\` outside the CORS list (403), before any handler runs [2]
3. A data call without \`Content-Type: application/json\` (415) [3]

| Check | Status | Where |
|:--|--:|:--|
| Host allowlist | 403 | server and proxy |
| Foreign origin | 403 | server |
| Wrong content type | 415 | server |

> The official SDKs send no \`Origin\` and send JSON, so they are not affected [3].

To allow another name:

\`\`\`sh
npx vikingdb-kit serve --allowed-host dev.example.com
\`\`\`

- Keys stay out of process listings [2]
- Log lines escape control characters, *one request, one line* [1]

---

See the [security section](https://github.com/volcengine/vikingdb-kit#security) for details.
`;

/** Reasoning deltas of a "thinking" model. */
export const REASONING = toDeltas(
  'The question is about the proxy. Reference 1 lists the forwarded headers; reference 2 says what is dropped. ' +
    'I will answer from those two and cite them.',
  12,
);
