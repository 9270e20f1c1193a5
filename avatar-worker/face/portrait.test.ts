import { Image } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";

import { renderPortrait } from "./portrait";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe("renderPortrait", () => {
  it.each([512, 256, 96])("renders a %i px square PNG", async (size) => {
    const png = await renderPortrait(size);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // IHDR holds width and height right after the signature and chunk header.
    expect(png.readUInt32BE(16)).toBe(size);
    expect(png.readUInt32BE(20)).toBe(size);
    const image = new Image();
    image.src = png;
    expect([image.width, image.height]).toEqual([size, size]);
  });

  it("draws a face, not a blank square", async () => {
    const png = await renderPortrait(128);
    // A flat 128 px PNG compresses to well under a kilobyte.
    expect(png.length).toBeGreaterThan(5_000);
  });
});
