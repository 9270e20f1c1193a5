import { route } from "@/lib/http/route";
import { departureFrom, receiveLiveKitWebhook } from "@/lib/security/livekit-webhook";
import { getSessionService } from "@/lib/sessions";

/**
 * LiveKit's room events (see livekit/*.yaml). When the person leaves a session's room, or the
 * room closes, the session ends (user_left), even if the page never said goodbye. Events for
 * rooms that are not sessions, and every other event, are acknowledged and ignored.
 */
export const POST = route(async (request: Request) => {
  const event = await receiveLiveKitWebhook(request);
  const departure = departureFrom(event);
  if (departure) await getSessionService().userLeft(departure.room, departure.identity);
  return Response.json({ received: true });
});
