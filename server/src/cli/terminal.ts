/**
 * Colour for people at a terminal, plain text for pipes and files. Colour is on only when
 * standard output is a terminal and NO_COLOR (https://no-color.org) is unset or empty.
 */
export type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'green' | 'cyan' | 'magenta';

const CODES: Record<Style, [number, number]> = {
  bold: [1, 22], dim: [2, 22], red: [31, 39], yellow: [33, 39], green: [32, 39], cyan: [36, 39], magenta: [35, 39],
};

export type Paint = (text: string, ...styles: Style[]) => string;

/** A painter that wraps text in ANSI codes, or one that returns it unchanged. */
export function painter(colour: boolean): Paint {
  if (!colour) return (text) => text;
  return (text, ...styles) => styles.reduce((t, s) => `\u001b[${CODES[s][0]}m${t}\u001b[${CODES[s][1]}m`, text);
}

/** Whether to colour: a terminal, and no NO_COLOR with a value. */
export function wantsColour(isTerminal: boolean, env: NodeJS.ProcessEnv): boolean {
  return isTerminal && !env.NO_COLOR;
}
