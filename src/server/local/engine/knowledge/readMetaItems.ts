/**
 * Reads `tag_list` / `meta` (MetaItem arrays, knowledge api doc §3.1). Each item needs a `field_name`; `field_type`
 * is kept as sent; a declared tag field's value must fit its type (an int64 may be a digit string); undeclared tags
 * are kept as given. Items whose `field_value` is null/absent are dropped (that is how `update_meta` removes a tag,
 * the SDK sending `null` for unset keys). Errors name the item: `meta[1].field_value must be an int64`.
 */
import type { KnowledgeCollectionConfig } from '../../config/schema';
import { isJsonObject } from '../BodyReader';
import { invalid } from '../EngineError';
import type { MetaItem } from './KnowledgeRecords';

function checkValue(value: unknown, type: string, path: string): unknown {
  switch (type) {
    case 'string':
      if (typeof value !== 'string') throw invalid(`${path} must be a string`);
      return value;
    case 'int64':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
      if (typeof value === 'string' && /^-?\d{1,15}$/.test(value)) return Number(value);
      throw invalid(`${path} must be an int64`);
    case 'float32':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(`${path} must be a number`);
      return value;
    case 'bool':
      if (typeof value !== 'boolean') throw invalid(`${path} must be true or false`);
      return value;
    case 'list<string>':
      if (!Array.isArray(value) || value.some((item) => typeof item !== 'string'))
        throw invalid(`${path} must be an array of strings`);
      return value;
    default:
      if (!Array.isArray(value)) throw invalid(`${path} must be an array of int64`);
      return value.map((item, i) => checkValue(item, 'int64', `${path}[${i}]`));
  }
}

/** Reads a MetaItem array at `path` (already known to be an array). */
export function readMetaItems(raw: unknown[], path: string, config: KnowledgeCollectionConfig): MetaItem[] {
  const declared = new Map(config.tagFields.map((field) => [field.name, field.type]));
  const items: MetaItem[] = [];
  const seen = new Set<string>();
  raw.forEach((item, i) => {
    const at = `${path}[${i}]`;
    if (!isJsonObject(item)) throw invalid(`${at} must be an object {field_name, field_type, field_value}`);
    const name = item['field_name'];
    if (typeof name !== 'string' || name === '') throw invalid(`${at}.field_name must be a non-empty string`);
    if (name === 'doc_id') throw invalid(`${at}.field_name: 'doc_id' is built in and cannot be a tag`);
    if (seen.has(name)) throw invalid(`${at}.field_name: '${name}' is given twice`);
    seen.add(name);
    const fieldType = item['field_type'];
    if (fieldType !== undefined && fieldType !== null && typeof fieldType !== 'string')
      throw invalid(`${at}.field_type must be a string`);
    const value = item['field_value'];
    if (value === undefined || value === null) return;
    const type = declared.get(name);
    const checked = type === undefined ? value : checkValue(value, type, `${at}.field_value`);
    items.push({
      field_name: name,
      ...(typeof fieldType === 'string' && { field_type: fieldType }),
      field_value: checked,
    });
  });
  return items;
}
