/**
 * The overlap test slope.ts places labels by (server/src/diagram/label-boxes.ts): turned
 * rectangles that share area, and ones that only seem to (their upright bounding boxes
 * overlap, the shapes do not).
 */
import { describe, expect, it } from 'vitest';
import { boxesOverlap, corners, uprightBox, type TurnedBox } from '../../server/src/diagram/label-boxes.js';

const turned = (x: number, y: number, halfWidth: number, halfHeight: number, degrees: number): TurnedBox =>
  ({ centre: { x, y }, halfWidth, halfHeight, angle: (degrees * Math.PI) / 180 });

describe('label boxes', () => {
  it('an upright box has the corners of its rectangle', () => {
    expect(corners(uprightBox(10, 20, 100, 40))).toEqual([{ x: 10, y: 20 }, { x: 110, y: 20 }, { x: 110, y: 60 }, { x: 10, y: 60 }]);
  });

  it('turns about its centre, clockwise as SVG does', () => {
    const [first] = corners(turned(0, 0, 10, 0, 90));
    expect(first.x).toBeCloseTo(0);
    expect(first.y).toBeCloseTo(-10);
  });

  it('upright boxes: overlapping, apart, and only touching', () => {
    expect(boxesOverlap(uprightBox(0, 0, 100, 20), uprightBox(50, 10, 100, 20))).toBe(true);
    expect(boxesOverlap(uprightBox(0, 0, 100, 20), uprightBox(0, 30, 100, 20))).toBe(false);
    expect(boxesOverlap(uprightBox(0, 0, 100, 20), uprightBox(100, 0, 100, 20))).toBe(false);
  });

  it('two long labels turned across each other overlap at their crossing', () => {
    expect(boxesOverlap(turned(100, 100, 90, 9, 30), turned(100, 100, 90, 9, -30))).toBe(true);
  });

  it('turned boxes whose upright bounds overlap but whose shapes do not are apart', () => {
    // Two thin labels along parallel 45° lines 30 px apart: their upright bounds overlap widely.
    const a = turned(100, 100, 80, 8, 45);
    const b = turned(100 + 21.2, 100 - 21.2, 80, 8, 45);
    expect(boxesOverlap(a, b)).toBe(false);
    expect(boxesOverlap(a, turned(100 + 7, 100 - 7, 80, 8, 45))).toBe(true);
  });

  it('a turned label over a note', () => {
    const note = uprightBox(0, 100, 300, 40);
    expect(boxesOverlap(turned(150, 90, 100, 9, 20), note)).toBe(true);
    expect(boxesOverlap(turned(150, 60, 100, 9, 5), note)).toBe(false);
  });
});
