import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { HttpError } from '../../client/errors/HttpError';
import { ErrorNotice } from './ErrorNotice';

/** A service error (an instance, so it is created here rather than passed as an arg, which Storybook clones). */
const collectionMissing = new HttpError({
  code: 'NotFound.VikingdbCollection',
  message: 'collection demo_doc does not exist',
  status: 404,
  requestId: 'req-404-demo',
});

const meta = {
  title: 'Primitives/ErrorNotice',
  component: ErrorNotice,
  args: { error: 'Failed to fetch' },
} satisfies Meta<typeof ErrorNotice>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A service error: message, code, status, the request id (copyable) and a hint. */
export const ServiceError: Story = {
  argTypes: { error: { control: false } },
  render: (args) => <ErrorNotice {...args} error={collectionMissing} />,
};

/** Any other error (here a string), with a retry button. */
export const WithRetry: Story = { args: { onRetry: fn() } };
