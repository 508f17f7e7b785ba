/**
 * Opening tags of an SVG as text, for the post-processing of Mermaid's drawing
 * (slope.ts, compact-states.ts): read a tag's attributes, write it again with some
 * replaced. Only opening tags are touched, never text content, so what Mermaid escaped
 * stays escaped.
 */

export interface Tag {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  /** Attribute values as written (entities not decoded), in their order. */
  readonly attrs: Map<string, string>;
  readonly selfClosing: boolean;
}

const ATTRIBUTE = /([^\s=/]+)="([^"]*)"/g;

/** The tag a match of `<(name)\b([^>]*)>` found. */
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

/** The SVG with each tag of `edits` written again with its attributes set. */
export function withEdits(svg: string, edits: ReadonlyArray<readonly [Tag, Record<string, string>]>): string {
  const ordered = [...edits].sort((a, b) => a[0].start - b[0].start);
  let out = '';
  let at = 0;
  for (const [tag, set] of ordered) {
    out += svg.slice(at, tag.start) + writeTag(tag, set);
    at = tag.end;
  }
  return out + svg.slice(at);
}

export function num(tag: Tag, name: string): number {
  const value = tag.attrs.get(name);
  return value === undefined ? Number.NaN : Number(value);
}

/** At most two decimals, no trailing zeros: stable bytes for the same drawing. */
export function fmt(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * A text element's width from its characters (an entity counts as one), at
 * `characterWidth` px each: no layout engine in Node.
 */
export function textWidth(svg: string, text: Tag, characterWidth: number): number {
  const close = svg.indexOf('</text>', text.end);
  const content = close < 0 ? '' : svg.slice(text.end, close).replace(/<[^>]*>/g, '').replace(/&[^;\s]{1,10};/g, '_').trim();
  return Array.from(content).length * characterWidth;
}
