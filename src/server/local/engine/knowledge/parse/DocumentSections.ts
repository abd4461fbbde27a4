/** A parsed document: its sections (heading path → paragraphs), the shape every parser produces for the chunker. */

/** One section: the heading path above it (`"Guide > Install"`, `""` before the first heading) and its paragraphs. */
export interface DocumentSection {
  title: string;
  paragraphs: string[];
}

/** What a parser returns. */
export interface ParsedDocument {
  /** `markdown`, `txt`, `html` or `pdf`. */
  docType: string;
  /** First heading, when there is one. */
  title?: string | undefined;
  sections: DocumentSection[];
  /** The whole text (hashed for content dedup, counted for tokens). */
  text: string;
}
