import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes.ts';

describe('formatBytes', () => {
  it('shows storage in the unit a manager reads at a glance', () => {
    expect(formatBytes(0, 'en')).toBe('0 byte');
    expect(formatBytes(52_400_000, 'en')).toBe('52 MB');
    expect(formatBytes(1_500_000_000, 'en')).toBe('1.5 GB');
  });

  it('uses the Vietnamese decimal comma', () => {
    expect(formatBytes(1_500_000_000, 'vi-VN')).toBe('1,5 GB');
  });
});
