import type { Meta, StoryObj } from '@storybook/react-vite';
import { ScoreBar } from './ScoreBar';

const meta = {
  title: 'Primitives/ScoreBar',
  component: ScoreBar,
  args: { score: 0.8123 },
} satisfies Meta<typeof ScoreBar>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A similarity score in [0, 1]. */
export const Similarity: Story = {};

/** A score on another scale (here a BM25 score up to 20), with one digit. */
export const OtherScale: Story = { args: { score: 12.5, max: 20, digits: 1 } };
