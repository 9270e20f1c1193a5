// JSON Schema, through Ajv (the standard validator): an operator's schema of a tool's arguments
// is checked when the tool is declared, and each call's arguments against it before the app
// makes the call. A model's arguments are a client's input like any other.
import { Ajv, type ValidateFunction } from "ajv";

import { TOOL_PARAMETERS_MAX_BYTES } from "@/lib/contract";

const ajv = new Ajv({
  // A misspelt keyword ("requried") is an error the operator sees, not a rule silently skipped.
  strict: false,
  strictSchema: true,
  // Formats ("date", "email") are hints for the model here, not checks.
  validateFormats: false,
  allErrors: false,
  // A schema may not pull in others: no $ref outside itself is resolved.
  addUsedSchema: false,
  // Only the arguments a tool declares are sent: any other the model adds is dropped.
  removeAdditional: "all",
});

const compiled = new Map<string, ValidateFunction>();

/** Why a tool's parameters are not a usable schema, or null when they are. */
export function schemaProblem(schema: unknown): string | null {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
    return "must be a JSON Schema object";
  }
  const text = JSON.stringify(schema);
  if (Buffer.byteLength(text) > TOOL_PARAMETERS_MAX_BYTES) {
    return `must be at most ${TOOL_PARAMETERS_MAX_BYTES} bytes of JSON`;
  }
  if ((schema as { type?: unknown }).type !== "object") {
    return 'must have "type": "object" (a function\'s arguments are named)';
  }
  try {
    validatorFor(schema as object, text);
  } catch (error) {
    return `is not a valid JSON Schema: ${error instanceof Error ? error.message : String(error)}`;
  }
  return null;
}

/** `args` as `schema` declares them (any undeclared one dropped), or why they do not fit. */
export function checkedArguments(
  schema: object,
  args: unknown,
): { args: Record<string, unknown> } | { problem: string } {
  if (typeof args !== "object" || args === null || Array.isArray(args)) {
    return { problem: "arguments must be an object" };
  }
  // A copy: validation drops undeclared properties from what it checks.
  const copy = structuredClone(args) as Record<string, unknown>;
  const validate = validatorFor(schema, JSON.stringify(schema));
  if (validate(copy)) return { args: copy };
  return { problem: ajv.errorsText(validate.errors, { dataVar: "arguments" }) };
}

function validatorFor(schema: object, text: string): ValidateFunction {
  let validate = compiled.get(text);
  if (!validate) {
    validate = ajv.compile(schema);
    // A few tools, each compiled once; a bound keeps a long-running server's memory flat.
    if (compiled.size >= 200) compiled.clear();
    compiled.set(text, validate);
  }
  return validate;
}
