import type { ActorChoices } from "./form-values";
import { Labelled, describe, inputClass } from "./form-bits";

/** An actor picker that starts from the negotiation's participants; every other actor is one group below. */
export function ActorSelect({
  id,
  label,
  errors,
  value,
  onChange,
  actors,
  placeholder = "Choose…",
}: {
  id: string;
  label: string;
  errors?: string[];
  value: string;
  onChange: (value: string) => void;
  actors: ActorChoices;
  placeholder?: string;
}) {
  return (
    <Labelled id={id} label={label} errors={errors}>
      <select {...describe(id, errors)} className={inputClass} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{placeholder}</option>
        <optgroup label="In this negotiation">
          {actors.involved.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </optgroup>
        {actors.others.length > 0 ? (
          <optgroup label="Other actors">
            {actors.others.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </Labelled>
  );
}
