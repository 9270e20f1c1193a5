// Who the avatar is, and what the product is called: the one place to change when you rename
// the avatar. The page, the server's messages and the worker all read it. Client-safe.
export const BRAND = {
  /** The avatar's name, as people see it (an Equos character's own name replaces it on the page). */
  avatarName: "Jeremy",
  /** How messages refer to the avatar after naming them ("as many as he can hold"). */
  pronoun: "he",
  /** The same, as an object ("to let him listen"). */
  objectPronoun: "him",
  /** The product's name: the page title, and the name of each conversation at a provider. */
  productName: "Talk to Jeremy",
  /** One line about the product, for search engines and link previews. */
  description: "Talk by voice with Jeremy, an AI video avatar.",
  /** What the drawn portrait shows, for people who cannot see it. */
  portraitAlt: "Jeremy, a friendly cartoon man with short dark hair in a blue shirt",
} as const;
