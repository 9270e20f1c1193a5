import { existsSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { startSessionBody } from "@/app/api/sessions/schema";

import { FACES, faceNamed, faceView } from "./catalog";

describe("the face catalog", () => {
  it("has one default, listed first, and ids a start may name, each once", () => {
    expect(FACES.filter((face) => face.isDefault)).toHaveLength(1);
    expect(FACES[0]!.isDefault).toBe(true);
    const ids = FACES.map((face) => face.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(startSessionBody.safeParse({ face: id }).success).toBe(true);
  });

  it("pictures each face with a file this site serves, or an http(s) URL", () => {
    for (const face of FACES) {
      if (/^https?:\/\//.test(face.portrait)) continue;
      expect(face.portrait).toMatch(/^\//);
      expect(existsSync(path.join("public", face.portrait))).toBe(true);
    }
  });

  it("finds a face by id, and none for an id it does not have", () => {
    expect(faceNamed("jeremy")?.name).toBe("Jeremy");
    expect(faceNamed("nobody")).toBeUndefined();
    expect(faceView(faceNamed("jeremy")!)).toEqual({
      id: "jeremy",
      name: "Jeremy",
      portraitUrl: "/jeremy.png",
    });
  });
});
