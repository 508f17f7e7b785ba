/**
 * Boxes a label takes on the picture, turned with its arrow, and whether two of them
 * overlap (the separating-axis test for rectangles: two convex shapes are apart exactly
 * when some edge direction of one separates their projections). Pure geometry, used by
 * slope.ts to keep the labels of sloped arrows off each other and off notes.
 */

export interface Point { readonly x: number; readonly y: number }

/** A rectangle centred at `centre`, turned by `angle` (radians, SVG's clockwise sense). */
export interface TurnedBox {
  readonly centre: Point;
  readonly halfWidth: number;
  readonly halfHeight: number;
  readonly angle: number;
}

/** An upright rectangle (a note) as a turned box. */
export function uprightBox(x: number, y: number, width: number, height: number): TurnedBox {
  return { centre: { x: x + width / 2, y: y + height / 2 }, halfWidth: width / 2, halfHeight: height / 2, angle: 0 };
}

export function corners(box: TurnedBox): Point[] {
  const cos = Math.cos(box.angle);
  const sin = Math.sin(box.angle);
  return [[-1, -1], [1, -1], [1, 1], [-1, 1]].map(([sx, sy]) => {
    const dx = sx * box.halfWidth;
    const dy = sy * box.halfHeight;
    return { x: box.centre.x + dx * cos - dy * sin, y: box.centre.y + dx * sin + dy * cos };
  });
}

/** True when the two boxes share some area (touching edges do not count). */
export function boxesOverlap(a: TurnedBox, b: TurnedBox): boolean {
  // On each box's two edge directions, the boxes are apart when their centres are
  // further apart than their half-extents along it add up to (no corners needed).
  const ca = Math.cos(a.angle);
  const sa = Math.sin(a.angle);
  const cb = Math.cos(b.angle);
  const sb = Math.sin(b.angle);
  const dx = b.centre.x - a.centre.x;
  const dy = b.centre.y - a.centre.y;
  const apartAlong = (ux: number, uy: number): boolean =>
    Math.abs(dx * ux + dy * uy) >= a.halfWidth * Math.abs(ux * ca + uy * sa) + a.halfHeight * Math.abs(uy * ca - ux * sa)
      + b.halfWidth * Math.abs(ux * cb + uy * sb) + b.halfHeight * Math.abs(uy * cb - ux * sb);
  return !(apartAlong(ca, sa) || apartAlong(-sa, ca) || apartAlong(cb, sb) || apartAlong(-sb, cb));
}

/** How tall (px) a band of the picture is in BoxIndex. */
const BAND = 64;

interface Banded {
  readonly box: TurnedBox;
  /** The first band the box reaches. */
  readonly first: number;
}

/**
 * Boxes placed on the picture, found by the bands of rows they reach, so that asking
 * what a new label covers looks only near it: a 400-arrow diagram asked every box for
 * every place every label tried (120 ms); now it asks a few.
 */
export class BoxIndex {
  private readonly bands = new Map<number, Banded[]>();

  add(box: TurnedBox): void {
    const [first, last] = bandsOf(box);
    for (let band = first; band <= last; band++) {
      let boxes = this.bands.get(band);
      if (!boxes) this.bands.set(band, (boxes = []));
      boxes.push({ box, first });
    }
  }

  /** How many of the boxes `box` overlaps. */
  covered(box: TurnedBox): number {
    const [first, last] = bandsOf(box);
    let count = 0;
    for (let band = first; band <= last; band++) {
      for (const other of this.bands.get(band) ?? []) {
        // A box in several of these bands is looked at in the first of them only.
        if (band === Math.max(first, other.first) && boxesOverlap(box, other.box)) count++;
      }
    }
    return count;
  }
}

function bandsOf(box: TurnedBox): [number, number] {
  const reach = Math.hypot(box.halfWidth, box.halfHeight);
  return [Math.floor((box.centre.y - reach) / BAND), Math.floor((box.centre.y + reach) / BAND)];
}
