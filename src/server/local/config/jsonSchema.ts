/**
 * JSON Schema of the local config file (for editors via `$schema`), generated from the `zod/mini` schema so the two
 * cannot drift. It describes the shape only; cross-references (index fields exist, dims match) are checked by
 * `parseLocalConfig`.
 */
import { z } from 'zod/mini';
import { localConfigSchema } from './schema';

/** Draft 2020-12 JSON Schema of a config file as written (`io: 'input'`: fields with defaults are optional). */
export const localConfigJsonSchema: Record<string, unknown> = z.toJSONSchema(localConfigSchema, {
  io: 'input',
  target: 'draft-2020-12',
  unrepresentable: 'any',
}) as Record<string, unknown>;
