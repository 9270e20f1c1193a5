// The landing page's picture of the avatar, drawn on the server: the page passes it to the
// client component as a ready element, so it adds no JavaScript to the landing page (next/image's
// <Image> would ship its client code; getImageProps gives the same optimised sources without).
import { getImageProps } from "next/image";

import { BRAND } from "@/lib/brand";

const PORTRAIT_CLASSES =
  "size-44 rounded-full object-cover shadow-2xl ring-4 shadow-amber-900/30 ring-amber-200/20 sm:size-56 short:size-28";

/** The provider's avatar picture when it has one, else our drawn Jeremy. */
export function Portrait({
  avatar,
}: {
  avatar: { name: string; portraitUrl: string | null } | null;
}) {
  if (avatar?.portraitUrl) {
    return (
      // A remote picture of unknown size, shown once: next/image's optimiser would have to be
      // told the host at build time, which an Equos character's picture does not tell us.
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={avatar.portraitUrl}
        alt={avatar.name}
        width={224}
        height={224}
        data-testid="avatar-portrait"
        className={PORTRAIT_CLASSES}
      />
    );
  }
  const { props } = getImageProps({
    src: "/jeremy.png",
    alt: BRAND.portraitAlt,
    width: 224,
    height: 224,
    priority: true,
    className: PORTRAIT_CLASSES,
  });
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- alt is in props
  return <img {...props} />;
}
