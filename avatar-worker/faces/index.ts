// The hosted faces this worker can attach, one line each (lib/faces/ lists every face).
import { z } from "zod";

import { anamFace, anamVariables } from "./anam";
import { beyFace, beyVariables } from "./bey";
import type { AttachedFace, AttachOptions, HostedFace } from "./hosted-face";
import { lemonsliceFace, lemonsliceVariables } from "./lemonslice";

/** Every hosted face's variables, read with the worker's others (./../env.ts). */
export const hostedFaceVariables = { ...anamVariables, ...beyVariables, ...lemonsliceVariables };

export type HostedFaceSettings = z.infer<z.ZodObject<typeof hostedFaceVariables>>;

const HOSTED: ReadonlyArray<HostedFace<HostedFaceSettings>> = [anamFace, beyFace, lemonsliceFace];

/** The hosted faces whose variables are all set; `problem` hears of any set wrongly. */
export function configuredHostedFaces(
  values: HostedFaceSettings,
  problem: (variable: string, message: string) => void,
): string[] {
  return HOSTED.filter((face) => face.check(values, problem)).map((face) => face.id);
}

/** Attaches hosted face `id` to a conversation, or null when this worker cannot show it. */
export function attachHostedFace(
  id: string,
  values: HostedFaceSettings & { hostedFaces: readonly string[] },
  options: AttachOptions,
): AttachedFace | null {
  if (!values.hostedFaces.includes(id)) return null;
  return HOSTED.find((face) => face.id === id)?.attach(values, options) ?? null;
}
