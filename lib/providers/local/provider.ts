import "server-only";

import { randomBytes } from "node:crypto";

import { RoomAgentDispatch, RoomServiceClient } from "livekit-server-sdk";

import { fromLiveKitError } from "@/lib/livekit/errors";
import { roomNameFor, sessionIdOfRoom } from "@/lib/livekit/rooms";
import { mintUserToken } from "@/lib/livekit/tokens";
import { isProviderError } from "@/lib/providers/errors";
import type { AvatarProvider } from "@/lib/providers/types";

import {
  AVATAR,
  LOCAL_FACES,
  LOCAL_PROFILES,
  LOCAL_ROOM_METADATA,
  resumedFrom,
  type JeremyJobMetadata,
} from "./worker-contract";
import { LOCAL_REQUEST_TIMEOUT_MS } from "./manifest";

export interface LocalSettings {
  url: string;
  apiKey: string;
  apiSecret: string;
  /** The agent name our Jeremy worker registers under. */
  agentName: string;
}

const TOKEN_TTL_SECONDS = 5 * 60;

/**
 * The self-hosted avatar: one LiveKit room per session, with our Jeremy worker dispatched into
 * it. Deleting the room ends the worker's job, so stop is one call.
 */
export function createLocalProvider(settings: LocalSettings): AvatarProvider {
  const rooms = new RoomServiceClient(settings.url, settings.apiKey, settings.apiSecret, {
    requestTimeout: LOCAL_REQUEST_TIMEOUT_MS / 1000,
  });

  return {
    name: "local",
    profiles: LOCAL_PROFILES,
    faces: LOCAL_FACES,
    workerAgentName: settings.agentName,
    // The Jeremy worker commits a held turn with LiveKit Agents' manual turn detection.
    holdToTalk: true,

    async start(input) {
      const room = roomNameFor(input.sessionId, input.resume?.segment);
      const metadata: JeremyJobMetadata = {
        sessionId: input.sessionId,
        profile: input.profile,
        face: input.face,
        context: input.context,
        userName: input.userName,
        maxDurationSeconds: input.maxDurationSeconds,
        ...(input.resume ? { resumed: resumedFrom(input.resume.history, input.resume.nextSeq) } : {}),
        ...(input.knowledge ? { knowledge: { topics: input.knowledge.topics } } : {}),
        ...(input.tools && input.tools.length > 0 ? { tools: input.tools } : {}),
      };
      try {
        await rooms.createRoom({
          name: room,
          metadata: LOCAL_ROOM_METADATA,
          emptyTimeout: 60,
          departureTimeout: 10,
          // The person, Jeremy, and his face when it is a participant of its own (JEREMY_FACE=worker).
          maxParticipants: 3,
          // Jeremy's video and voice name one stream (FACE_STREAM): with this, the browser plays
          // them in sync rather than each as soon as it can.
          syncStreams: true,
          // Dispatching with the room means Jeremy is usually there before the user arrives.
          agents: [
            new RoomAgentDispatch({
              agentName: settings.agentName,
              metadata: JSON.stringify(metadata),
            }),
          ],
        });
      } catch (error) {
        throw fromLiveKitError(error, "create the room");
      }

      const identity = `user-${randomBytes(6).toString("hex")}`;
      return {
        providerSessionId: room,
        avatar: AVATAR,
        connection: {
          serverUrl: settings.url,
          participantIdentity: identity,
          participantToken: await mintUserToken(settings, {
            room,
            identity,
            name: input.userName ?? "Guest",
            ttlSeconds: TOKEN_TTL_SECONDS,
          }),
        },
      };
    },

    async stop(roomName) {
      try {
        await rooms.deleteRoom(roomName);
      } catch (error) {
        const failure = fromLiveKitError(error, "delete the room");
        if (failure.failure !== "not_found") throw failure;
      }
    },

    async get(roomName) {
      try {
        const found = await rooms.listRooms([roomName]);
        return { state: found.length > 0 ? "active" : "ended" };
      } catch (error) {
        throw fromLiveKitError(error, "list rooms");
      }
    },

    async findRunning(sessionId) {
      // Rooms are named by the session id, so they are found even if the start never finished.
      try {
        const found = await rooms.listRooms([]);
        return found.map((room) => room.name).filter((name) => sessionIdOfRoom(name) === sessionId);
      } catch (error) {
        throw fromLiveKitError(error, "list rooms");
      }
    },

    async health() {
      try {
        await rooms.listRooms([]);
        return { ok: true };
      } catch (error) {
        const failure = isProviderError(error) ? error : fromLiveKitError(error, "list rooms");
        return {
          ok: false,
          detail: `${failure.message} at ${settings.url}. Run \`npm run dev\`, which starts it, or set LIVEKIT_URL.`,
        };
      }
    },
  };
}
