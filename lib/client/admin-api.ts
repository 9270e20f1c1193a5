// The operator page's calls to the admin API. The browser sends the HttpOnly sign-in cookie
// itself; nothing here holds a secret. A failure carries the server's own message.

/** The answer to one admin call: its body, or the message a person should read. */
export type AdminResult<T> = { ok: true; body: T } | { ok: false; message: string };

/**
 * Calls an admin route (`body` sent as JSON, or a FormData as multipart); a 204 is
 * `{ ok: true, body: null }`.
 */
export async function adminCall<T>(
  method: string,
  url: string,
  body?: unknown,
): Promise<AdminResult<T | null>> {
  let response: Response;
  try {
    response = await fetch(url, { method, ...requestBody(body) });
  } catch {
    return { ok: false, message: "Could not reach the server." };
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, body: json as T | null };
  const error = (json as { error?: { message?: unknown } } | null)?.error;
  return {
    ok: false,
    message:
      typeof error?.message === "string"
        ? error.message
        : `The server answered ${response.status}.`,
  };
}

function requestBody(body: unknown): RequestInit {
  if (body === undefined) return {};
  // The browser writes a form's content-type itself, with the boundary between its parts.
  if (body instanceof FormData) return { body };
  return { headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

/** The path of a knowledge base, or of something in it: /api/admin/knowledge/{id}/{...rest}. */
export function knowledgePath(id: string, ...rest: string[]): string {
  return ["/api/admin/knowledge", id, ...rest]
    .map((part, i) => (i === 0 ? part : encodeURIComponent(part)))
    .join("/");
}

/** The operator tools' path, or one tool's: /api/admin/tools/{id}. */
export function toolPath(id?: string): string {
  return id === undefined ? "/api/admin/tools" : `/api/admin/tools/${encodeURIComponent(id)}`;
}
