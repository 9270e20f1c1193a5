"use client";

import { type ReactNode, useId } from "react";

import { BRAND } from "@/lib/brand";
import { KNOWLEDGE_MAX_CHOSEN, type KnowledgeChoice } from "@/lib/client/remembered-knowledge";
import { type ToolChoice, TOOLS_MAX_CHOSEN } from "@/lib/client/remembered-tools";
import type { TurnMode } from "@/lib/client/remembered-turns";
import type { FaceView } from "@/lib/faces/types";
import {
  CONTEXT_MAX_WORDS,
  countWords,
  USER_NAME_MAX_CHARACTERS,
} from "@/lib/sessions/input-limits";

import { CheckboxChoices } from "./checkbox-choices";

export interface OptionValues {
  profile: string;
  userName: string;
  context: string;
  turns: TurnMode;
  /** The chosen face's id; "" when no face is offered. */
  face: string;
  /** The knowledge bases chosen, by id; none by default. */
  knowledge: string[];
  /** The operator tools chosen, by id; none by default. */
  tools: string[];
}

const PROFILE_LABELS: Record<string, string> = {
  interviewer: "Job interview",
  echo: `Microphone check (${BRAND.avatarName} plays back what you say)`,
};

const TURN_CHOICES: Array<[TurnMode, string]> = [
  ["auto", `Automatic: ${BRAND.avatarName} answers when you pause`],
  ["hold", "Hold to talk: hold a button (or the space bar) while you speak"],
];

const CONTEXT_EXAMPLE =
  "Company Name is XYZ Consult\nJob title is Customer Support Agent\nCandidate Name is John Doe";

/**
 * The optional settings: which conversation and face, what Jeremy can look up, your name, and
 * context for Jeremy.
 */
export function ConversationOptions(props: {
  profiles: string[];
  /** The faces a conversation may show; a choice only when there is more than one. */
  faces: FaceView[];
  /** The knowledge bases a visitor may choose; no choice when there are none. */
  knowledgeBases: KnowledgeChoice[];
  /** The operator tools a visitor may enable; no choice when there are none. */
  tools: ToolChoice[];
  /** Whether the avatar can take turns by hold to talk (the local avatar can). */
  holdToTalk: boolean;
  values: OptionValues;
  onChange: (values: OptionValues) => void;
}) {
  const id = useId();
  const { values, onChange } = props;
  const words = countWords(values.context);
  const overLimit = words > CONTEXT_MAX_WORDS;

  return (
    <details className="w-full rounded-2xl border border-zinc-800 bg-zinc-900/60 text-left open:pb-5">
      <summary className="cursor-pointer rounded-2xl px-5 py-4 font-medium text-zinc-200 focus-visible:ring-2 focus-visible:ring-amber-300 focus-visible:outline-none">
        Conversation options
      </summary>
      <div className="space-y-5 px-5">
        {props.profiles.length > 1 && (
          <Choices
            legend="Conversation"
            name={`${id}-profile`}
            choices={props.profiles.map((profile) => [profile, PROFILE_LABELS[profile] ?? profile])}
            value={values.profile}
            onChange={(profile) => onChange({ ...values, profile })}
          />
        )}
        {props.faces.length > 1 && (
          <Choices
            legend="Face"
            name={`${id}-face`}
            choices={props.faces.map((face) => [face.id, <FaceLabel key={face.id} face={face} />])}
            value={values.face}
            onChange={(face) => onChange({ ...values, face })}
          />
        )}
        {props.knowledgeBases.length > 0 && (
          <CheckboxChoices
            legend={`What ${BRAND.avatarName} can look up`}
            name={`${id}-knowledge`}
            max={KNOWLEDGE_MAX_CHOSEN}
            choices={props.knowledgeBases.map((base) => ({ id: base.id, label: base.name }))}
            chosen={values.knowledge}
            onChange={(knowledge) => onChange({ ...values, knowledge })}
          />
        )}
        {props.tools.length > 0 && (
          <CheckboxChoices
            legend={`Tools ${BRAND.avatarName} can use`}
            name={`${id}-tools`}
            max={TOOLS_MAX_CHOSEN}
            choices={props.tools.map((tool) => ({ id: tool.id, label: <ToolLabel tool={tool} /> }))}
            chosen={values.tools}
            onChange={(tools) => onChange({ ...values, tools })}
          />
        )}
        {props.holdToTalk && (
          <Choices
            legend="Taking turns"
            name={`${id}-turns`}
            choices={TURN_CHOICES}
            value={values.turns}
            onChange={(turns) => onChange({ ...values, turns })}
          />
        )}

        <div className="space-y-1.5">
          <label htmlFor={`${id}-name`} className="text-sm font-medium text-zinc-300">
            Your name <span className="font-normal text-zinc-400">(optional)</span>
          </label>
          <input
            id={`${id}-name`}
            value={values.userName}
            maxLength={USER_NAME_MAX_CHARACTERS}
            autoComplete="given-name"
            onChange={(event) => onChange({ ...values, userName: event.target.value })}
            className="w-full rounded-lg border border-zinc-700 bg-zinc-950 px-3 py-2 text-zinc-100 focus-visible:border-amber-300 focus-visible:outline-none"
          />
        </div>

        <div className="space-y-1.5">
          <label htmlFor={`${id}-context`} className="text-sm font-medium text-zinc-300">
            Context for {BRAND.avatarName}{" "}
            <span className="font-normal text-zinc-400">(optional, one fact per line)</span>
          </label>
          <textarea
            id={`${id}-context`}
            rows={4}
            value={values.context}
            placeholder={CONTEXT_EXAMPLE}
            aria-describedby={`${id}-words`}
            aria-invalid={overLimit}
            onChange={(event) => onChange({ ...values, context: event.target.value })}
            className="w-full resize-y rounded-lg border border-zinc-700 bg-zinc-950 px-3 py-2 text-zinc-100 placeholder:text-zinc-400 focus-visible:border-amber-300 focus-visible:outline-none aria-[invalid=true]:border-red-400"
          />
          <p
            id={`${id}-words`}
            data-testid="context-word-count"
            aria-live="polite"
            className={overLimit ? "text-sm text-red-300" : "text-sm text-zinc-400"}
          >
            {words.toLocaleString("en-US")} / {CONTEXT_MAX_WORDS.toLocaleString("en-US")} words
            {overLimit && " — please shorten it"}
          </p>
        </div>
      </div>
    </details>
  );
}

/** A face's small portrait and its name. */
function FaceLabel({ face }: { face: FaceView }) {
  return (
    <>
      {face.portraitUrl ? (
        // Empty alt: the name beside it already says who it is. A plain <img>, as a hosted face's
        // picture is on a host next/image would have to be told of at build time.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={face.portraitUrl}
          alt=""
          width={40}
          height={40}
          className="size-10 rounded-full object-cover"
        />
      ) : (
        <span aria-hidden className="size-10 rounded-full bg-zinc-800" />
      )}
      {face.name}
    </>
  );
}

/** A set of radio buttons with a legend: one of `choices` ([value, label]) is `value`. */
function Choices<T extends string>(props: {
  legend: string;
  name: string;
  choices: Array<[T, ReactNode]>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-zinc-300">{props.legend}</legend>
      {props.choices.map(([value, label]) => (
        <label key={value} className="flex items-center gap-3 text-zinc-200">
          <input
            type="radio"
            name={props.name}
            value={value}
            checked={props.value === value}
            onChange={() => props.onChange(value)}
            className="size-4 accent-amber-400"
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** A tool as a visitor sees it: its name in words, and what it does. */
function ToolLabel({ tool }: { tool: ToolChoice }) {
  return (
    <span className="min-w-0">
      <span className="block">{tool.name.replaceAll("_", " ")}</span>
      <span className="block text-sm break-words text-zinc-400">{tool.description}</span>
    </span>
  );
}
