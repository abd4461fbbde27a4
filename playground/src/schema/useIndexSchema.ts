import { useVectorSearch } from 'vikingdb-kit/hooks';
import { readSchema } from './readSchema';

/** The schema of a collection and index, from a one-row `return_schema` search (cached for a minute). */
export function useIndexSchema(collection: string, index: string) {
  const probe = useVectorSearch(
    { collection, index, mode: 'random', limit: 1, outputFields: [], returnSchema: true },
    { staleTime: 60_000, enabled: Boolean(collection && index) },
  );
  return { schema: readSchema(probe.data?.schema), error: probe.error, isPending: probe.isPending };
}
