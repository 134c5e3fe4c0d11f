/**
 * The émargement's signature as a small vector image (issue 15, item 4): strokes of integer
 * points in a SIGNATURE_BOX (600 × 200), x and y alternating, within the schema's bounds — a
 * few kilobytes, under 40 KB whatever the finger does. Built on the tablet from pointer events,
 * drawn back as an SVG path (the émargement, the copy of a dossier).
 */
import {
  SIGNATURE_BOX,
  SIGNATURE_MAX_STROKES,
  SIGNATURE_MAX_STROKE_VALUES,
  type Signature,
} from './schemas/attendance';

/** Points closer than this (in box units) to the last one kept are dropped. */
export const MIN_POINT_DISTANCE = 3;

export type Stroke = number[];

function clamp(value: number, max: number): number {
  return Math.min(max, Math.max(0, Math.round(value)));
}

/**
 * Adds a point, given in the box's units, to the last stroke (or starts one): rounded, kept
 * inside the box, dropped when too close to the previous point or beyond the bounds.
 */
export function addPoint(
  strokes: readonly Stroke[],
  x: number,
  y: number,
  newStroke: boolean,
): Stroke[] {
  const px = clamp(x, SIGNATURE_BOX.width);
  const py = clamp(y, SIGNATURE_BOX.height);
  if (newStroke) {
    if (strokes.length >= SIGNATURE_MAX_STROKES) return [...strokes];
    return [...strokes, [px, py]];
  }
  const last = strokes.at(-1);
  if (!last) return [[px, py]];
  if (last.length + 2 > SIGNATURE_MAX_STROKE_VALUES) return [...strokes];
  const dx = px - last[last.length - 2]!;
  const dy = py - last[last.length - 1]!;
  if (dx * dx + dy * dy < MIN_POINT_DISTANCE * MIN_POINT_DISTANCE) return [...strokes];
  return [...strokes.slice(0, -1), [...last, px, py]];
}

/** A stroke of one point is a dot: drawn as a tiny segment so it shows. */
function strokePath(stroke: Stroke): string {
  const points: string[] = [];
  for (let i = 0; i + 1 < stroke.length; i += 2) points.push(`${stroke[i]} ${stroke[i + 1]}`);
  if (points.length === 1) points.push(`${stroke[0]! + 1} ${stroke[1]}`);
  return `M${points.join('L')}`;
}

/** The SVG path data of the signature (`d` of one <path>). */
export function signaturePath(signature: Pick<Signature, 'strokes'>): string {
  return signature.strokes.map(strokePath).join('');
}

/** Whether anything was drawn that looks like a signature (more than a stray tap). */
export function hasDrawing(strokes: readonly Stroke[]): boolean {
  return strokes.reduce((points, stroke) => points + stroke.length / 2, 0) >= 4;
}
