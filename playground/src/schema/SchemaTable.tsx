import type { IndexSchema } from './readSchema';

/** A collection's fields as a table: name, type (with dimension), and what the index does with each. */
export function SchemaTable({ schema, caption }: { schema: IndexSchema; caption: string }) {
  return (
    <table className="schema-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Type</th>
          <th scope="col">In the index</th>
        </tr>
      </thead>
      <tbody>
        {schema.fields.map((field) => (
          <tr key={field.name}>
            <th scope="row">
              <code>{field.name}</code>
            </th>
            <td>
              {field.type}
              {field.dim !== undefined ? ` (dim ${field.dim})` : ''}
            </td>
            <td>
              {[
                field.isPrimaryKey && 'primary key',
                field.scalar && 'filterable',
                field.name === schema.partitionField && 'partition',
                field.name === schema.vectorize?.textField && `vectorized (${schema.vectorize.model})`,
              ]
                .filter(Boolean)
                .join(', ') || '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
