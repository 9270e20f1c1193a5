// What a face in the catalog declares about itself (lib/faces/registry.ts lists them, one line
// each). A face is what a session shows: our drawn Jeremy, or a vendor's avatar. Plain and
// client-safe, like a provider's manifest: the page, the server and the worker all read it.

export interface FaceManifest {
  /** The id a session names it by (`POST /api/sessions { face }`), kept in the ledger. */
  readonly id: string;
  /** The name the page shows for it. */
  readonly name: string;
  /** Its picture: a path under public/ or an absolute http(s) URL. */
  readonly portrait: string;
  /** Who draws it, and what that costs, in words for the README and the operator. */
  readonly drawnBy: string;
  /** The face a session shows when it names none (one face says so). */
  readonly isDefault?: boolean;
  /**
   * A vendor's face, which the brain attaches with the vendor's plugin: the worker's variables it
   * needs (every one set, or the worker refuses to start and names them). The brain tells the app
   * which hosted faces it has keys for, and the app offers only those. None for a drawn face.
   */
  readonly hosted?: { readonly variables: readonly string[]; readonly plugin: string };
}

/** A face as the page is told of it (GET /api/faces). */
export interface FaceView {
  id: string;
  name: string;
  /** A path on this site or an absolute http(s) URL; null when there is no picture. */
  portraitUrl: string | null;
}
