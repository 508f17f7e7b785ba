/**
 * Opening tags of Mermaid's SVG, read and written as text (no DOM: the post-processing
 * runs in webviews, in the CLI's Node process and in unit tests alike). Only attribute
 * values are read; a tag is written again with its attributes in their order and the
 * computed ones replaced or added.
 */

export interface Tag {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly attrs: Map<string, string>;
  readonly selfClosing: boolean;
}

const ATTRIBUTE = /([^\s=/]+)="([^"]*)"/g;

export function readTag(match: RegExpMatchArray): Tag {
  const body = match[2];
  const attrs = new Map<string, string>();
  for (const a of body.matchAll(ATTRIBUTE)) attrs.set(a[1], a[2]);
  return { start: match.index!, end: match.index! + match[0].length, name: match[1], attrs, selfClosing: /\/\s*$/.test(body) };
}

/** The tag again, its attributes in their order, the computed ones replaced or added. */
export function writeTag(tag: Tag, set: Record<string, string>): string {
  const attrs = new Map(tag.attrs);
  for (const [name, value] of Object.entries(set)) attrs.set(name, value);
  const body = [...attrs].map(([name, value]) => ` ${name}="${value}"`).join('');
  return `<${tag.name}${body}${tag.selfClosing ? '/' : ''}>`;
}

export function num(tag: Tag, name: string): number {
  const value = tag.attrs.get(name);
  return value === undefined ? Number.NaN : Number(value);
}

/** At most two decimals, no trailing zeros: stable bytes for the same drawing. */
export function fmt(value: number): string {
  return String(Math.round(value * 100) / 100);
}
