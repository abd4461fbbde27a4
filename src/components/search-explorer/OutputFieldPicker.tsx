import { cx } from '../primitives/cx';
import { useSearchExplorerContext } from './SearchExplorerContext';

/** Checkboxes for the fields a search returns; "All fields" (the default) sends no `output_fields`. */
export function OutputFieldPicker() {
  const { state, ui } = useSearchExplorerContext();
  const { t, classNames } = ui;
  const { fields } = state.fields;
  const { outputFields, setOutputFields } = state.query;
  const names = fields.filter((f) => f.type !== 'vector').map((f) => f.name);
  const toggle = (name: string, on: boolean) => {
    const current = outputFields ?? names;
    const next = on ? [...current, name] : current.filter((n) => n !== name);
    setOutputFields(next.length === names.length ? undefined : names.filter((n) => next.includes(n)));
  };
  return (
    <fieldset className={cx('vdb-output', classNames?.output)}>
      <legend className="vdb-label">{t('output.label')}</legend>
      <label className="vdb-check">
        <input
          type="checkbox"
          checked={outputFields === undefined}
          onChange={(event) => setOutputFields(event.target.checked ? undefined : [])}
        />
        {t('output.all')}
      </label>
      {names.map((name) => (
        <label key={name} className="vdb-check">
          <input
            type="checkbox"
            checked={outputFields === undefined || outputFields.includes(name)}
            onChange={(event) => toggle(name, event.target.checked)}
          />
          {name}
        </label>
      ))}
    </fieldset>
  );
}
