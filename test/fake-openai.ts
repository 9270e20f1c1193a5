// A stand-in for an OpenAI-compatible model endpoint, for tests and benchmarks: a real HTTP
// server on loopback speaking the documented contract of the two calls Jeremy makes when he
// listens. `POST /v1/audio/transcriptions` takes a multipart WAV, checks that it is real,
// non-silent audio of plausible length, and answers the transcript the test chose;
// `POST /v1/chat/completions` records the messages it was sent and answers (streamed as
// server-sent events when asked) the reply the test chose, slowly or not at all if told to. It
// speaks function calling: an answer may call one of the tools the request offers, and the
// request that carries that tool's result is answered from it.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { sleep } from "@/lib/sleep";

import { decodeWav, levelDb as loudness } from "./wav";

/** Audio quieter than this (dBFS, RMS over the whole file) is taken for silence. */
const SILENT_DB = -50;
const MIN_AUDIO_MS = 100;
const MAX_AUDIO_MS = 120_000;

export interface ChatMessage {
  role: string;
  content: unknown;
}

export interface RecordedChat {
  model: string;
  stream: boolean;
  messages: ChatMessage[];
  /** The completion cap asked for (`max_completion_tokens`, or the older `max_tokens`); null: none. */
  maxTokens: number | null;
  /** When the request arrived (ms since the epoch). */
  at: number;
  /** The names of the function tools the request offered. */
  tools: string[];
  /** The tools' results the request carries (`role: "tool"` messages), in order. */
  toolResults: string[];
}

export interface RecordedTranscription {
  model: string;
  durationMs: number;
  levelDb: number;
  /** What was answered (null: refused). */
  text: string | null;
}

/** How the next chat completion answers. */
export interface ChatAnswer {
  /** The reply; streamed a word at a time. */
  reply?: string;
  /** Wait this long before the first token (or before the error). */
  firstTokenMs?: number;
  /** Between tokens. */
  tokenMs?: number;
  /** Answer this HTTP status with an OpenAI error body instead. */
  status?: number;
  /** Never answer. */
  hang?: boolean;
  /** Call this tool instead of replying (it must be one the request offers). */
  callTool?: { name: string; arguments: Record<string, unknown> };
  /** The reply to the request that carries the called tool's result, made from that result. */
  afterTool?: (result: string) => string;
}

/** How the next transcription answers. */
export interface TranscriptionAnswer {
  text?: string;
  delayMs?: number;
  status?: number;
}

const DEFAULT_REPLY = "That is interesting. Tell me more about it.";
const DEFAULT_TRANSCRIPT = "Hello Jeremy.";

export class FakeOpenAi {
  readonly chats: RecordedChat[] = [];
  readonly transcriptions: RecordedTranscription[] = [];
  /**
   * Answers by what the person said last: the first rule whose text the last user message
   * contains answers, every time it matches (a client may ask twice for one turn: retries,
   * LiveKit Agents' preemptive generation).
   */
  readonly chatRules: Array<{ lastUserSays: string; answer: ChatAnswer }> = [];
  /** Answers for the next chat completions no rule answers, in order; then the default reply. */
  readonly chatAnswers: ChatAnswer[] = [];
  /** What a transcription answers, and after how long, when no queued answer says otherwise. */
  transcript = DEFAULT_TRANSCRIPT;
  transcriptionDelayMs = 0;
  /** Answers for the next transcriptions, in order; then `transcript`. */
  readonly transcriptionAnswers: TranscriptionAnswer[] = [];

  private readonly server = createServer((request, response) => {
    this.handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 500, String(error));
      else response.destroy();
    });
  });
  /** e.g. http://127.0.0.1:41234/v1: what LLM_BASE_URL and STT_BASE_URL are set to. */
  baseUrl = "";

  private constructor(readonly apiKey: string) {}

  static async start(apiKey = `sk-fake-${randomBytes(6).toString("hex")}`): Promise<FakeOpenAi> {
    const fake = new FakeOpenAi(apiKey);
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    fake.baseUrl = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}/v1`;
    return fake;
  }

  /** The worker's variables that point Jeremy's transcriber and language model here. */
  workerEnv(): Record<string, string> {
    return {
      LLM_BASE_URL: this.baseUrl,
      LLM_API_KEY: this.apiKey,
      LLM_MODEL: "fake-chat",
      STT_BASE_URL: this.baseUrl,
      STT_API_KEY: this.apiKey,
      STT_MODEL: "fake-whisper",
    };
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse) {
    const path = new URL(request.url ?? "/", "http://fake").pathname;
    if (request.headers.authorization !== `Bearer ${this.apiKey}`) {
      return sendError(response, 401, "Incorrect API key provided.", "invalid_api_key");
    }
    const body = await readBody(request);
    if (request.method === "POST" && path === "/v1/chat/completions") {
      return this.chat(JSON.parse(body.toString("utf8")) as Record<string, unknown>, response);
    }
    if (request.method === "POST" && path === "/v1/audio/transcriptions") {
      return this.transcribe(request, body, response);
    }
    return sendError(response, 404, `No route ${request.method} ${path}`);
  }

  private async chat(request: Record<string, unknown>, response: ServerResponse) {
    const messages = request.messages;
    if (typeof request.model !== "string" || !Array.isArray(messages)) {
      return sendError(response, 400, "model and messages are required");
    }
    const stream = request.stream === true;
    const cap = request.max_completion_tokens ?? request.max_tokens;
    const sent = messages as ChatMessage[];
    const tools = offeredTools(request.tools);
    const toolResults = sent.filter((m) => m.role === "tool").map(messageText);
    this.chats.push({
      model: request.model,
      stream,
      messages: sent,
      maxTokens: typeof cap === "number" ? cap : null,
      at: Date.now(),
      tools,
      toolResults,
    });
    // As OpenAI does: a tool's result answers a call the conversation made before it.
    const orphan = orphanToolResult(sent);
    if (orphan) {
      return sendError(
        response,
        400,
        `Invalid parameter: messages with role 'tool' must be a response to a preceding message with 'tool_calls' (${orphan}).`,
      );
    }
    const said = lastUserText(sent);
    const answer =
      this.chatRules.find((rule) => said.includes(rule.lastUserSays))?.answer ??
      this.chatAnswers.shift() ??
      {};
    if (answer.hang) return; // the connection stays open until the client gives up
    await sleep(answer.firstTokenMs ?? 0);
    if (answer.status) return sendError(response, answer.status, `Fake failure ${answer.status}`);
    const afterTool = sent.at(-1)?.role === "tool" ? answer.afterTool : undefined;
    if (answer.callTool && !afterTool) {
      if (!tools.includes(answer.callTool.name)) {
        return sendError(response, 400, `No tool ${answer.callTool.name} was offered`);
      }
      return sendToolCall(response, request.model, stream, answer.callTool);
    }
    const reply = afterTool ? afterTool(toolResults.at(-1) ?? "") : (answer.reply ?? DEFAULT_REPLY);
    const id = `chatcmpl-${randomBytes(6).toString("hex")}`;
    const created = Math.floor(Date.now() / 1000);
    if (!stream) {
      return sendJson(response, 200, {
        id,
        object: "chat.completion",
        created,
        model: request.model,
        choices: [
          { index: 0, message: { role: "assistant", content: reply }, finish_reason: "stop" },
        ],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      });
    }
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const chunk = chunkMaker(id, created, request.model);
    const words = reply.split(/(?<= )/);
    response.write(chunk({ role: "assistant", content: "" }, null));
    for (const [index, word] of words.entries()) {
      if (index > 0) await sleep(answer.tokenMs ?? 0);
      response.write(chunk({ content: word }, null));
    }
    response.write(chunk({}, "stop"));
    const options = request.stream_options as { include_usage?: boolean } | undefined;
    if (options?.include_usage) {
      response.write(
        `data: ${JSON.stringify({
          id,
          object: "chat.completion.chunk",
          created,
          model: request.model,
          choices: [],
          usage: {
            prompt_tokens: 10,
            completion_tokens: words.length,
            total_tokens: 10 + words.length,
          },
        })}\n\n`,
      );
    }
    response.end("data: [DONE]\n\n");
  }

  private async transcribe(request: IncomingMessage, body: Buffer, response: ServerResponse) {
    const form = await new Request("http://fake/", {
      method: "POST",
      headers: { "content-type": request.headers["content-type"] ?? "" },
      body: new Uint8Array(body),
    })
      .formData()
      .catch(() => null);
    const file = form?.get("file");
    const model = form?.get("model");
    if (!form || typeof model !== "string" || !(file instanceof Blob)) {
      return sendError(response, 400, "a multipart body with file and model is required");
    }
    let durationMs: number;
    let levelDb: number;
    try {
      const wav = decodeWav(new Uint8Array(await file.arrayBuffer()));
      durationMs = (wav.samples.length / wav.sampleRate) * 1000;
      levelDb = loudness(wav.samples);
    } catch (error) {
      return sendError(response, 400, `file is not a usable WAV: ${(error as Error).message}`);
    }
    const answer = this.transcriptionAnswers.shift() ?? {};
    const refuse = (message: string) => {
      this.transcriptions.push({ model, durationMs, levelDb, text: null });
      sendError(response, 400, message);
    };
    if (durationMs < MIN_AUDIO_MS || durationMs > MAX_AUDIO_MS) {
      return refuse(`audio of ${Math.round(durationMs)} ms is not a plausible utterance`);
    }
    if (!(levelDb > SILENT_DB)) return refuse(`audio is silent (${levelDb.toFixed(1)} dBFS)`);
    await sleep(answer.delayMs ?? this.transcriptionDelayMs);
    if (answer.status) {
      this.transcriptions.push({ model, durationMs, levelDb, text: null });
      return sendError(response, answer.status, `Fake failure ${answer.status}`);
    }
    const text = answer.text ?? this.transcript;
    this.transcriptions.push({ model, durationMs, levelDb, text });
    const format = form.get("response_format");
    if (format === "text") {
      response.writeHead(200, { "content-type": "text/plain" });
      return response.end(text);
    }
    if (format === "verbose_json") {
      return sendJson(response, 200, { text, language: "english", duration: durationMs / 1000 });
    }
    return sendJson(response, 200, { text });
  }
}

/** The call id of the first `role: "tool"` message that answers no earlier assistant's call. */
function orphanToolResult(messages: ChatMessage[]): string | null {
  const called = new Set<string>();
  for (const message of messages) {
    const raw = message as ChatMessage & {
      tool_calls?: Array<{ id?: unknown }>;
      tool_call_id?: unknown;
    };
    for (const call of raw.tool_calls ?? []) if (typeof call.id === "string") called.add(call.id);
    if (message.role !== "tool") continue;
    const id = typeof raw.tool_call_id === "string" ? raw.tool_call_id : "";
    if (!called.has(id)) return id || "no tool_call_id";
  }
  return null;
}

/** The names of the function tools a request offers (`tools: [{ type: "function", function }]`). */
function offeredTools(tools: unknown): string[] {
  if (!Array.isArray(tools)) return [];
  return tools.flatMap((tool: unknown) => {
    const name = (tool as { function?: { name?: unknown } } | null)?.function?.name;
    return typeof name === "string" ? [name] : [];
  });
}

/** A completion that calls one tool, streamed as OpenAI streams it (name, then arguments) or whole. */
function sendToolCall(
  response: ServerResponse,
  model: string,
  stream: boolean,
  call: { name: string; arguments: Record<string, unknown> },
) {
  const id = `chatcmpl-${randomBytes(6).toString("hex")}`;
  const callId = `call_${randomBytes(6).toString("hex")}`;
  const created = Math.floor(Date.now() / 1000);
  const args = JSON.stringify(call.arguments);
  if (!stream) {
    return sendJson(response, 200, {
      id,
      object: "chat.completion",
      created,
      model,
      choices: [
        {
          index: 0,
          message: {
            role: "assistant",
            content: null,
            tool_calls: [
              { id: callId, type: "function", function: { name: call.name, arguments: args } },
            ],
          },
          finish_reason: "tool_calls",
        },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
    });
  }
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const chunk = chunkMaker(id, created, model);
  response.write(
    chunk(
      {
        role: "assistant",
        content: null,
        tool_calls: [
          { index: 0, id: callId, type: "function", function: { name: call.name, arguments: "" } },
        ],
      },
      null,
    ),
  );
  response.write(chunk({ tool_calls: [{ index: 0, function: { arguments: args } }] }, null));
  response.write(chunk({}, "tool_calls"));
  response.end("data: [DONE]\n\n");
}

/** Writes one streamed chunk of a completion as a server-sent event. */
function chunkMaker(id: string, created: number, model: string) {
  return (delta: Record<string, unknown>, finish: string | null) =>
    `data: ${JSON.stringify({
      id,
      object: "chat.completion.chunk",
      created,
      model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    })}\n\n`;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/** The text of the last user message (content as a string or as text parts). */
export function lastUserText(messages: ChatMessage[]): string {
  const last = messages.filter((message) => message.role === "user").at(-1);
  return last ? messageText(last) : "";
}

/** A message's text (content as a string or as text parts). */
export function messageText(message: ChatMessage): string {
  if (typeof message.content === "string") return message.content;
  if (!Array.isArray(message.content)) return "";
  return message.content
    .map((part) => (part as { text?: unknown }).text)
    .filter((text): text is string => typeof text === "string")
    .join(" ");
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

/** An error in OpenAI's shape: `{ error: { message, type, code } }`. */
function sendError(response: ServerResponse, status: number, message: string, code?: string) {
  sendJson(response, status, {
    error: {
      message,
      type: status === 401 ? "invalid_request_error" : "server_error",
      code: code ?? null,
    },
  });
}
