// What the tool form sends: its fields checked for what the browser can tell before asking the
// server (the parameters are JSON; a secret header has both halves). The server checks the rest.

/** The form's fields, as typed. */
export interface ToolFields {
  name: string;
  description: string;
  url: string;
  method: "GET" | "POST";
  parameters: string;
  secretHeaderName: string;
  secretHeaderValue: string;
  timeoutMs: string;
  isPublic: boolean;
}

/** A tool that takes no arguments, as a starting point to edit. */
export const EMPTY_PARAMETERS = JSON.stringify(
  { type: "object", properties: {}, required: [] },
  null,
  2,
);

export const NEW_TOOL: ToolFields = {
  name: "",
  description: "",
  url: "",
  method: "POST",
  parameters: EMPTY_PARAMETERS,
  secretHeaderName: "",
  secretHeaderValue: "",
  timeoutMs: "5000",
  isPublic: false,
};

/** The body of POST /api/admin/tools; or the field at fault and what a person should read. */
export type Declaration =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; field: "parameters" | "secretHeader"; problem: string };

export function declaration(fields: ToolFields): Declaration {
  let parameters: unknown;
  try {
    parameters = JSON.parse(fields.parameters);
  } catch (error) {
    const reason = error instanceof SyntaxError ? ` (${error.message})` : "";
    return { ok: false, field: "parameters", problem: `Parameters are not valid JSON${reason}.` };
  }
  if (typeof parameters !== "object" || parameters === null || Array.isArray(parameters)) {
    return {
      ok: false,
      field: "parameters",
      problem: 'Parameters must be a JSON object, like {"type":"object","properties":{}}.',
    };
  }
  const headerName = fields.secretHeaderName.trim();
  if (headerName !== "" && fields.secretHeaderValue === "") {
    return { ok: false, field: "secretHeader", problem: "Give the secret header a value." };
  }
  if (headerName === "" && fields.secretHeaderValue !== "") {
    return { ok: false, field: "secretHeader", problem: "Give the secret header a name." };
  }
  return {
    ok: true,
    body: {
      name: fields.name.trim(),
      description: fields.description,
      url: fields.url.trim(),
      method: fields.method,
      parameters,
      secretHeader: headerName ? { name: headerName, value: fields.secretHeaderValue } : null,
      timeoutMs: Number(fields.timeoutMs),
      isPublic: fields.isPublic,
    },
  };
}
