"use client";

import { type FormEvent, type ReactNode, useId, useState } from "react";

import { adminCall, toolPath } from "@/lib/client/admin-api";
import { TOOL_DESCRIPTION_MAX_CHARACTERS } from "@/lib/contract";
import type { ToolView } from "@/lib/tools/store";

import { ERROR_TEXT, FIELD, PRIMARY_BUTTON } from "./admin-styles";
import { declaration, NEW_TOOL, type ToolFields } from "./tool-declaration";

/**
 * Declares a tool. Parameters that are not JSON are caught here, before sending; what the server
 * refuses shows beside the form with everything typed still in place.
 */
export function NewToolForm({ onCreated }: { onCreated: (tool: ToolView) => void }) {
  const id = useId();
  const [fields, setFields] = useState<ToolFields>(NEW_TOOL);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const set = <K extends keyof ToolFields>(key: K) => {
    return (value: ToolFields[K]) => setFields((current) => ({ ...current, [key]: value }));
  };
  const text = (key: Exclude<keyof ToolFields, "isPublic">) => ({
    value: fields[key],
    onChange: (event: { target: { value: string } }) =>
      set(key)(event.target.value as ToolFields[typeof key]),
  });
  const problemOf = (field: string) => (problem?.field === field ? problem.message : null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const declared = declaration(fields);
    if (!declared.ok) return setProblem({ field: declared.field, message: declared.problem });
    setBusy(true);
    setProblem(null);
    const result = await adminCall<{ tool: ToolView }>("POST", toolPath(), declared.body);
    setBusy(false);
    if (!result.ok) return setProblem({ field: "server", message: result.message });
    if (result.body) {
      setCreated(`Declared ${result.body.tool.name}.`);
      onCreated(result.body.tool);
    }
    setFields(NEW_TOOL);
  };

  return (
    <form
      onSubmit={(event) => void create(event)}
      aria-labelledby={`${id}-legend`}
      aria-busy={busy}
      className="flex flex-col gap-3 rounded-2xl border border-zinc-800 p-4"
    >
      <h3 id={`${id}-legend`} className="text-base font-semibold">
        Declare a tool
      </h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          id={`${id}-name`}
          label="Name"
          hint="Lower-case letters, digits and _, like look_up_order."
        >
          {(control) => (
            <input
              {...control}
              {...text("name")}
              required
              maxLength={48}
              autoComplete="off"
              className={FIELD}
            />
          )}
        </Field>
        <Field id={`${id}-method`} label="Method">
          {(control) => (
            <select {...control} {...text("method")} className={FIELD}>
              <option value="POST">POST (arguments as a JSON body)</option>
              <option value="GET">GET (arguments in the query)</option>
            </select>
          )}
        </Field>
        <Field
          id={`${id}-description`}
          label="Description"
          hint="For the model: what the tool does, when to call it, what it answers."
          wide
        >
          {(control) => (
            <textarea
              {...control}
              {...text("description")}
              required
              rows={2}
              maxLength={TOOL_DESCRIPTION_MAX_CHARACTERS}
              className={FIELD}
            />
          )}
        </Field>
        <Field
          id={`${id}-url`}
          label="URL"
          hint="A {name} in it takes that argument, like https://api.example.com/orders/{order_id}."
          wide
        >
          {(control) => (
            <input
              {...control}
              {...text("url")}
              type="url"
              required
              maxLength={2000}
              placeholder="https://"
              className={FIELD}
            />
          )}
        </Field>
        <Field
          id={`${id}-parameters`}
          label="Parameters (JSON Schema)"
          hint="The arguments the model gives, as a JSON Schema object."
          problem={problemOf("parameters")}
          wide
        >
          {(control) => (
            <textarea
              {...control}
              {...text("parameters")}
              required
              rows={5}
              spellCheck={false}
              className={`${FIELD} font-mono text-sm`}
            />
          )}
        </Field>
        <Field
          id={`${id}-secretHeaderName`}
          label="Secret header name (optional)"
          hint="Sent with each call, like X-Api-Key; its value is never shown again."
          problem={problemOf("secretHeader")}
        >
          {(control) => (
            <input
              {...control}
              {...text("secretHeaderName")}
              maxLength={64}
              autoComplete="off"
              className={FIELD}
            />
          )}
        </Field>
        <Field id={`${id}-secretHeaderValue`} label="Secret header value">
          {(control) => (
            <input
              {...control}
              {...text("secretHeaderValue")}
              type="password"
              maxLength={4096}
              autoComplete="new-password"
              className={FIELD}
            />
          )}
        </Field>
        <Field id={`${id}-timeoutMs`} label="Timeout (ms)" hint="From 500 to 10000.">
          {(control) => (
            <input
              {...control}
              {...text("timeoutMs")}
              type="number"
              required
              min={500}
              max={10_000}
              step={100}
              className={FIELD}
            />
          )}
        </Field>
        <label className="flex items-center gap-2 self-end py-2 text-sm text-zinc-200">
          <input
            type="checkbox"
            checked={fields.isPublic}
            onChange={(event) => set("isPublic")(event.target.checked)}
            className="size-4 accent-amber-400"
          />
          Offer to visitors
        </label>
      </div>
      {problemOf("server") && (
        <p role="alert" className={ERROR_TEXT}>
          {problemOf("server")}
        </p>
      )}
      <p role="status" className="text-sm text-zinc-300 empty:hidden">
        {created}
      </p>
      <div>
        <button type="submit" disabled={busy} className={PRIMARY_BUTTON}>
          {busy ? "Declaring…" : "Declare tool"}
        </button>
      </div>
    </form>
  );
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  /** What is wrong with this field, shown under it and read out. */
  problem?: string | null;
  /** Takes the whole row on wide screens. */
  wide?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/** What a field's control carries: its id, and its hint and problem to be read with it. */
interface ControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

/** A label, the control (whose id is `id`), a hint, and what is wrong with it. */
function Field({ id, label, hint, problem, wide, children }: FieldProps) {
  const described = [hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean).join(" ");
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${wide ? "sm:col-span-2" : ""}`}>
      <label htmlFor={id} className="text-sm text-zinc-300">
        {label}
      </label>
      {children({
        id,
        ...(described ? { "aria-describedby": described } : {}),
        ...(problem ? { "aria-invalid": true as const } : {}),
      })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-zinc-400">
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} role="alert" className={ERROR_TEXT}>
          {problem}
        </p>
      )}
    </div>
  );
}
