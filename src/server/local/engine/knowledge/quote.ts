/** Caller input quoted in an error message: at most `max` characters (default 100), then `…`. */
export function quote(value: string, max = 100): string {
  return `'${value.length > max ? `${value.slice(0, max)}…` : value}'`;
}

/** A list of ids for a message: the first five quoted, then how many more. */
export function quoteList(values: readonly string[]): string {
  const shown = values.slice(0, 5).map((value) => quote(value, 60));
  return values.length > 5 ? `${shown.join(', ')} and ${values.length - 5} more` : shown.join(', ');
}
