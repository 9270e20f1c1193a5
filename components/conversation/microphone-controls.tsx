"use client";

import {
  useLocalParticipant,
  useMediaDeviceSelect,
  useTrackToggle,
  useTrackVolume,
} from "@livekit/components-react";
import { type LocalAudioTrack, Track } from "livekit-client";
import { useId } from "react";

/**
 * Mute, the microphone picker (remembered) and a live level meter. With hold to talk there is no
 * mute: the microphone is live only while held.
 */
export function MicrophoneControls({
  onDevicePicked,
  muteButton = true,
}: {
  onDevicePicked: (deviceId: string) => void;
  muteButton?: boolean;
}) {
  const id = useId();
  const { toggle, enabled, pending } = useTrackToggle({ source: Track.Source.Microphone });
  const { devices, activeDeviceId, setActiveMediaDevice } = useMediaDeviceSelect({
    kind: "audioinput",
  });
  const { microphoneTrack } = useLocalParticipant();
  const level = useTrackVolume(microphoneTrack?.track as LocalAudioTrack | undefined);
  const percent = enabled ? Math.min(100, Math.round(Math.sqrt(level) * 100)) : 0;

  return (
    <div className="flex min-w-0 items-center gap-2">
      {/* The label says what a press does, so it carries no aria-pressed: "Unmute microphone,
          pressed" would leave a screen-reader user guessing which state "pressed" means. */}
      {muteButton && (
        <button
          type="button"
          data-testid="mute"
          data-muted={!enabled}
          disabled={pending}
          onClick={() => void toggle()}
          className="shrink-0 rounded-full border border-zinc-700 px-3 py-2 text-sm font-medium text-zinc-100 hover:bg-zinc-800 focus-visible:ring-2 focus-visible:ring-amber-300 focus-visible:outline-none data-[muted=true]:border-red-400/60 data-[muted=true]:text-red-200"
        >
          {enabled ? "Mute" : "Unmute"}
          <span className="sr-only"> microphone</span>
        </button>
      )}
      <div
        role="meter"
        aria-label="Microphone level"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid="mic-level"
        className="h-2 w-16 shrink-0 overflow-hidden rounded-full bg-zinc-800"
      >
        <div
          className="h-full bg-emerald-400 transition-[width] duration-100 motion-reduce:transition-none"
          style={{ width: `${percent}%` }}
        />
      </div>
      <label htmlFor={id} className="sr-only">
        Microphone
      </label>
      <select
        id={id}
        data-testid="microphone-picker"
        value={activeDeviceId}
        onChange={(event) => {
          void setActiveMediaDevice(event.target.value);
          onDevicePicked(event.target.value);
        }}
        className="min-w-0 flex-1 truncate rounded-full border border-zinc-700 bg-zinc-950 px-3 py-2 text-sm text-zinc-100 focus-visible:border-amber-300 focus-visible:outline-none"
      >
        {devices.map((device, index) => (
          <option key={device.deviceId || index} value={device.deviceId}>
            {device.label || `Microphone ${index + 1}`}
          </option>
        ))}
      </select>
    </div>
  );
}
