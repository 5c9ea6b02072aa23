import type { ReactNode } from "react";

export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  return (
    <div id={id} aria-live="polite" className="text-sm text-red-700 dark:text-red-400">
      {messages?.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

export function Labelled({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: ReactNode;
}) {
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-stone-600 dark:text-stone-400">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

export const inputClass =
  "rounded border border-stone-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600 dark:border-stone-600 dark:bg-stone-900";

/** Props tying an input to its hint and error text. */
export function describe(id: string, errors?: string[], hint?: boolean) {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return { id, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": ids || undefined } as const;
}

/** A labelled text input (or textarea) bound to one key of a form's state. */
export function TextField<K extends string>({
  id,
  label,
  hint,
  errors,
  value,
  onChange,
  multiline = false,
}: {
  id: K | string;
  label: string;
  hint?: string;
  errors?: string[];
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
}) {
  const props = { ...describe(id, errors, Boolean(hint)), dir: "auto", className: inputClass, value } as const;
  return (
    <Labelled id={id} label={label} hint={hint} errors={errors}>
      {multiline ? (
        <textarea {...props} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...props} onChange={(e) => onChange(e.target.value)} />
      )}
    </Labelled>
  );
}

/** A labelled select; `placeholder` adds an empty first choice. */
export function SelectField({
  id,
  label,
  errors,
  value,
  onChange,
  options,
  placeholder,
}: {
  id: string;
  label: string;
  errors?: string[];
  value: string;
  onChange: (value: string) => void;
  options: Array<{ value: string; label: string }>;
  placeholder?: string;
}) {
  return (
    <Labelled id={id} label={label} errors={errors}>
      <select {...describe(id, errors)} className={inputClass} value={value} onChange={(e) => onChange(e.target.value)}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Labelled>
  );
}
