/**
 * The one width estimate the post-processing places labels by (server/src/diagram/text-width.ts):
 * the arrows' labels at 16 px and the state labels at 12 px.
 */
import { describe, expect, it } from 'vitest';
import { estimateTextWidth } from '../../server/src/diagram/text-width.js';

describe('estimated text width', () => {
  it('counts capitals wider than small letters, and punctuation narrower', () => {
    expect(estimateTextWidth('SYN')).toBeGreaterThan(estimateTextWidth('syn'));
    expect(estimateTextWidth('s,')).toBeLessThan(estimateTextWidth('ss'));
    expect(estimateTextWidth('')).toBe(0);
  });

  it('gives a Chinese character a full em, and an arrow an ordinary width', () => {
    expect(estimateTextWidth('已建立')).toBe(48);
    expect(estimateTextWidth('已建立', 12)).toBe(36);
    expect(estimateTextWidth('↔')).toBe(estimateTextWidth('x'));
  });

  it('scales with the font size', () => {
    expect(estimateTextWidth('SYN-RECEIVED', 12)).toBeCloseTo(estimateTextWidth('SYN-RECEIVED') * 0.75);
  });
});
