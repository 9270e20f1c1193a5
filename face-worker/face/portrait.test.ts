import { readFile } from "node:fs/promises";

import { createCanvas, Image } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";

import { renderPortrait } from "./portrait";
import { PORTRAIT_FILE, PORTRAIT_SIZE } from "./write-portrait";

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

  it("matches the committed picture the app serves (run `npm run portrait` after changing the face)", async () => {
    const pixels = (png: Buffer) => {
      const image = new Image();
      image.src = png;
      const canvas = createCanvas(image.width, image.height);
      canvas.getContext("2d").drawImage(image, 0, 0);
      return canvas.getContext("2d").getImageData(0, 0, image.width, image.height).data;
    };
    const committed = pixels(await readFile(PORTRAIT_FILE));
    const drawn = pixels(await renderPortrait(PORTRAIT_SIZE));
    expect(committed.length).toBe(drawn.length);
    // Anti-aliasing may differ by a shade at a few edges between platforms; a changed face does
    // not hide in that (a smile 0.1 wider changes about 70 pixels by more than 16 levels).
    let changed = 0;
    for (let i = 0; i < drawn.length; i += 4) {
      const channels = [0, 1, 2].map((c) => Math.abs(drawn[i + c]! - committed[i + c]!));
      if (Math.max(...channels) > 16) changed += 1;
    }
    expect(changed).toBeLessThan(20);
  });
});
