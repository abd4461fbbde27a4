import { VikingDBError } from './VikingDBError';

/** One problem found in a request before it was sent. */
export interface ValidationIssue {
  /** Dotted path of the offending field in the request, e.g. `data.0.vector`. */
  path: string;
  message: string;
}

/** A request failed validation; nothing was sent. */
export class ValidationError extends VikingDBError {
  override name = 'ValidationError';
  declare readonly issues: readonly ValidationIssue[];

  constructor(operation: string, issues: readonly ValidationIssue[]) {
    const first = issues[0];
    const where = first && first.path ? `${first.path}: ` : '';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super({
      code: 'ValidationError',
      message: `Invalid ${operation} request: ${where}${first?.message ?? 'invalid value'}${more}`,
      hint: 'Fix the named field; no request was sent.',
    });
    this.issues = issues;
  }
}
