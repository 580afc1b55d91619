import { describe, expect, it } from 'vitest';
import { formatVersion } from './format-version';

describe('formatVersion', () => {
  it('shortens the build metadata to a commit prefix', () => {
    expect(formatVersion('0.1.0+3f2c1e0d9a8b7c6d5e4f')).toBe('0.1.0 (3f2c1e0)');
  });

  it('keeps a plain version as it is', () => {
    expect(formatVersion('1.2.3')).toBe('1.2.3');
  });
});
