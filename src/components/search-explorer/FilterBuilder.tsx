import { useId } from 'react';
import type { SearchExplorerMessageKey } from './messages/en';
import type { Translate } from '../i18n/types';
import { cx } from '../primitives/cx';
import type { SearchExplorerClassNames } from './classNames';
import { isMatchableType, isNumericType, type FieldSpec } from './fieldTypes';
import {
  appendTo,
  emptyGroup,
  newCondition,
  replaceNode,
  type ConditionDraft,
  type ConditionOp,
  type DraftNode,
  type GroupDraft,
} from './filterDraft';
import type { SearchExplorerState } from './useSearchExplorer';

const OPS: ReadonlyArray<[ConditionOp, SearchExplorerMessageKey]> = [
  ['must', 'filter.op.must'],
  ['must_not', 'filter.op.must_not'],
  ['range', 'filter.op.range'],
  ['range_out', 'filter.op.range_out'],
  ['geo', 'filter.op.geo'],
];

interface NodeProps {
  t: Translate<SearchExplorerMessageKey>;
  fields: readonly FieldSpec[];
  onChange: (key: string, next: DraftNode | undefined) => void;
  onAppend: (groupKey: string, node: DraftNode) => void;
}

function FieldSelect(props: {
  label: string;
  value: string;
  fields: readonly FieldSpec[];
  onChange: (value: string) => void;
  t: Translate<SearchExplorerMessageKey>;
}) {
  return (
    <select
      className="vdb-input vdb-input--compact"
      aria-label={props.label}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
    >
      <option value="">{props.t('query.chooseField')}</option>
      {props.fields.map((field) => (
        <option key={field.name} value={field.name}>
          {field.name}
        </option>
      ))}
    </select>
  );
}

function TextBox(props: { label: string; value: string; onChange: (value: string) => void; placeholder?: string }) {
  return (
    <input
      className="vdb-input vdb-input--compact"
      aria-label={props.label}
      value={props.value}
      placeholder={props.placeholder}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}

/** Whether a field of this type can be the field of `op` (geo picks its own two numeric fields). */
function fitsOp(op: ConditionOp, field: FieldSpec): boolean {
  if (op === 'must' || op === 'must_not') return isMatchableType(field.type);
  if (op === 'range' || op === 'range_out') return isNumericType(field.type);
  return false;
}

function Condition({ node, t, fields, onChange }: NodeProps & { node: ConditionDraft }) {
  const set = (patch: Partial<ConditionDraft>) => onChange(node.key, { ...node, ...patch });
  const numeric = fields.filter((f) => isNumericType(f.type));
  const chosen = fields.find((f) => f.name === node.field);
  // Operators that fit the chosen field's type (all of them before a field is chosen); geo needs two numeric fields.
  const ops = OPS.filter(
    ([op]) => op === node.op || (op === 'geo' ? numeric.length >= 2 : !chosen || fitsOp(op, chosen)),
  );
  // A field whose type the operator cannot take switches to the first operator that fits it.
  const setField = (name: string) => {
    const field = fields.find((f) => f.name === name);
    const op = field && !fitsOp(node.op, field) ? OPS.find(([candidate]) => fitsOp(candidate, field))?.[0] : undefined;
    set({ field: name, ...(op ? { op } : {}) });
  };
  return (
    <li className="vdb-filter__condition">
      {node.op === 'geo' ? null : (
        <FieldSelect t={t} label={t('filter.field')} value={node.field} fields={fields} onChange={setField} />
      )}
      <select
        className="vdb-input vdb-input--compact"
        aria-label={t('filter.operator')}
        value={node.op}
        onChange={(event) => set({ op: event.target.value as ConditionOp })}
      >
        {ops.map(([op, label]) => (
          <option key={op} value={op}>
            {t(label)}
          </option>
        ))}
      </select>
      {node.op === 'must' || node.op === 'must_not' ? (
        <TextBox
          label={t('filter.values')}
          placeholder={t('filter.valuesPlaceholder')}
          value={node.values}
          onChange={(values) => set({ values })}
        />
      ) : null}
      {node.op === 'range' || node.op === 'range_out' ? (
        <>
          <select
            className="vdb-input vdb-input--compact vdb-input--narrow"
            aria-label={t('filter.lowerOp')}
            value={node.lowerOp}
            onChange={(event) => set({ lowerOp: event.target.value === 'gt' ? 'gt' : 'gte' })}
          >
            <option value="gte">{t('filter.gte')}</option>
            <option value="gt">{t('filter.gt')}</option>
          </select>
          <TextBox label={t('filter.lower')} value={node.lower} onChange={(lower) => set({ lower })} />
          <select
            className="vdb-input vdb-input--compact vdb-input--narrow"
            aria-label={t('filter.upperOp')}
            value={node.upperOp}
            onChange={(event) => set({ upperOp: event.target.value === 'lt' ? 'lt' : 'lte' })}
          >
            <option value="lte">{t('filter.lte')}</option>
            <option value="lt">{t('filter.lt')}</option>
          </select>
          <TextBox label={t('filter.upper')} value={node.upper} onChange={(upper) => set({ upper })} />
        </>
      ) : null}
      {node.op === 'geo' ? (
        <>
          <FieldSelect
            t={t}
            label={t('filter.xField')}
            value={node.xField}
            fields={numeric}
            onChange={(xField) => set({ xField })}
          />
          <FieldSelect
            t={t}
            label={t('filter.yField')}
            value={node.yField}
            fields={numeric}
            onChange={(yField) => set({ yField })}
          />
          <TextBox label={t('filter.centerX')} value={node.centerX} onChange={(centerX) => set({ centerX })} />
          <TextBox label={t('filter.centerY')} value={node.centerY} onChange={(centerY) => set({ centerY })} />
          <TextBox label={t('filter.radius')} value={node.radius} onChange={(radius) => set({ radius })} />
        </>
      ) : null}
      <button
        type="button"
        className="vdb-button vdb-button--small vdb-button--quiet"
        onClick={() => onChange(node.key, undefined)}
      >
        {t('filter.remove')}
      </button>
    </li>
  );
}

function Group({ node, root, ...props }: NodeProps & { node: GroupDraft; root?: boolean }) {
  const { t, onChange, onAppend } = props;
  const labelId = useId();
  const defaultField = props.fields.find((field) => fitsOp('must', field))?.name ?? '';
  return (
    <div
      className={cx('vdb-filter__group', !root && 'vdb-filter__group--nested')}
      role="group"
      aria-labelledby={labelId}
    >
      <div className="vdb-filter__group-head">
        <span id={labelId} className="vdb-label">
          {root ? t('filter.match') : t('filter.group')}
        </span>
        <select
          className="vdb-input vdb-input--compact"
          aria-label={t('filter.match')}
          value={node.op}
          onChange={(event) => onChange(node.key, { ...node, op: event.target.value === 'or' ? 'or' : 'and' })}
        >
          <option value="and">{t('filter.all')}</option>
          <option value="or">{t('filter.any')}</option>
        </select>
        {root ? null : (
          <button
            type="button"
            className="vdb-button vdb-button--small vdb-button--quiet"
            onClick={() => onChange(node.key, undefined)}
          >
            {t('filter.removeGroup')}
          </button>
        )}
      </div>
      {node.children.length === 0 && root ? <p className="vdb-muted">{t('filter.empty')}</p> : null}
      {node.children.length > 0 ? (
        <ul className="vdb-filter__list">
          {node.children.map((child) =>
            child.kind === 'group' ? (
              <li key={child.key}>
                <Group node={child} {...props} />
              </li>
            ) : (
              <Condition key={child.key} node={child} {...props} />
            ),
          )}
        </ul>
      ) : null}
      <div className="vdb-filter__actions">
        <button
          type="button"
          className="vdb-button vdb-button--small"
          onClick={() => onAppend(node.key, newCondition(defaultField))}
        >
          {t('filter.addCondition')}
        </button>
        <button
          type="button"
          className="vdb-button vdb-button--small"
          onClick={() =>
            onAppend(node.key, {
              ...emptyGroup(node.op === 'and' ? 'or' : 'and'),
              children: [newCondition(defaultField)],
            })
          }
        >
          {t('filter.addGroup')}
        </button>
      </div>
    </div>
  );
}

/** Props of {@link FilterBuilder}. */
export interface FilterBuilderProps {
  explorer: SearchExplorerState;
  classNames?: SearchExplorerClassNames | undefined;
}

/** The filter DSL as a tree of and/or groups and conditions, or as raw JSON. */
export function FilterBuilder({ explorer, classNames }: FilterBuilderProps) {
  const { t, filterDraft, setFilterDraft, filterableFields } = explorer;
  const rawId = useId();
  const onChange = (key: string, next: DraftNode | undefined) => {
    if (key === filterDraft.key) {
      if (next?.kind === 'group') setFilterDraft(next);
      return;
    }
    setFilterDraft(replaceNode(filterDraft, key, next));
  };
  const onAppend = (groupKey: string, node: DraftNode) => setFilterDraft(appendTo(filterDraft, groupKey, node));
  return (
    <div className={cx('vdb-filter', classNames?.filter)}>
      <div className="vdb-filter__bar">
        <div role="group" aria-label={t('filter.toggle')} className="vdb-segmented">
          <button
            type="button"
            aria-pressed={explorer.filterView === 'builder'}
            className="vdb-mode"
            onClick={() => explorer.setFilterView('builder')}
          >
            {t('filter.builder')}
          </button>
          <button
            type="button"
            aria-pressed={explorer.filterView === 'json'}
            className="vdb-mode"
            onClick={() => explorer.setFilterView('json')}
          >
            {t('filter.json')}
          </button>
        </div>
        <button type="button" className="vdb-button vdb-button--small vdb-button--quiet" onClick={explorer.clearFilter}>
          {t('filter.clear')}
        </button>
      </div>
      {explorer.filterView === 'builder' ? (
        <Group node={filterDraft} root t={t} fields={filterableFields} onChange={onChange} onAppend={onAppend} />
      ) : (
        <div className="vdb-filter__raw">
          <label htmlFor={rawId} className="vdb-label">
            {t('filter.rawLabel')}
          </label>
          <textarea
            id={rawId}
            className="vdb-input vdb-input--mono"
            rows={8}
            spellCheck={false}
            value={explorer.rawFilterText}
            placeholder='{ "op": "must", "field": "lang", "conds": ["en"] }'
            aria-invalid={explorer.rawFilterError ? true : undefined}
            onChange={(event) => explorer.setRawFilterText(event.target.value)}
          />
        </div>
      )}
      {explorer.rawFilterError ? (
        <p className="vdb-field-error" role="alert">
          {t('filter.rawInvalid', { message: explorer.rawFilterError })}
        </p>
      ) : null}
      {explorer.filterNotice ? (
        <p className="vdb-field-error" role="alert">
          {explorer.filterNotice}
        </p>
      ) : null}
      {explorer.filterProblems.map((problem) => (
        <p key={problem} className="vdb-field-error" role="alert">
          {problem}
        </p>
      ))}
    </div>
  );
}
