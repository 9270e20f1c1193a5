import { renderPortrait } from "@/avatar-worker/face/portrait";

// Drawn once at build time by the same renderer as the live avatar, so the two always match.
export const dynamic = "force-static";

export async function GET() {
  const png = await renderPortrait(512);
  return new Response(new Uint8Array(png), {
    headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=86400" },
  });
}
