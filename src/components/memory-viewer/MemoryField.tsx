/** Props of {@link MemoryField}. */
export interface MemoryFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** Default `'text'`. */
  type?: 'text' | 'datetime-local';
}

/** One labelled text or date-time input of the memory forms (search filters, batch delete). */
export function MemoryField({ label, value, onChange, type = 'text' }: MemoryFieldProps) {
  return (
    <label className="vdb-memory-field">
      <span>{label}</span>
      <input className="vdb-input" type={type} value={value} onChange={(event) => onChange(event.target.value)} />
    </label>
  );
}
