/**
 * The diagram: a pure function from a scenario and its analysis to Mermaid
 * `sequenceDiagram` source (contract §6). The preview, `synack export` and the tests
 * all draw with this one function.
 *
 * What each line of a scenario becomes:
 * - segment `->`: a solid arrow `A->>B`; `-x`: a solid arrow ending in a cross `A-xB`;
 *   `-->`: a dashed arrow `A-->>B` labelled "old duplicate";
 *   `~>`: a note over the sender where it leaves, and a dashed open arrow `A--)B` at its
 *   `deliver` line, labelled with the tag; one never delivered, a dashed arrow ending in
 *   a cross `A--xB` where it leaves, labelled "never delivered".
 * - call / timeout: a note over the participant (`listen()`); `connect` and a blocking
 *   `accept` open an activation bar that ends where the call returns.
 * - every participant's starting state: one note over all of them; every state change: a
 *   note beside its participant with the new state, which every tcpflow surface then draws
 *   as a small label on the lifeline at its row (state-plan.ts, compact-states.ts).
 * - what the socket API reports (`connect() returns`, `read() returns 0`): a note; a
 *   listener's queues after a line that changed them, a one-line note over its lifeline
 *   (queue-note.ts). The server's connections share its lifeline: their state notes
 *   are named `server↔c1`, and their arrows need no mark, as each client has its own
 *   lifeline at the arrow's other end.
 * - `note` lines: Mermaid notes, as written.
 * - a line with an error (warning): wrapped in a red (amber) `rect` with a note that
 *   carries the diagnostic.
 * Inferred `seq`/`ack` values are shown in parentheses: `ACK (seq=K+1) ack=J+101`.
 */
import { connectionOf } from '../engine/listener.js';
import type { Analysis, Step } from '../engine/analysis.js';
import type { Diagnostic } from '../engine/diagnostics.js';
import type { Scenario, SegmentStatement, Statement } from '../engine/model.js';
import { formatState, type StateNameStyle } from '../engine/states.js';
import { escapeForMermaidWrap, escapeText, escapeWrapped, participantId } from './escape.js';
import { callLabel, segmentLabel } from './labels.js';
import { lastQueueEffects, queueNoteText } from './queue-note.js';
import { selectWindow, type DiagramWindow } from './window.js';
import { say } from '../i18n/catalogue.js';
import { diagramMessages as m } from '../i18n/messages/diagram.js';
import { arrowPlanLine, DEFAULT_ARROW_STYLE, type ArrowStyle, type ArrowTime } from './arrow-plan.js';
import { statePlanLine } from './state-plan.js';

export interface MermaidOptions {
  /** RFC 9293 names (`SYN-RECEIVED`) or Linux ones (`SYN_RECV`). Default 'rfc'. */
  readonly stateNames?: StateNameStyle;
  /** Draw at most this many messages; beyond it, a window around `focusLine`. Default 400. */
  readonly maxMessages?: number;
  /** 0-based source line to centre the window on (the cursor). Default: the start. */
  readonly focusLine?: number;
  /** How the drawn arrows slope (arrow-plan.ts). Default DEFAULT_ARROW_STYLE. */
  readonly arrowStyle?: ArrowStyle;
  /** Which diagnostics the diagram marks. Default 'all' (the preview). */
  readonly diagnostics?: DiagnosticMarks;
  /**
   * How they are marked: `boxes` (the preview: a coloured band with a note per
   * diagnostic on its line) or `footnotes` (documents: a ✗N on the line's arrow or note,
   * and the messages in one list under the diagram). Default 'boxes'.
   */
  readonly marks?: 'boxes' | 'footnotes';
}

export const DIAGNOSTIC_MARKS = ['none', 'errors', 'all'] as const;
export type DiagnosticMarks = (typeof DIAGNOSTIC_MARKS)[number];

export const DEFAULT_MAX_MESSAGES = 400;

/** One arrow of the diagram, in drawing order, and the source line it comes from (0-based). */
export interface DiagramMessage {
  readonly line: number;
  /** For an in-flight segment: the `deliver` line where the arrow is drawn. */
  readonly deliveredOn?: number;
}

export type NoteKind = 'state' | 'call' | 'effect' | 'note' | 'in-flight' | 'diagnostic' | 'info';

/** One note of the diagram, in drawing order, and the source line it comes from (0-based; -1 for none). */
export interface DiagramNote {
  readonly line: number;
  readonly kind: NoteKind;
  /** For a state change: the Mermaid id of the lifeline it is drawn on (compact-states.ts draws it there). */
  readonly lifeline?: string;
}

export interface MermaidDiagram {
  readonly text: string;
  readonly messages: readonly DiagramMessage[];
  readonly notes: readonly DiagramNote[];
  /** Set when only part of a large scenario is drawn. */
  readonly window?: DiagramWindow;
}

/** The Mermaid lines and diagram items that one source line produces. */
export interface Block {
  readonly line: number;
  readonly lines: string[];
  readonly messages: DiagramMessage[];
  /** For each message, what its arrow's time is (the plan's `fN` is resolved at the end). */
  readonly times: ArrowKind[];
  readonly notes: DiagramNote[];
  /** What the block is drawn from: a statement (by index), or diagnostics on a line no statement owns. */
  readonly source?: { readonly statementIndex: number } | { readonly diagnostics: readonly Diagnostic[]; readonly over: string };
}

/**
 * Translucent, so the same diagram reads in light and dark themes: over white these are
 * a pale red and amber, over a dark background a deep red and brown, and the theme's
 * own text colour stays legible on both (an opaque pale fill hid dark-theme text).
 */
/** The bars open before a block when none is: shared, never changed. */
const NONE_ACTIVE: string[] = [];

/** An arrow's time before the notes are counted: an in-flight one is found by its send line. */
type ArrowKind = Exclude<ArrowTime['kind'], 'flight'> | 'flight';

const ERROR_FILL = 'rgba(255, 0, 0, 0.15)';
const WARNING_FILL = 'rgba(255, 170, 0, 0.2)';

export function generateMermaid(scenario: Scenario, analysis: Analysis, options: MermaidOptions = {}): MermaidDiagram {
  const max = Math.max(1, options.maxMessages ?? DEFAULT_MAX_MESSAGES);
  // A statement draws at most one message, so with no more statements than the cap
  // everything is drawn: one pass. Otherwise the first pass only lays the blocks out
  // (which exist, their messages, the activation bars), the window is chosen from
  // that, and only the blocks in it are drawn: the preview of a 10,000-line scenario
  // draws ~400 messages, so escaping and labelling every line was wasted work.
  const drawEverything = scenario.statements.length <= max;
  const ctx = new Context(scenario, analysis, options.stateNames ?? 'rfc', drawEverything, options.diagnostics ?? 'all', options.marks ?? 'boxes');
  const laidOut = ctx.blocks();
  const window = selectWindow(laidOut, max, options.focusLine ?? 0);
  const blocks = drawEverything ? laidOut : ctx.draw(laidOut, window?.first ?? 0, window?.last ?? laidOut.length - 1);

  const header = ctx.header();
  const out: string[] = [...header.lines];
  const messages: DiagramMessage[] = [];
  const times: ArrowKind[] = [];
  const notes: DiagramNote[] = [...header.notes];
  const add = (block: Block): void => {
    out.push(...block.lines);
    messages.push(...block.messages);
    times.push(...block.times);
    notes.push(...block.notes);
  };
  const everyone = ctx.spanAll();
  if (window && everyone) {
    add(ctx.infoBlock(window.first > 0
      ? say(m.largeAroundCursor, windowNumbers(window))
      : say(m.largeFirst, { last: window.lastMessage + 1, total: window.totalMessages }), everyone));
    // Activation bars that began before the window still run through it.
    for (const id of ctx.activeBefore(window.first)) out.push(`activate ${id}`);
  }
  const shown = window && drawEverything ? blocks.slice(window.first, window.last + 1) : blocks;
  for (const block of shown) add(block);
  if (window && everyone && window.last < laidOut.length - 1) {
    add(ctx.infoBlock(say(m.moreAfter, { count: window.totalMessages - window.lastMessage - 1, line: window.lastLine + 1 }), everyone));
  }
  const footnotes = ctx.footnotesBlock();
  if (footnotes) add(footnotes);
  const plan = arrowPlanLine({ style: options.arrowStyle ?? DEFAULT_ARROW_STYLE, arrows: arrowTimes(messages, times, notes) });
  if (plan !== undefined) out.push(plan);
  const states = statePlanLine(notes);
  if (states !== undefined) out.push(states);
  return { text: `${out.join('\n')}\n`, messages, notes, ...(window ? { window } : {}) };
}

/** A window's numbers as people count them (from 1). */
export function windowNumbers(w: DiagramWindow): { first: number; last: number; total: number; firstLine: number; lastLine: number } {
  return { first: w.firstMessage + 1, last: w.lastMessage + 1, total: w.totalMessages, firstLine: w.firstLine + 1, lastLine: w.lastLine + 1 };
}

/** The plan's arrows: an in-flight one points at the "sent, in flight" note of its send line, if drawn. */
function arrowTimes(messages: readonly DiagramMessage[], times: readonly ArrowKind[], notes: readonly DiagramNote[]): ArrowTime[] {
  const sentNotes = new Map<number, number>();
  notes.forEach((note, index) => {
    if (note.kind === 'in-flight') sentNotes.set(note.line, index);
  });
  return times.map((kind, i): ArrowTime => {
    if (kind !== 'flight') return { kind };
    const note = sentNotes.get(messages[i].line);
    return note === undefined ? { kind } : { kind, sentAtNote: note };
  });
}

class Context {
  private readonly ids = new Map<string, string>();
  private readonly order: string[] = [];
  private readonly stepsByStatement = new Map<number, Step>();
  private readonly diagnosticsByLine = new Map<number, Diagnostic[]>();
  /** Participants with an open activation bar, and the block index where it opened. */
  private active = new Map<string, number>();
  /** For each block index, the participants (names) active just before it (for windows). */
  private activeAt: string[][] = [];
  /** Lines of `~>` segments that a `deliver` line delivers. */
  private readonly deliveredSends = new Set<number>();

  constructor(
    private readonly scenario: Scenario,
    private readonly analysis: Analysis,
    private readonly style: StateNameStyle,
    /** False while only laying out: text lines are then empty placeholders, counted but not written. */
    private drawing: boolean,
    marked: DiagnosticMarks,
    private readonly marks: 'boxes' | 'footnotes',
  ) {
    for (const p of analysis.participants) this.id(p.name);
    for (const step of analysis.steps) this.stepsByStatement.set(step.statementIndex, step);
    for (const t of analysis.tags) if (t.deliveredOnLine !== undefined) this.deliveredSends.add(t.sentOnLine);
    for (const d of analysis.diagnostics) {
      if (d.severity === 'info' || d.code === 'syntax') continue;
      if (marked === 'none' || (marked === 'errors' && d.severity !== 'error')) continue;
      const list = this.diagnosticsByLine.get(d.span.startLine) ?? [];
      list.push(d);
      this.diagnosticsByLine.set(d.span.startLine, list);
    }
  }

  /** The Mermaid id of a participant, assigned in order of first appearance. */
  id(name: string): string {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = participantId(name, this.order.length + 1);
      if ([...this.ids.values()].includes(id)) id = `p${this.order.length + 1}_`;
      this.ids.set(name, id);
      this.order.push(name);
    }
    return id;
  }

  /** `Note over first,last` when there are participants. */
  spanAll(): string | undefined {
    if (this.order.length === 0) return undefined;
    const first = this.id(this.order[0]);
    const last = this.id(this.order[this.order.length - 1]);
    return first === last ? first : `${first},${last}`;
  }

  header(): { lines: string[]; notes: DiagramNote[] } {
    const lines = ['sequenceDiagram'];
    const notes: DiagramNote[] = [];
    const titleStatement = this.scenario.statements.find((s) => s.kind === 'title');
    const title = this.analysis.title ?? (titleStatement?.kind === 'title' ? titleStatement.text : undefined);
    if (title !== undefined && title.trim() !== '') lines.push(`title ${escapeText(title, 120)}`);
    for (const p of this.analysis.participants) {
      lines.push(`participant ${this.id(p.name)} as ${escapeText(p.label ?? p.name, 60, 'alias')}`);
    }
    // Every participant's starting state in one row, over all of them (the textbooks' first row: CLOSED, LISTEN).
    const everyone = this.spanAll();
    const first = this.analysis.participants[0];
    if (everyone && first) {
      const starts = this.analysis.participants.map((p) => say(m.startingState, { name: p.name, state: formatState(p.initialState, this.style) }));
      lines.push(`Note over ${everyone}: ${this.noteText(everyone, starts.join(' · '), 300)}`);
      notes.push({ line: first.span.startLine, kind: 'state' });
    }
    return { lines, notes };
  }

  infoBlock(text: string, over: string): Block {
    return { line: -1, lines: [`Note over ${over}: ${this.noteText(over, text, 300)}`], messages: [], times: [], notes: [{ line: -1, kind: 'info' }] };
  }

  /** One block per statement that draws something, plus blocks for diagnostics on other lines. */
  blocks(): Block[] {
    const blocks: Block[] = [];
    this.scenario.statements.forEach((statement, index) => {
      // The bars open just before this block: a window that starts here re-opens them.
      const activeBefore = this.active.size === 0 ? NONE_ACTIVE : [...this.active.keys()];
      const block = this.statementBlock(statement, index);
      if (block) {
        this.activeAt.push(activeBefore);
        blocks.push(block);
      }
    });
    const everyone = this.spanAll();
    return everyone ? this.withDiagnosticBlocks(blocks, everyone) : blocks;
  }

  /**
   * Diagnostics on lines no block owns (e.g. a header problem, a line that did not
   * read): their own blocks, each before the first block of a later line, with the
   * bars open before that block. One merge of the two lists by line: inserting each
   * block where it goes was quadratic (0.4 s for 4,000 unreadable lines).
   */
  private withDiagnosticBlocks(blocks: Block[], everyone: string): Block[] {
    if (this.diagnosticsByLine.size === 0) return blocks;
    const owned = new Set(blocks.map((b) => b.line));
    const extra = [...this.diagnosticsByLine]
      .filter(([line]) => !owned.has(line))
      .map(([line, list]) => this.diagnosticsBlock(line, list, everyone))
      .sort((a, b) => a.line - b.line);
    if (extra.length === 0) return blocks;
    const merged: Block[] = [];
    const activeAt: string[][] = [];
    let next = 0;
    blocks.forEach((block, i) => {
      for (; next < extra.length && extra[next].line < block.line; next++) {
        merged.push(extra[next]);
        activeAt.push(this.activeAt[i]);
      }
      merged.push(block);
      activeAt.push(this.activeAt[i]);
    });
    const atEnd = [...this.active.keys()];
    for (; next < extra.length; next++) {
      merged.push(extra[next]);
      activeAt.push(atEnd);
    }
    this.activeAt = activeAt;
    return merged;
  }

  /**
   * Blocks `first`…`last` of a layout made by `blocks()`, drawn: each made again from
   * its statement (or diagnostics) with the activation bars that were open before it.
   */
  draw(laidOut: readonly Block[], first: number, last: number): Block[] {
    this.drawing = true;
    const drawn: Block[] = [];
    for (let i = first; i <= last; i++) {
      const source = laidOut[i].source;
      if (source && 'statementIndex' in source) {
        this.active = new Map((this.activeAt[i] ?? []).map((name) => [name, i]));
        drawn.push(this.statementBlock(this.scenario.statements[source.statementIndex], source.statementIndex)!);
      } else if (source) {
        drawn.push(this.diagnosticsBlock(laidOut[i].line, source.diagnostics, source.over));
      }
    }
    return drawn;
  }

  /** The participants (ids) whose activation is open just before block `index`. */
  activeBefore(index: number): string[] {
    return (this.activeAt[index] ?? []).map((name) => this.id(name));
  }

  private diagnosticsBlock(line: number, diagnostics: readonly Diagnostic[], over: string): Block {
    const block: Block = { line, lines: [], messages: [], times: [], notes: [], source: { diagnostics, over } };
    this.markDiagnostics(block, diagnostics, over);
    return block;
  }

  /** `text()` while drawing; an empty placeholder line while only laying out. */
  private text(text: () => string): string {
    return this.drawing ? text() : '';
  }

  private statementBlock(statement: Statement, index: number): Block | undefined {
    const line = statement.span.startLine;
    const block: Block = { line, lines: [], messages: [], times: [], notes: [], source: { statementIndex: index } };
    const step = this.stepsByStatement.get(index);
    switch (statement.kind) {
      case 'title':
      case 'participant':
      case 'expect':
      case 'profile': // which TCP plays; nothing to draw
        break;
      case 'call': {
        const id = this.id(statement.participant);
        block.lines.push(this.text(() => `Note over ${id}: ${escapeText(callLabel(statement))}`));
        block.notes.push({ line, kind: 'call' });
        break;
      }
      case 'segment':
        this.segment(statement, step, block);
        break;
      case 'deliver':
        this.delivery(statement.tag, step, block);
        break;
      case 'note': {
        const ids = statement.participants.map((p) => this.id(p));
        if (ids.length === 0) break;
        const over = statement.placement === 'over' ? ids.slice(0, 2).join(',') : undefined;
        block.lines.push(this.text(() => (over !== undefined
          ? `Note over ${over}: ${this.noteText(over, statement.text)}`
          : `Note ${statement.placement} of ${ids[0]}: ${escapeWrapped(statement.text)}`)));
        block.notes.push({ line, kind: 'note' });
        break;
      }
    }
    if (step) this.stepEffects(statement, step, block);
    const diagnostics = this.diagnosticsByLine.get(line);
    if (diagnostics) this.markDiagnostics(block, diagnostics, this.participantsOf(statement) ?? this.spanAll());
    return block.lines.length > 0 ? block : undefined;
  }

  private segment(statement: SegmentStatement, step: Step | undefined, block: Block): void {
    const from = this.id(statement.from);
    const to = this.id(statement.to);
    const label = this.text(() => escapeText(segmentLabel(statement, step?.segment), 160));
    switch (statement.arrow) {
      case '->':
        block.lines.push(this.text(() => `${from}->>${to}: ${label}`));
        block.messages.push({ line: block.line });
        block.times.push('plain');
        break;
      case '-x':
        block.lines.push(this.text(() => `${from}-x${to}: ${say(m.lostArrow, { label })}`));
        block.messages.push({ line: block.line });
        block.times.push('lost');
        break;
      case '-->':
        block.lines.push(this.text(() => `${from}-->>${to}: ${say(m.oldDuplicateArrow, { label })}`));
        block.messages.push({ line: block.line });
        block.times.push('old');
        break;
      case '~>': {
        const tag = () => (statement.tag !== undefined ? escapeText(statement.tag, 40) : '');
        if (this.deliveredSends.has(block.line)) {
          // Its arrow is drawn where it arrives (delivery); here, where it leaves.
          block.lines.push(this.text(() => `Note ${this.side(statement.from)} ${from}: ${say(m.sentInFlight, { tag: tag() })}`));
          block.notes.push({ line: block.line, kind: 'in-flight' });
        } else {
          // Never delivered (or not in flight at all, for an error): it arrives nowhere.
          block.lines.push(this.text(() => `${from}--x${to}: ${say(m.neverDeliveredArrow, { tag: tag(), label })}`));
          block.messages.push({ line: block.line });
          block.times.push('lost');
        }
        break;
      }
    }
  }

  private delivery(tag: string, step: Step | undefined, block: Block): void {
    if (!step?.from || !step.to || !step.segment) return; // an unknown tag: the diagnostic says so
    const sentOn = step.sentOnLine ?? block.line;
    const from = this.id(step.from);
    const to = this.id(step.to);
    block.lines.push(this.text(() => {
      const sent = this.scenario.statements.find((s): s is SegmentStatement => s.kind === 'segment' && s.span.startLine === sentOn);
      const label = sent ? segmentLabel(sent, step.segment) : '';
      return `${from}--)${to}: ${say(m.deliveredArrow, { tag: escapeText(tag, 40), label: escapeText(label, 160) })}`;
    }));
    block.messages.push({ line: sentOn, deliveredOn: block.line });
    block.times.push('flight');
  }

  /** State changes, socket effects and activation bars of one event line. */
  private stepEffects(statement: Statement, step: Step, block: Block): void {
    for (const t of step.transitions) {
      // A listener's connection (`server[c1]`) is drawn on the listener's lifeline, named `server↔c1` (engine/listener.ts).
      const connection = connectionOf(t.participant);
      const lifeline = connection?.listener ?? t.participant;
      const id = this.id(lifeline);
      const prefix = connection ? `${escapeText(`${connection.listener}↔${connection.peer}`)} ` : '';
      block.lines.push(this.text(() => `Note ${this.side(lifeline)} ${id}: ${prefix}${this.state(t.after)}`));
      block.notes.push({ line: block.line, kind: 'state', lifeline: id });
    }
    for (const e of lastQueueEffects(step.effects)) {
      if (/blocks/.test(e.text)) continue; // shown by the activation bar
      const id = this.id(connectionOf(e.participant)?.listener ?? e.participant);
      const text = e.queues ? queueNoteText(e.queues) : e.text;
      block.lines.push(this.text(() => `Note over ${id}: ${escapeText(text, 120)}`));
      block.notes.push({ line: block.line, kind: 'effect' });
    }
    // Activation bars: `connect` and a blocking `accept` open one, their return (or the end of the connection) closes it.
    const index = this.activeAt.length;
    if (statement.kind === 'call' && (statement.call === 'connect' || statement.call === 'accept')) {
      const returned = step.effects.some((e) => e.participant === statement.participant && /returns|fails|^E[A-Z]+/.test(e.text));
      const refused = step.states[statement.participant] === 'CLOSED';
      if (!returned && !refused && !this.active.has(statement.participant)) {
        block.lines.push(`activate ${this.id(statement.participant)}`);
        this.active.set(statement.participant, index);
        return;
      }
    }
    for (const name of [...this.active.keys()]) {
      const ended = step.effects.some((e) => e.participant === name && /^(connect|accept)\(\) (returns|fails)|^E[A-Z]+/.test(e.text))
        || step.states[name] === 'CLOSED';
      if (ended) {
        block.lines.push(`deactivate ${this.id(name)}`);
        this.active.delete(name);
      }
    }
  }

  /** The diagnostics marked as footnotes so far, numbered from 1 in drawing order. */
  private readonly footnotes: string[] = [];
  private readonly footnoted = new Set<Diagnostic>();

  /** The footnote list under the diagram, when there are footnotes. */
  footnotesBlock(): Block | undefined {
    const over = this.spanAll();
    if (this.footnotes.length === 0 || !over) return undefined;
    return {
      line: -1,
      lines: this.footnotes.map((f, i) => `Note over ${over}: ${this.noteText(over, `✗${i + 1} ${f}`, 360, 56)}`),
      messages: [], times: [], notes: this.footnotes.map(() => ({ line: -1, kind: 'diagnostic' as const })),
    };
  }

  /**
   * Footnote marks: `✗N` after the block's arrow label (or its first note), a band of
   * the error colour behind just that line, and the messages kept for the list under
   * the diagram.
   */
  private footnoteDiagnostics(block: Block, diagnostics: readonly Diagnostic[]): void {
    if (!this.drawing) return;
    // A line with no arrow or note (an `expect`) is met twice, as a statement and then as a diagnostics-only line.
    const fresh = diagnostics.filter((d) => !this.footnoted.has(d));
    if (fresh.length === 0) return;
    const numbers = fresh.map((d) => {
      this.footnoted.add(d);
      const mark = d.severity === 'error' ? m.errorMark : m.warningMark;
      this.footnotes.push(say(m.footnote, { line: d.span.startLine + 1, text: say(mark, { code: d.code, message: d.message }) }));
      return `✗${this.footnotes.length}`;
    }).join(' ');
    const at = block.lines.findIndex((l) => /^[^\s:]+(?:->>|-x|-->>|--\)|--x)[^\s:]+: /.test(l));
    const target = at >= 0 ? at : block.lines.findIndex((l) => l.startsWith('Note '));
    if (target < 0) return;
    block.lines[target] = `${block.lines[target]} ${numbers}`;
    const hasError = diagnostics.some((d) => d.severity === 'error');
    block.lines.splice(target, 1, `rect ${hasError ? ERROR_FILL : WARNING_FILL}`, block.lines[target], 'end');
  }

  private markDiagnostics(block: Block, diagnostics: readonly Diagnostic[], over: string | undefined): void {
    if (this.marks === 'footnotes') {
      this.footnoteDiagnostics(block, diagnostics);
      return;
    }
    if (!over) return;
    const hasError = diagnostics.some((d) => d.severity === 'error');
    const inner = [...block.lines];
    for (const d of diagnostics) {
      const mark = d.severity === 'error' ? m.errorMark : m.warningMark;
      inner.push(this.text(() => `Note over ${over}: ${this.noteText(over, say(mark, { code: d.code, message: d.message }), 360, 56)}`));
      block.notes.push({ line: d.span.startLine, kind: 'diagnostic' });
    }
    // An activation must not open inside a rect and close outside it: keep those lines outside.
    const bars = inner.filter((l) => /^(de)?activate /.test(l));
    const body = inner.filter((l) => !/^(de)?activate /.test(l));
    block.lines.splice(0, block.lines.length, `rect ${hasError ? ERROR_FILL : WARNING_FILL}`, ...body, 'end', ...bars);
  }

  /**
   * The text of a note `over` one participant (`a`) or two (`a,b`): Mermaid sizes the
   * first to its text, so it is wrapped here, and the second to the space between the
   * two, so Mermaid wraps it to fit (escapeForMermaidWrap).
   */
  private noteText(over: string, text: string, maxLength = 400, width = 48): string {
    return over.includes(',') ? escapeForMermaidWrap(text, maxLength) : escapeWrapped(text, width, maxLength);
  }

  private participantsOf(statement: Statement): string | undefined {
    const names = statement.kind === 'segment' ? [statement.from, statement.to]
      : statement.kind === 'call' ? [statement.participant]
      : statement.kind === 'note' ? statement.participants.slice(0, 2)
      : statement.kind === 'expect' ? statement.checks.map((c) => c.participant)
      : [];
    const known = [...new Set(names)].filter((n) => this.ids.has(n));
    if (known.length === 0) return undefined;
    if (known.length === 1) return this.id(known[0]);
    // Mermaid spans a note between two participants; take the outermost ones in diagram order.
    const sorted = known.sort((a, b) => this.order.indexOf(a) - this.order.indexOf(b));
    return `${this.id(sorted[0])},${this.id(sorted[sorted.length - 1])}`;
  }

  /** The first participant's notes go on its left, everyone else's on the right. */
  private side(name: string): string {
    return this.order[0] === name && this.order.length > 1 ? 'left of' : 'right of';
  }

  private state(state: Parameters<typeof formatState>[0]): string {
    return escapeText(formatState(state, this.style));
  }
}
