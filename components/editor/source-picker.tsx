"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { PickedSource } from "./form-values";
type Option = { id: string; name: string; kind: string; reliability: string; status: string };

/**
 * Type-ahead over the newsroom's sources (an ARIA combobox). Queries are
 * debounced and stale answers ignored, so typing stays quick with thousands of sources.
 */
export function SourcePicker({
  label,
  value,
  onChange,
  error,
  name,
}: {
  label: string;
  value: PickedSource | null;
  onChange: (source: PickedSource | null) => void;
  error?: string[];
  name: string;
}) {
  const id = useId();
  const [text, setText] = useState(value?.name ?? "");
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    if (!open || text.trim().length === 0 || text === value?.name) return;
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      const response = await fetch(`/api/editor/sources?q=${encodeURIComponent(text)}`);
      if (!response.ok || ticket !== latest.current) return;
      const body = (await response.json()) as { sources: Option[] };
      setOptions(body.sources);
      setActive(0);
    }, 150);
    return () => clearTimeout(timer);
  }, [text, open, value?.name]);

  const choose = (option: Option) => {
    onChange({ id: option.id, name: option.name });
    setText(option.name);
    setOpen(false);
  };

  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  return (
    <div className="relative grid gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        dir="auto"
        id={id}
        name={name}
        role="combobox"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        aria-invalid={error?.length ? true : undefined}
        aria-describedby={error?.length ? errorId : undefined}
        autoComplete="off"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          if (value) onChange(null);
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setActive((i) => Math.min(i + 1, options.length - 1));
          } else if (event.key === "ArrowUp") {
            event.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (event.key === "Enter" && open && options[active]) {
            event.preventDefault();
            choose(options[active]);
          } else if (event.key === "Escape") {
            setOpen(false);
          }
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        className="rounded border border-stone-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600 dark:border-stone-600 dark:bg-stone-900"
      />
      {open && options.length > 0 ? (
        <ul
          id={listId}
          role="listbox"
          className="absolute top-full z-10 mt-1 max-h-64 w-full overflow-auto rounded border border-stone-300 bg-white shadow-lg dark:border-stone-600 dark:bg-stone-900"
        >
          {options.map((option, index) => (
            <li
              key={option.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(option);
              }}
              className="cursor-pointer px-3 py-2 text-sm aria-selected:bg-stone-100 dark:aria-selected:bg-stone-800"
            >
              {option.name}{" "}
              <span className="text-xs text-stone-600 dark:text-stone-400">
                ({option.kind.toLowerCase().replace("_", " ")}, {option.reliability}
                {option.status === "PROPOSED" ? ", awaiting review" : ""})
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <div id={errorId} aria-live="polite" className="text-sm text-red-700 dark:text-red-400">
        {error?.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
    </div>
  );
}
