import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { HttpError } from '../../client/errors/HttpError';
import { ErrorNotice } from './ErrorNotice';

const meta = {
  title: 'Primitives/ErrorNotice',
  component: ErrorNotice,
  args: {
    error: new HttpError({
      code: 'NotFound.VikingdbCollection',
      message: 'collection demo_doc does not exist',
      status: 404,
      requestId: 'req-404-demo',
    }),
  },
} satisfies Meta<typeof ErrorNotice>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A service error: message, code, status, the request id (copyable) and a hint. */
export const ServiceError: Story = {};

/** Any error, with a retry button. */
export const WithRetry: Story = { args: { error: new Error('Failed to fetch'), onRetry: fn() } };
