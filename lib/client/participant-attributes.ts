// Participant attributes the page and the Jeremy worker agree on (LiveKit participant attributes).

/** "true" when the person prefers reduced motion: Jeremy then keeps his idle motion small. */
export const REDUCED_MOTION_ATTRIBUTE = "jeremy.reduced-motion";
