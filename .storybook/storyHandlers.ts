import type { RequestHandler } from 'msw';
import { createVikingHandlers } from '../src/msw';

/** Where the stories' client sends requests; nothing listens there: MSW answers. */
export const STORY_BASE_URL = 'https://vikingdb.storybook.local';

/** A fresh demo engine for each story (so deletes in one story never leak into another), after the story's overrides. */
export function storyHandlers(overrides: readonly RequestHandler[]): RequestHandler[] {
  return [...overrides, ...createVikingHandlers({ seed: 'demo', baseUrl: STORY_BASE_URL })];
}
