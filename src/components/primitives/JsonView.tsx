import type { ReactNode } from 'react';
import { CopyButton } from './CopyButton';
import { cx } from './cx';

/** Props of {@link JsonView}. */
export interface JsonViewProps {
  value: unknown;
  /** Accessible name of the code block. Default: `'JSON'`. */
  label?: string | undefined;
  /** Show a copy button. Default: true. */
  copy?: boolean | undefined;
  className?: string | undefined;
}

const TOKEN = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

/** Colours JSON text with spans (`vdb-json__key|string|number|literal`). */
function highlight(json: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of json.matchAll(TOKEN)) {
    const at = match.index;
    if (at > last) parts.push(json.slice(last, at));
    const [whole, str, colon, literal, num] = match;
    const kind = str !== undefined ? (colon ? 'key' : 'string') : literal !== undefined ? 'literal' : 'number';
    parts.push(
      <span key={at} className={`vdb-json__${kind}`}>
        {str ?? literal ?? num}
      </span>,
    );
    if (colon) parts.push(colon);
    last = at + whole.length;
  }
  if (last < json.length) parts.push(json.slice(last));
  return parts;
}

/** Pretty-printed, highlighted JSON in a focusable scroll box, with a copy button. */
export function JsonView({ value, label = 'JSON', copy = true, className }: JsonViewProps) {
  const json = JSON.stringify(value, null, 2) ?? 'undefined';
  return (
    <div className={cx('vdb-json', className)}>
      {copy ? (
        <div className="vdb-json__bar">
          <CopyButton text={json} />
        </div>
      ) : null}
      <pre className="vdb-json__code" tabIndex={0} aria-label={label}>
        <code>{highlight(json)}</code>
      </pre>
    </div>
  );
}
