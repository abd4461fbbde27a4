/** The walkthrough's three chapters, tagged with a session so each run finds only its own rows. */
export interface Chapter {
  key: string;
  title: string;
  paragraph: number;
  score: number;
  text: string;
}

export function storyChapters(tag: string, baseParagraph: number): Chapter[] {
  return [
    {
      key: 'orientation',
      title: `Atlas Orientation · ${tag}`,
      paragraph: baseParagraph,
      score: 72.5,
      text: `${tag} — Orientation covers connectivity checks and environment hygiene before diving into search.`,
    },
    {
      key: 'retrieval-lab',
      title: `Atlas Retrieval Lab · ${tag}`,
      paragraph: baseParagraph + 1,
      score: 88.4,
      text: `${tag} — Retrieval lab explores multi-modal prompts and scalar filters to focus recommendations.`,
    },
    {
      key: 'signal-tuning',
      title: `Atlas Signal Tuning · ${tag}`,
      paragraph: baseParagraph + 2,
      score: 93.1,
      text: `${tag} — Signal tuning stresses analytics, aggregations, and reranking to refine the journey.`,
    },
  ];
}

/** Row fields of the `text` and `vector` walkthrough collections. */
export interface ChapterFields {
  title: string;
  paragraph: number;
  score: number;
  text: string;
  vector: number[];
}
