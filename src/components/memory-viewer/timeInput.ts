/** Epoch ms of a `datetime-local` input's value (local time), `undefined` when empty or invalid. */
export function epochOfLocalInput(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
