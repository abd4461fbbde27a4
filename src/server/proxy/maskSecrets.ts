/**
 * Upstream error bodies may echo what the proxy sent (an access key id, an STS token, a signature): they are masked
 * before the caller sees them.
 */

/** `text` with every occurrence of each secret of 4 or more characters replaced by `[redacted]`, longest first. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of [...secrets].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length)) {
    masked = masked.split(secret).join('[redacted]');
  }
  return masked;
}
