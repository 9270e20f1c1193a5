"use client";

import { BRAND } from "@/lib/brand";
import { KNOWLEDGE_MAX_CHOSEN, type KnowledgeChoice } from "@/lib/client/remembered-knowledge";

/**
 * Checkboxes for the knowledge bases a conversation may search, none checked unless chosen; once
 * five are checked the others wait until one is unchecked.
 */
export function KnowledgeChoices(props: {
  name: string;
  bases: KnowledgeChoice[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
}) {
  const full = props.chosen.length >= KNOWLEDGE_MAX_CHOSEN;
  const toggle = (id: string, checked: boolean) =>
    props.onChange(
      // In the order offered, whatever the order of clicks.
      props.bases
        .map((base) => base.id)
        .filter((each) => (each === id ? checked : props.chosen.includes(each))),
    );

  return (
    <fieldset className="space-y-2" aria-describedby={`${props.name}-hint`}>
      <legend className="text-sm font-medium text-zinc-300">
        What {BRAND.avatarName} can look up
      </legend>
      <p id={`${props.name}-hint`} className="text-sm text-zinc-400">
        Optional: up to {KNOWLEDGE_MAX_CHOSEN}.
      </p>
      {props.bases.map((base) => {
        const checked = props.chosen.includes(base.id);
        return (
          <label key={base.id} className="flex items-center gap-3 text-zinc-200">
            <input
              type="checkbox"
              name={props.name}
              value={base.id}
              checked={checked}
              disabled={full && !checked}
              onChange={(event) => toggle(base.id, event.target.checked)}
              className="size-4 accent-amber-400"
            />
            {base.name}
          </label>
        );
      })}
    </fieldset>
  );
}
