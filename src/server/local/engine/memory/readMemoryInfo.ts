/**
 * Validates `memory_info` of an event or profile: an object whose declared fields (of the event/profile type) have
 * the declared types; undeclared keys are kept as given.
 */
import type { MemoryTypeConfig } from '../../config/schema';
import type { BodyReader } from '../BodyReader';
import { invalid } from '../EngineError';
import { checkInt64 } from '../vector/validateFieldValue';
import { quote } from '../quote';

export function readMemoryInfo(body: BodyReader, type: MemoryTypeConfig | undefined): Record<string, unknown> {
  const info = body.object('memory_info');
  for (const field of type?.fields ?? []) {
    const value = info.raw(field.name);
    if (value === undefined) continue;
    const path = info.at(field.name);
    // int64 as for vector fields: whole, in range, and exact (beyond ±2^53 it arrives as a digit string).
    if (field.type === 'int64') {
      checkInt64(value, path);
      continue;
    }
    const ok =
      field.type === 'string'
        ? typeof value === 'string'
        : field.type === 'bool'
          ? typeof value === 'boolean'
          : typeof value === 'number' && Number.isFinite(value);
    if (!ok) throw invalid(`${path} must be ${field.type === 'bool' ? 'true or false' : `a ${field.type}`}`);
  }
  return { ...info.value };
}

/** The configured type named `name` among `types`, or a 400 listing the known ones. */
export function requireType(types: readonly MemoryTypeConfig[], name: string, path: string): MemoryTypeConfig {
  const type = types.find((t) => t.name === name);
  if (!type)
    throw invalid(
      `${path}: unknown type ${quote(name)} (configured: ${types.map((t) => t.name).join(', ') || 'none'})`,
    );
  return type;
}
