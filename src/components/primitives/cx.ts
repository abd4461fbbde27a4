/** Joins class names, skipping empty ones: `cx('a', cond && 'b', undefined)`. */
export function cx(...names: ReadonlyArray<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}
