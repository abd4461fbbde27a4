import { useMemo } from 'react';
import type { AnyFields, CollectionLocator } from '../../client/vector/types';
import { useVectorSearch } from '../../hooks';
import type { ExplorerRow } from './explorerTypes';
import { isFilterable, isSortable, type FieldSpec } from './fieldTypes';
import { fieldsFromSchema } from './fieldsFromSchema';
import { inferFields } from './inferFields';

/** What the explorer knows of the index's fields before any search answers. */
export interface ExplorerSchemaState {
  /** The caller's fields, else the schema's, else those guessed from a 20-row sample. */
  knownFields: readonly FieldSpec[];
  /** The fields the schema lists (`undefined` until it answers, or when the caller gave fields). */
  schemaFields: readonly FieldSpec[] | undefined;
  /** Name of the primary key field. */
  primaryKey: string;
  /** The primary key is an int64 (an id that is not an integer cannot match). */
  integerIds: boolean;
}

/** The fields of the index as the explorer shows them. */
export interface ExplorerFieldsState {
  /** Every known field, the results' fields included; the primary key is not editable. */
  fields: readonly FieldSpec[];
  /** Fields a filter condition can name. */
  filterableFields: readonly FieldSpec[];
  /** Fields a sort (`scalar` mode) can name. */
  sortableFields: readonly FieldSpec[];
  /** Name of the primary key field. */
  primaryKey: string;
}

/**
 * The index's schema from a 20-row random sample with `return_schema` (skipped when `fields` is given): its fields and
 * its primary key (`primaryKey` wins, else the schema's, else `'id'`).
 */
export function useExplorerSchema(options: {
  collection: CollectionLocator;
  index: string;
  fields: readonly FieldSpec[] | undefined;
  primaryKey: string | undefined;
}): ExplorerSchemaState {
  const { collection, index, fields } = options;
  const probe = useVectorSearch<AnyFields>(
    { collection, index, mode: 'random', limit: 20, returnSchema: true },
    { enabled: !fields, staleTime: 5 * 60_000 },
  );
  const schemaFields = useMemo(() => fieldsFromSchema(probe.data?.schema), [probe.data?.schema]);
  const schemaKey = probe.data?.schema?.['primary_key'];
  const primaryKey = options.primaryKey ?? (typeof schemaKey === 'string' && schemaKey ? schemaKey : 'id');
  const probeItems = probe.data?.items;
  const knownFields = useMemo<readonly FieldSpec[]>(
    () => fields ?? schemaFields ?? inferFields(probeItems ?? []),
    [fields, probeItems, schemaFields],
  );
  // The key's type from the schema (or the caller's fields): an int64 key takes only integers.
  const keyType = (fields ?? schemaFields)?.find((field) => field.name === primaryKey)?.type;
  return { knownFields, schemaFields: fields ? undefined : schemaFields, primaryKey, integerIds: keyType === 'int64' };
}

/** The fields to show: the caller's as given, else the schema's or the known ones plus those seen in `items`. */
export function useExplorerFields(
  given: readonly FieldSpec[] | undefined,
  schema: ExplorerSchemaState,
  items: readonly ExplorerRow[],
): ExplorerFieldsState {
  const { knownFields, schemaFields, primaryKey } = schema;
  const fields = useMemo<readonly FieldSpec[]>(() => {
    if (given) return given;
    const lockKey = (field: FieldSpec) => (field.name === primaryKey ? { ...field, editable: false } : field);
    if (schemaFields) return schemaFields.map(lockKey);
    const merged = [...knownFields];
    for (const field of inferFields(items)) if (!merged.some((f) => f.name === field.name)) merged.push(field);
    return merged.map(lockKey);
  }, [given, items, knownFields, primaryKey, schemaFields]);
  const filterableFields = useMemo(() => fields.filter(isFilterable), [fields]);
  const sortableFields = useMemo(() => fields.filter(isSortable), [fields]);
  return useMemo(
    () => ({ fields, filterableFields, sortableFields, primaryKey }),
    [fields, filterableFields, sortableFields, primaryKey],
  );
}
