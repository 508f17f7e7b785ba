/** What the capture readers (pcap.ts, pcapng.ts) hand on: one captured frame. */

/** A capture time: whole seconds since the epoch and nanoseconds within the second (a double cannot hold both). */
export interface CaptureTime {
  readonly seconds: number;
  readonly nanos: number;
}

export interface Frame {
  /** 1-based position in the file, as Wireshark and tshark number frames. */
  readonly number: number;
  readonly time: CaptureTime;
  /** LINKTYPE_* of the interface the frame was captured on (link-layer.ts). */
  readonly linkType: number;
  /** The captured bytes: a view into the reader's buffer, valid until the next frame is asked for. */
  readonly bytes: Uint8Array;
}

/** Thrown for a file that is not a capture, or is cut or damaged: its message is ready to print. */
export class CaptureError extends Error {}

/** Seconds between two capture times, as a number (fine for the differences a scenario shows). */
export function secondsBetween(from: CaptureTime, to: CaptureTime): number {
  return (to.seconds - from.seconds) + (to.nanos - from.nanos) / 1e9;
}
