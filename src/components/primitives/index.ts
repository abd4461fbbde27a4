/** The public primitives, exported once by `vikingdb-kit/components` (helpers such as `cx` stay internal). */
export { ScoreBar, type ScoreBarProps } from './ScoreBar';
export { JsonView, type JsonViewProps } from './JsonView';
export { CopyButton, type CopyButtonProps } from './CopyButton';
export { ConfirmButton, type ConfirmButtonProps } from './ConfirmButton';
export { EmptyState, type EmptyStateProps } from './EmptyState';
export { ErrorNotice, type ErrorNoticeProps } from './ErrorNotice';
export { Skeleton, type SkeletonProps } from './Skeleton';
export { describeError, type ErrorInfo } from './describeError';
export type { PrimitiveMessageKey, PrimitiveMessages } from './messages/en';
