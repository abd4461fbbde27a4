/**
 * What the knowledge engine needs from its platform and cannot do in a browser: reading `file:` documents inside
 * the configured `docsDir` and extracting PDF text. The Node server passes {@link createNodeKnowledgeHost}; behind
 * MSW there is none, so those imports fail with a message saying so. Downloads use `fetch`.
 */

/** A document read from the platform. */
export interface HostFile {
  bytes: Uint8Array;
  /** File name (for type detection and `doc_name`). */
  name: string;
}

export interface KnowledgeHost {
  /**
   * Reads a `file:` source (a path or `file://` URL relative to `docsDir`) of at most `maxBytes`. Rejects with an
   * {@link ImportFailure} when it is outside `docsDir`, missing or too large.
   */
  readFile?: ((source: string, maxBytes: number) => Promise<HostFile>) | undefined;
  /** Text of each page of a PDF. */
  pdfText?: ((bytes: Uint8Array) => Promise<string[]>) | undefined;
  /** The fetch used for `http(s)://` documents. Default: the global `fetch`. */
  fetch?: typeof fetch | undefined;
}

/**
 * Why an import failed: `failed_code`/`failed_msg` of the doc's status. Codes follow the service's families where
 * the docs list them (10001 download timeout, 10003 bad URL); the rest are this server's:
 * 10002 download failed, 10004 unsupported content type, 10005 too large, 10006 source not available locally,
 * 10007 parse failed, 10008 file not readable, 10009 duplicate content, 10010 interrupted.
 */
export class ImportFailure extends Error {
  override name = 'ImportFailure';
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}
