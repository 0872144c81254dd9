// What the cashier hears, rendered by Chromium's own audio engine (OfflineAudioContext) and measured:
// a short high beep for a good scan, a longer low sound for an unknown code.
import { describe, expect, it, vi } from 'vitest';
import { createScanSounds, scheduleScanCue } from './scan-feedback.ts';
import type { ScanCue } from './scan-feedback.ts';

const SAMPLE_RATE = 44_100;

interface Heard {
  /** ms during which the sound is audible. */
  readonly audibleMs: number;
  /** Dominant pitch, from zero crossings while audible. */
  readonly pitchHz: number;
}

async function listenTo(cue: ScanCue): Promise<Heard> {
  const context = new OfflineAudioContext(1, SAMPLE_RATE, SAMPLE_RATE);
  scheduleScanCue(context, cue, 0);
  const samples = (await context.startRendering()).getChannelData(0);
  let audible = 0;
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) {
    const sample = samples[i] ?? 0;
    if (Math.abs(sample) > 0.01) audible += 1;
    if ((samples[i - 1] ?? 0) < 0 && sample >= 0) crossings += 1;
  }
  const audibleMs = (audible / SAMPLE_RATE) * 1000;
  return { audibleMs, pitchHz: crossings / (audibleMs / 1000) };
}

describe('scan sounds', () => {
  it('a good scan is a short high beep', async () => {
    const heard = await listenTo('accepted');
    expect(heard.audibleMs).toBeGreaterThan(40);
    expect(heard.audibleMs).toBeLessThan(120);
    expect(heard.pitchHz).toBeGreaterThan(1500);
  });

  it('an unknown code sounds nothing like it: longer and much lower', async () => {
    const heard = await listenTo('rejected');
    expect(heard.audibleMs).toBeGreaterThan(300);
    expect(heard.pitchHz).toBeLessThan(400);
  });

  it('plays on the live audio output, reusing one AudioContext', () => {
    const created: AudioContext[] = [];
    const sounds = createScanSounds(() => {
      const context = new AudioContext();
      created.push(context);
      return context;
    });
    sounds.play('accepted');
    sounds.play('rejected');
    expect(created).toHaveLength(1);
    return created[0]?.close();
  });

  it('stays quiet, without failing the scan, where there is no audio output', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const sounds = createScanSounds(() => {
      throw new DOMException('no audio device', 'NotSupportedError');
    });
    expect(() => sounds.play('rejected')).not.toThrow();
    expect(() => sounds.play('accepted')).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(() => createScanSounds(() => null).play('rejected')).not.toThrow();
  });
});
