// What the cashier is told when the camera cannot scan, for every way getUserMedia and the reader fail.
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json' with { type: 'json' };
import vi from '../../i18n/vi.json' with { type: 'json' };
import { cameraProblemOf, CameraUnavailableError } from './camera-problem.ts';
import type { CameraProblemKind } from './camera-problem.ts';

const domError = (name: string) => new DOMException('from getUserMedia', name);

describe('camera problems in words a cashier can act on', () => {
  it.each([
    ['NotAllowedError', 'denied', true],
    ['SecurityError', 'denied', true],
    ['NotFoundError', 'missing', true],
    ['OverconstrainedError', 'missing', true],
    ['NotReadableError', 'busy', true],
    ['AbortError', 'busy', true],
    ['TypeError', 'unknown', true],
  ] as const)('getUserMedia failing with %s: %s, retry %s', (name, kind, canRetry) => {
    expect(cameraProblemOf(domError(name))).toEqual({ kind, messageKey: `scanner.camera.problem.${kind}`, canRetry });
  });

  it('an insecure address or a browser without cameras cannot be fixed by trying again', () => {
    expect(cameraProblemOf(new CameraUnavailableError('insecure'))).toMatchObject({ kind: 'insecure', canRetry: false });
    expect(cameraProblemOf(new CameraUnavailableError('unsupported'))).toMatchObject({ kind: 'unsupported', canRetry: false });
  });

  it('a reader that failed to load can be retried', () => {
    const failure = new CameraUnavailableError('reader', { cause: new Error('wasm 404') });
    expect(cameraProblemOf(failure)).toMatchObject({ kind: 'reader', canRetry: true });
  });

  it('anything else thrown is an unknown problem, not a crash', () => {
    expect(cameraProblemOf('a string')).toMatchObject({ kind: 'unknown' });
    expect(cameraProblemOf(null)).toMatchObject({ kind: 'unknown' });
  });

  it('every problem has a message in Vietnamese and in English', () => {
    const kinds: CameraProblemKind[] = ['denied', 'missing', 'busy', 'insecure', 'unsupported', 'reader', 'unknown'];
    for (const messages of [vi.scanner.camera.problem, en.scanner.camera.problem]) {
      for (const kind of kinds) expect(messages[kind].length).toBeGreaterThan(20);
    }
    expect(vi.scanner.camera.problem.denied).toContain('Cho phép camera');
  });
});
