"use client";

import type { ReactNode } from "react";

/**
 * Checkboxes for optional extras of a conversation (knowledge bases, tools), none checked unless
 * chosen; once `max` are checked the others wait until one is unchecked.
 */
export function CheckboxChoices(props: {
  legend: string;
  name: string;
  max: number;
  choices: Array<{ id: string; label: ReactNode }>;
  chosen: string[];
  onChange: (chosen: string[]) => void;
}) {
  const full = props.chosen.length >= props.max;
  const toggle = (id: string, checked: boolean) =>
    props.onChange(
      // In the order offered, whatever the order of clicks.
      props.choices
        .map((choice) => choice.id)
        .filter((each) => (each === id ? checked : props.chosen.includes(each))),
    );

  return (
    <fieldset className="space-y-2" aria-describedby={`${props.name}-hint`}>
      <legend className="text-sm font-medium text-zinc-300">{props.legend}</legend>
      <p id={`${props.name}-hint`} className="text-sm text-zinc-400">
        Optional: up to {props.max}.
      </p>
      {props.choices.map((choice) => {
        const checked = props.chosen.includes(choice.id);
        return (
          <label key={choice.id} className="flex items-start gap-3 text-zinc-200">
            <input
              type="checkbox"
              name={props.name}
              value={choice.id}
              checked={checked}
              disabled={full && !checked}
              onChange={(event) => toggle(choice.id, event.target.checked)}
              className="mt-1 size-4 shrink-0 accent-amber-400"
            />
            {choice.label}
          </label>
        );
      })}
    </fieldset>
  );
}
