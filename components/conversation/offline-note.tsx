import { BRAND } from "@/lib/brand";

/** One line while the avatar runs as the offline demo: it follows a script, not your words. */
export function OfflineNote({ name }: { name: string }) {
  return (
    <p data-testid="offline-note" className="w-full text-center text-xs text-zinc-400">
      Offline demo: {name} follows a script. Set LLM_BASE_URL and STT_BASE_URL to let{" "}
      {BRAND.objectPronoun} listen.
    </p>
  );
}
