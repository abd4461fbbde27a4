import { usePlaygroundText } from '../i18n/playgroundText';
import type { IndexSchema } from './readSchema';

/** A collection's fields as a table: name, type (with dimension), and what the index does with each. */
export function SchemaTable({ schema, caption }: { schema: IndexSchema; caption: string }) {
  const { t } = usePlaygroundText();
  return (
    <table className="schema-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('field')}</th>
          <th scope="col">{t('type')}</th>
          <th scope="col">{t('inTheIndex')}</th>
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
              {field.dim !== undefined ? t('vectorDim', { dim: field.dim }) : ''}
            </td>
            <td>
              {[
                field.isPrimaryKey && t('primaryKey'),
                field.scalar && t('filterable'),
                field.name === schema.partitionField && t('partition'),
                field.name === schema.vectorize?.textField && t('vectorized', { model: schema.vectorize.model }),
              ]
                .filter(Boolean)
                .join(t('listSeparator')) || '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
