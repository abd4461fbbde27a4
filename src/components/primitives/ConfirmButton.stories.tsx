import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ConfirmButton } from './ConfirmButton';

const meta = {
  title: 'Primitives/ConfirmButton',
  component: ConfirmButton,
  args: { children: 'Delete row', onConfirm: fn() },
} satisfies Meta<typeof ConfirmButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The first press arms it, the second runs `onConfirm`; Escape, Cancel or the timeout disarm it. */
export const DeleteRow: Story = {};
