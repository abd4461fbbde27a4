import type { Meta, StoryObj } from '@storybook/react-vite';
import { Skeleton } from './Skeleton';

const meta = {
  title: 'Primitives/Skeleton',
  component: Skeleton,
} satisfies Meta<typeof Skeleton>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Placeholder lines while the first result loads. */
export const Loading: Story = {};

/** Three lines. */
export const Short: Story = { args: { rows: 3 } };
