import { HttpError } from './HttpError';

/** 404: the collection, index, project or row does not exist (code e.g. `NotFound.VikingdbCollection`). */
export class NotFoundError extends HttpError {
  override name = 'NotFoundError';
}
