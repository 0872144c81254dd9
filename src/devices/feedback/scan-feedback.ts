/*
 * What the cashier hears (and, on a tablet, feels) after a scan: a short high beep when the code was
 * rung up, a low double buzz when it was unknown or unreadable, so an unknown code is noticed without
 * looking at the screen. Synthesised with WebAudio: no audio files to download, precache or decode.
 * Where a browser has no AudioContext (or no vibration motor) the cue is silently skipped by design:
 * the visual flash (use-scan-flash.ts) still shows it.
 */

export type ScanCue = 'accepted' | 'rejected';

interface Tone {
  readonly frequency: number;
  readonly type: OscillatorType;
  readonly startMs: number;
  readonly durationMs: number;
}

/** A supermarket beep, and two falling buzzes that cannot be taken for it. */
export const SCAN_CUE_TONES: Readonly<Record<ScanCue, readonly Tone[]>> = {
  accepted: [{ frequency: 1760, type: 'sine', startMs: 0, durationMs: 80 }],
  rejected: [
    { frequency: 330, type: 'square', startMs: 0, durationMs: 150 },
    { frequency: 220, type: 'square', startMs: 200, durationMs: 250 },
  ],
};

const VIBRATION_MS: Readonly<Record<ScanCue, number[]>> = { accepted: [], rejected: [120, 80, 120] };
const PEAK_GAIN = 0.25;
/** Attack and release of each tone: an abrupt start or stop clicks in the speaker. */
const RAMP_S = 0.005;

/** Schedules the cue's tones on `context` from `at` (seconds on the context's clock). */
export function scheduleScanCue(context: BaseAudioContext, cue: ScanCue, at: number = context.currentTime): void {
  for (const tone of SCAN_CUE_TONES[cue]) {
    const start = at + tone.startMs / 1000;
    const end = start + tone.durationMs / 1000;
    const oscillator = context.createOscillator();
    oscillator.type = tone.type;
    oscillator.frequency.value = tone.frequency;
    const gain = context.createGain();
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(PEAK_GAIN, start + RAMP_S);
    gain.gain.setValueAtTime(PEAK_GAIN, end - RAMP_S);
    gain.gain.linearRampToValueAtTime(0, end);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start);
    oscillator.stop(end);
  }
}

export interface ScanSounds {
  play(cue: ScanCue): void;
}

type AudioContextFactory = () => AudioContext | null;

function browserAudioContext(): AudioContext | null {
  const AudioContextClass = globalThis.AudioContext ?? (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  return AudioContextClass === undefined ? null : new AudioContextClass({ latencyHint: 'interactive' });
}

/**
 * The counter's sounds. The AudioContext is created on the first cue, which follows a key press or a tap
 * (browsers only let pages start audio after the person interacted), and reused for every later one.
 */
export function createScanSounds(createContext: AudioContextFactory = browserAudioContext): ScanSounds {
  let context: AudioContext | null | undefined;
  return {
    play(cue) {
      const vibrate = globalThis.navigator?.vibrate?.bind(globalThis.navigator);
      if (vibrate !== undefined && VIBRATION_MS[cue].length > 0) vibrate(VIBRATION_MS[cue]);
      if (context === undefined) {
        try {
          context = createContext();
        } catch (error) {
          console.warn('No sound for scans: the audio output could not be opened', error);
          context = null;
        }
      }
      if (context === null) return;
      if (context.state === 'suspended') {
        context.resume().catch((error: unknown) => console.warn('No sound for this scan: audio is suspended', error));
      }
      scheduleScanCue(context, cue);
    },
  };
}

/** One set of sounds for the whole app: a page may hold only a few AudioContexts. */
export const scanSounds: ScanSounds = createScanSounds();
