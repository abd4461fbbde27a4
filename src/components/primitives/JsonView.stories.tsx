import type { Meta, StoryObj } from '@storybook/react-vite';
import { JsonView } from './JsonView';

const meta = {
  title: 'Primitives/JsonView',
  component: JsonView,
  args: {
    value: { id: 42, title: 'Green tea', tags: ['guide', 'tea'], rating: 4.5, draft: false, parent: null },
    label: 'Row 42',
  },
} satisfies Meta<typeof JsonView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A row as highlighted JSON, with a copy button. */
export const Row: Story = {};

/** Without the copy button. */
export const ReadOnly: Story = { args: { copy: false } };
