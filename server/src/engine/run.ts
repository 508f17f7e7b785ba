/**
 * Runs a scenario line by line: registers participants, checks each endpoint's side
 * of every event (calls.ts, send.ts, arrive.ts), keeps in-flight segments for
 * `deliver`, checks `expect`, and records one Step per event line.
 */
import type { Analysis, InFlightTag, ParticipantInfo, QueueContents, Reply, SentSegment, Step, VariableChange, SequenceVariable } from './analysis.js';
import { segmentArrives, type ArrivingSegment } from './arrive.js';
import { endOf } from './anchor.js';
import { applyCall } from './calls.js';
import { injectedExplanation } from './injected.js';
import { type Diagnostic, type DiagnosticCode, type Fix, type Severity } from './diagnostics.js';
import { icmpArrives } from './icmp.js';
import { acceptFromQueue, afterArrival, closeQueued, connectionName, droppedAckOf, expectedConnection, multiPeerListeners, openQueues, overflowDrops, routeToListener } from './listener.js';
import { acceptFix } from './listener-fixes.js';
import { afterCall, callReturned, expectResult, neverReturned } from './socket-results.js';
import type { EffectResult } from './socket-calls.js';
import type { CallStatement, EventStatement, ExpectCheck, ExpectStatement, ParticipantStatement, Scenario, SegmentStatement, Span, Statement } from './model.js';
import { sendsCleanly, sendSegment } from './send.js';
import { defaultProfile, makeProfile, RFC9293_PROFILE, type Profile, type ProfileChoice } from './profile.js';
import { checkWindowField } from './options.js';
import { isUnknown, readLetters, renameEverywhere, UnknownNumbers, type Naming } from './letters.js';
import { crossingCloseAdvice } from './crossing-close.js';
import { reportOwedAtEnd } from './owed-at-end.js';
import { RFC } from './step-context.js';
import { activeLocale, say } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import { learnerMessages } from '../i18n/messages/learner.js';
import { runMessages as m } from '../i18n/messages/run.js';
import { socketMessages } from '../i18n/messages/sockets.js';
import { formatSeq, seqAdd, seqEquals, seqSymbol, type Seq } from './seq.js';
import type { StepContext } from './step-context.js';
import { convergencePoints, editMap, movedRunState, type EditMap } from './converge.js';
import { copyRunState, firstDifference, newRunState, resumePoint, sameData, type Checkpoint, type InFlight, type RunState } from './run-state.js';
import { newTcb, snapshot, type Tcb } from './tcb.js';
import type { TcpState } from './states.js';
import { isSynchronized } from './states.js';
import { tight } from './tight.js';

/** What a Step compares before and after its line: the state and the sequence variables it reports (ISS, IRS, SND.UNA, SND.NXT, RCV.NXT). */
type Tracked = { -readonly [K in 'state' | 'iss' | 'irs' | 'sndUna' | 'sndNxt' | 'rcvNxt']: Tcb[K] };

/** Only the compared fields: copying whole TCBs (`{ ...tcb }`) for every line was most of a run's time. */
function tracked(tcb: Tcb): Tracked {
  return { state: tcb.state, iss: tcb.iss, irs: tcb.irs, sndUna: tcb.sndUna, sndNxt: tcb.sndNxt, rcvNxt: tcb.rcvNxt };
}

/** `tcb`'s tracked values into `into`. */
function copyTracked(tcb: Tcb, into: Tracked): void {
  into.state = tcb.state;
  into.iss = tcb.iss;
  into.irs = tcb.irs;
  into.sndUna = tcb.sndUna;
  into.sndNxt = tcb.sndNxt;
  into.rcvNxt = tcb.rcvNxt;
}

/** Every endpoint's state, by name. */
function statesOf(tcbs: ReadonlyMap<string, Tcb>): Record<string, TcpState> {
  const states: Record<string, TcpState> = {};
  for (const [name, tcb] of tcbs) states[name] = tcb.state;
  return states;
}

/** What a connection a listener makes on a line was before it: LISTEN, no sequence variables. */
const NEW_CONNECTION: Tracked = tracked(newTcb('LISTEN'));

export function runScenario(scenario: Scenario): Analysis {
  const run = new ScenarioRun(scenario);
  run.setUp();
  run.runSome(Infinity);
  return run.finish();
}

/** A run kept so that the next one over edited statements can resume it (runIncrementally). */
export interface EngineRun {
  readonly analysis: Analysis;
  /** The statements it ran over. */
  readonly statements: readonly Statement[];
  /** What it knew before the first statement: participants, their starting TCBs, what declaring them reported. */
  readonly setup: Setup;
  readonly checkpoints: readonly Checkpoint[];
  /** The state after the last statement (read only: a later run that converges with this one copies it). */
  readonly finalState: RunState;
  /** How many of the analysis' diagnostics the statements made (the rest are the end-of-run `never-delivered`). */
  readonly runDiagnosticCount: number;
  /** The statement from which on this run took over the previous one (converge.ts); for tests. */
  readonly tookOverAt?: number;
}

interface Setup {
  readonly participants: readonly ParticipantInfo[];
  readonly diagnostics: readonly Diagnostic[];
  readonly state: RunState;
  /** A run under another profile is not resumed (runIncrementally compares setups). */
  readonly profile: Profile;
  /** Nor one worded in another language: its explanations and diagnostics would keep the old words. */
  readonly locale: Locale;
}

/**
 * How many statements apart the checkpoints of an incremental run are: resuming
 * re-runs at most this many statements before the edit, and a checkpoint costs a copy
 * of the TCBs and in-flight tags.
 */
const CHECKPOINT_EVERY = 128;

/**
 * runScenario, resuming `previous` where it can: from its last checkpoint before the
 * first statement that is not the same object as before (a chunk the reader did not
 * re-read keeps its statement objects, even when an edit moved its lines). The run also
 * stops where it meets `previous` again in the statements after the edit, the same
 * objects as before, and takes over the rest of it (converge.ts). The analysis is the
 * one runScenario gives; test/property/incremental-engine.test.ts checks that on random
 * edits.
 */
export function runIncrementally(scenario: Scenario, previous?: EngineRun, checkpointEvery = CHECKPOINT_EVERY): EngineRun {
  return startIncrementally(scenario, previous, checkpointEvery).advance(Infinity)!;
}

/**
 * runIncrementally in steps: the run does nothing until asked, then `advance(n)` runs at
 * most n more statements and returns the finished EngineRun once the last one has run
 * (undefined before). The engine keeps no clock: the language server decides how many
 * statements a slice of its time holds and yields between slices (lsp/document-analysis.ts).
 * An unfinished run is simply dropped: it changed nothing it was given.
 */
export interface ResumableRun {
  advance(statementBudget: number): EngineRun | undefined;
}

export function startIncrementally(scenario: Scenario, previous?: EngineRun, checkpointEvery = CHECKPOINT_EVERY): ResumableRun {
  const statements = scenario.statements;
  const unchanged = previous ? firstDifference(previous.statements, statements) : 0;
  // The same statements under the same profile, in the same language: the same run. (A changed `tcpflow.profile` or `tcpflow.language` setting re-runs.)
  if (previous && unchanged === statements.length && previous.statements.length === statements.length && sameData(makeProfile(scenarioProfile(scenario)), previous.setup.profile) && previous.setup.locale === activeLocale()) {
    return { advance: () => previous };
  }
  const run = new ScenarioRun(scenario, checkpointEvery);
  run.setUp();
  const setup = run.setup();
  // Participants are collected from the whole scenario before the first line runs:
  // if an edit changed them, nothing the previous run computed holds.
  const resumable = previous && sameData(setup, previous.setup);
  const from = resumable ? resumePoint(previous.checkpoints, unchanged) : undefined;
  if (previous && from) {
    run.resume(from, previous);
    // A look-ahead that read the edited statements may have made the previous run differ anywhere after it.
    const map = previous.finalState.lookahead < unchanged ? editMap(previous.statements, statements, unchanged) : undefined;
    if (map) {
      const points = convergencePoints(previous.checkpoints, map, previous.statements.length);
      if (points.size > 0) run.convergeWith(previous, map, points);
    }
  }
  run.startAt(from?.index ?? 0);
  let finished: EngineRun | undefined;
  return {
    advance(statementBudget) {
      if (finished || !run.runSome(statementBudget)) return finished;
      const analysis = run.finish();
      finished = {
        analysis, statements, setup, checkpoints: run.checkpoints, finalState: run.finalState, runDiagnosticCount: run.runDiagnosticCount,
        ...(run.tookOverAt !== undefined ? { tookOverAt: run.tookOverAt } : {}),
      };
      return finished;
    },
  };
}

class ScenarioRun {
  private diagnostics: Diagnostic[] = [];
  private readonly participants = new Map<string, ParticipantInfo>();
  private steps: Step[] = [];
  /** Everything that changes from statement to statement: what a checkpoint copies. */
  private state: RunState = newRunState();
  readonly checkpoints: Checkpoint[] = [];
  /** Diagnostics the statements made, before finish() adds the end-of-run ones. */
  runDiagnosticCount = 0;
  /** Where this run took over the previous one, if it did. */
  tookOverAt?: number;
  /** A previous run this one may meet again after an edit: at which statements, and how its statement indexes moved. */
  private convergence?: { readonly previous: EngineRun; readonly map: EditMap; readonly points: ReadonlyMap<number, Checkpoint> };

  /** Which TCP plays: a `profile` line, else the scenario's default, else the process default (profile.ts). */
  profile: Profile = RFC9293_PROFILE;

  /** `checkpointEvery`: keep a checkpoint every so many statements (none if undefined). */
  constructor(private readonly scenario: Scenario, private readonly checkpointEvery?: number) {}

  /** Collects the participants and the profile, before the first statement runs. */
  setUp(): void {
    this.collectParticipants();
    this.profile = makeProfile(scenarioProfile(this.scenario));
    for (const name of multiPeerListeners(this.scenario.statements)) this.tcb(name).multiPeer = true;
  }

  /** What the run knows after setUp, before its first statement. */
  setup(): Setup {
    return { participants: [...this.participants.values()], diagnostics: [...this.diagnostics], state: copyRunState(this.state), profile: this.profile, locale: activeLocale() };
  }

  /** Continues from `checkpoint` of `previous`, a run with the same setup over statements that agree up to it. */
  resume(checkpoint: Checkpoint, previous: EngineRun): void {
    this.state = copyRunState(checkpoint.state);
    this.tracked.clear();
    this.steps = previous.analysis.steps.slice(0, checkpoint.stepCount);
    this.diagnostics = previous.analysis.diagnostics.slice(0, checkpoint.diagnosticCount);
    for (const c of previous.checkpoints) if (c.index <= checkpoint.index) this.checkpoints.push(c);
  }

  /** The state after the last statement run (or taken over). */
  get finalState(): RunState {
    return this.state;
  }

  /** Before runSome: the run may stop at `points` and take over the rest of `previous` (converge.ts). */
  convergeWith(previous: EngineRun, map: EditMap, points: ReadonlyMap<number, Checkpoint>): void {
    this.convergence = { previous, map, points };
  }

  /** The statement runSome goes on from. */
  private nextIndex = 0;

  startAt(start: number): void {
    this.nextIndex = start;
  }

  /** Runs at most `budget` more statements; true once none is left (run, or taken over from the previous run). */
  runSome(budget: number): boolean {
    const statements = this.scenario.statements;
    const end = Math.min(statements.length, this.nextIndex + budget);
    for (let index = this.nextIndex; index < end; index++) {
      if (this.convergence?.points.has(index) && this.takeOver(this.convergence.points.get(index)!)) {
        this.tookOverAt = index;
        this.nextIndex = statements.length;
        return true;
      }
      if (this.checkpointEvery && index % this.checkpointEvery === 0 && !(this.checkpoints.at(-1)?.index === index)) {
        this.checkpoints.push({ index, state: copyRunState(this.state), stepCount: this.steps.length, diagnosticCount: this.diagnostics.length });
      }
      this.runStatement(statements[index], index);
    }
    this.nextIndex = end;
    return end >= statements.length;
  }

  /**
   * At the statement where the previous run took `checkpoint`: if this run is in the
   * same state there, the rest of the previous run is this run's rest. Takes it over
   * (its steps, diagnostics and checkpoints as they are, re-indexed if the edit added or
   * removed statements: lines follow their anchors) and returns true; returns false,
   * changing nothing, otherwise.
   */
  private takeOver(checkpoint: Checkpoint): boolean {
    const { previous, map } = this.convergence!;
    const there = movedRunState(checkpoint.state, map);
    if (!there || !sameData(this.state, there)) return false;
    const finalState = movedRunState(previous.finalState, map);
    if (!finalState) return false;
    const stepCount = this.steps.length;
    const diagnosticCount = this.diagnostics.length;
    const steps = previous.analysis.steps;
    for (let i = checkpoint.stepCount; i < steps.length; i++) {
      this.steps.push(map.indexDelta === 0 ? steps[i] : reindexed(steps[i], map.indexDelta));
    }
    for (let i = checkpoint.diagnosticCount; i < previous.runDiagnosticCount; i++) this.diagnostics.push(previous.analysis.diagnostics[i]);
    for (const later of previous.checkpoints) {
      if (later.index < checkpoint.index) continue;
      const state = movedRunState(later.state, map);
      if (!state) continue; // one checkpoint fewer: a later resume starts a little earlier
      this.checkpoints.push({
        index: later.index + map.indexDelta,
        state,
        stepCount: stepCount + later.stepCount - checkpoint.stepCount,
        diagnosticCount: diagnosticCount + later.diagnosticCount - checkpoint.diagnosticCount,
      });
    }
    this.state = finalState;
    return true;
  }

  private runStatement(statement: Statement, index: number): void {
    switch (statement.kind) {
      case 'title':
        if (this.state.title !== undefined || this.state.sawEvent) {
          this.report(statement.span, 'error', 'misplaced-title', this.state.title !== undefined
            ? say(m.titleTwice)
            : say(m.titleAfterEvent));
        } else {
          this.state.title = statement.text;
        }
        return;
      case 'expect':
        return this.checkExpect(statement, index);
      case 'participant':
      case 'note':
      case 'profile': // read before the run (scenarioProfile)
        return;
      default:
        this.state.sawEvent = true;
        this.runEvent(statement, index);
    }
  }

  finish(): Analysis {
    this.runDiagnosticCount = this.diagnostics.length;
    this.reportNeverDelivered();
    for (const tcb of this.state.tcbs.values()) neverReturned(tcb, this.report.bind(this));
    reportOwedAtEnd(this.participants.keys(), this.state.tcbs, this.steps, this.scenario.statements, this.diagnostics, this.report.bind(this));
    const finalTcbs: Record<string, ReturnType<typeof snapshot>> = {};
    for (const [name, tcb] of this.state.tcbs) finalTcbs[name] = snapshot(tcb);
    return {
      title: this.state.title,
      participants: [...this.participants.values()],
      steps: this.steps,
      diagnostics: this.diagnostics,
      tags: this.state.tags.map<InFlightTag>((t) => ({
        tag: t.tag, span: t.span,
        get sentOnLine() { return t.sentAt.startLine; },
        get deliveredOnLine() { return t.deliveredAt?.startLine; },
      })),
      finalTcbs,
    };
  }

  // ---- participants -------------------------------------------------------

  /** Declared or first used, in source order (contract §3). */
  private collectParticipants(): void {
    const used = new Set<string>();
    for (const statement of this.scenario.statements) {
      if (statement.kind === 'participant') {
        this.declare(statement, used.has(statement.name));
        used.add(statement.name);
        continue;
      }
      forEachName(statement, (name, span) => {
        used.add(name);
        if (!this.participants.has(name)) {
          this.participants.set(name, { name, declared: false, span, initialState: 'CLOSED' });
          this.state.tcbs.set(name, newTcb());
        }
      });
    }
  }

  /** Letters for numbers a mid-connection start leaves unknown; made when first needed. */
  private get unknownNumbers(): UnknownNumbers {
    return (this.unknownLetters ??= new UnknownNumbers(this.scenario.statements, this.state));
  }
  private unknownLetters?: UnknownNumbers;

  private declare(decl: ParticipantStatement, usedBefore: boolean): void {
    if (this.participants.has(decl.name)) {
      this.report(decl.nameSpan, 'error', 'duplicate-participant', usedBefore && !this.participants.get(decl.name)!.declared
        ? say(m.usedBeforeDeclared, { name: decl.name })
        : say(m.alreadyDeclared, { name: decl.name }));
      return;
    }
    const initialState = decl.start ?? 'CLOSED';
    this.participants.set(decl.name, { name: decl.name, label: decl.label, declared: true, span: decl.nameSpan, initialState });
    this.state.tcbs.set(decl.name, startingTcb(decl, firstContactNumbers(this.scenario.statements, decl.name), this.unknownNumbers));
    if (decl.snd) this.checkSpace(decl.name, decl.snd.value, decl.snd.span);
    if ((decl.snd || decl.rcv) && !isSynchronized(initialState) && initialState !== 'SYN-SENT') {
      this.report(decl.span, 'warning', 'bad-field', say(m.sndRcvIgnored, { state: initialState }));
    }
  }

  // ---- events -------------------------------------------------------------

  /** How many participants the last step's states name (participants are only ever added). */
  private statesKeys = -1;

  /**
   * Each endpoint's tracked values after the last event run, which are its values before
   * the next one (only events change a TCB), kept and updated in place: a listener with
   * 1,000 connections made a copy of every TCB for every line (resume() clears it).
   */
  private readonly tracked = new Map<string, Tracked>();

  private runEvent(statement: EventStatement, index: number): void {
    const before = this.tracked;
    // Endpoints declared since the last event: their values now are their values before this one.
    if (before.size !== this.state.tcbs.size) {
      for (const [name, tcb] of this.state.tcbs) if (!before.has(name)) before.set(name, tracked(tcb));
    }
    const record = new StepRecorder(this, statement.span);
    let segment: SentSegment | undefined;
    let from: string | undefined;
    let to: string | undefined;
    /** For a delivery: the `~>` line's span (a span, not a number: it follows its line, anchor.ts). */
    let sentAt: Span | undefined;

    if (statement.kind === 'call') {
      this.runCall(statement, record);
    } else if (statement.kind === 'segment') {
      from = statement.from;
      to = statement.to;
      segment = this.runSegment(statement, record);
    } else {
      const flight = this.state.inFlight.get(statement.tag);
      if (!flight && this.state.rejectedTags.has(statement.tag)) {
        // Wrong only because its `~>` line is, which is reported there: one mistake, one error.
      } else if (!flight) {
        const known = this.state.tags.find((t) => t.tag === statement.tag);
        this.report(statement.tagSpan, 'error', 'unknown-tag', known
          ? () => say(m.tagDelivered, { tag: statement.tag, line: known.deliveredAt!.startLine + 1 })
          : say(m.unknownTag, { tag: statement.tag }));
      } else {
        this.state.inFlight.delete(statement.tag);
        flight.deliveredAt = statement.span;
        ({ from, to, segment } = flight);
        const sent = flight.sentAt;
        sentAt = sent;
        record.explanations.push({ participant: flight.to, rule: 'RFC 9293 §3.10.7', get text() { return say(m.arrivesLate, { line: sent.startLine + 1 }); } });
        segmentArrives(flight.to, this.tcb(flight.to), toArriving(flight.segment), record);
      }
    }

    // Most lines change no state: their step then shares the states of the step before
    // (read only, as every step's are), one object instead of one per line of the run.
    const last = this.steps.length > 0 ? this.steps[this.steps.length - 1].states : undefined;
    let sameAsLast = last !== undefined && this.statesKeys === this.state.tcbs.size;
    const transitions: Step['transitions'][number][] = [];
    const variables: VariableChange[] = [];
    // Created only when some endpoint owes a reply: most lines of a long run owe nothing.
    let owing: Array<{ participant: string; reply: Reply }> | undefined;
    for (const [name, tcb] of this.state.tcbs) {
      if (sameAsLast && last![name] !== tcb.state) sameAsLast = false;
      // The TCB's `due` is the reply owed until that endpoint next sends (send.ts clears it).
      if (tcb.due) (owing ??= []).push({ participant: name, reply: tcb.due });
      // A listener's connection made on this line (listener.ts) starts from the listener's LISTEN.
      const kept = before.get(name);
      const old = kept ?? NEW_CONNECTION;
      if (old.state !== tcb.state) transitions.push({ participant: name, before: old.state, after: tcb.state });
      // One call per variable, in TRACKED's order, rather than a loop over TRACKED:
      // `tcb[key]` with a changing key was a slow, generic property lookup.
      noteChange(variables, name, 'ISS', old.iss, tcb.iss);
      noteChange(variables, name, 'IRS', old.irs, tcb.irs);
      noteChange(variables, name, 'SND.UNA', old.sndUna, tcb.sndUna);
      noteChange(variables, name, 'SND.NXT', old.sndNxt, tcb.sndNxt);
      noteChange(variables, name, 'RCV.NXT', old.rcvNxt, tcb.rcvNxt);
      if (kept) copyTracked(tcb, kept);
      else before.set(name, tracked(tcb));
    }
    this.statesKeys = this.state.tcbs.size;
    this.steps.push(new RunStep(index, { at: statement.span, sentAt }, {
      kind: statement.kind,
      states: sameAsLast ? last! : statesOf(this.state.tcbs),
      transitions,
      segment,
      from,
      to,
      explanations: record.explanations,
      effects: record.effects,
      replies: record.replies,
      owing,
      variables,
    }));
  }

  /** A call, with its stated result checked (socket-results.ts). */
  private runCall(call: CallStatement, record: StepRecorder): void {
    const tcb = this.tcb(call.participant);
    const report = this.report.bind(this);
    expectResult(tcb, call, report);
    const errorsBefore = this.diagnostics.length;
    if (tcb.multiPeer && call.call === 'accept' && tcb.state === 'LISTEN') acceptFromQueue(call.participant, tcb, record);
    else {
      if (tcb.multiPeer && call.call === 'close' && tcb.state === 'LISTEN') closeQueued(call.participant, tcb, this.state.tcbs, record);
      applyCall(call.participant, tcb, call, record);
    }
    if (tcb.multiPeer && call.call === 'listen' && tcb.state === 'LISTEN') openQueues(tcb, call.backlog, call.abortOnOverflow === true);
    afterCall(call.participant, tcb, call, this.diagnostics.length > errorsBefore, record);
  }

  /** A call's outcome (or a reset's error) on `participant`'s socket. */
  callReturned(participant: string, result: EffectResult): void {
    callReturned(this.tcb(participant), result, this.report.bind(this));
  }

  private runSegment(seg: SegmentStatement, ctx: StepRecorder): SentSegment | undefined {
    const inFlightBefore = this.state.inFlight.size;
    const sent = this.sendAndArrive(seg, ctx);
    if (seg.arrow === '~>' && seg.tag !== undefined && this.state.inFlight.size === inFlightBefore) this.state.rejectedTags.add(seg.tag);
    return sent;
  }

  /** `asFixed`: this is the line as its multiple-peers fix makes it; it is not fixed again. */
  private sendAndArrive(seg: SegmentStatement, ctx: StepRecorder, asFixed = false): SentSegment | undefined {
    if (seg.from === seg.to) {
      this.report(seg.toSpan, 'error', 'self-segment', say(m.selfSegment, { name: seg.from }));
      return undefined;
    }
    if (seg.icmp) {
      // Not a TCP segment: from the network (or the peer's host), about `to`'s connection.
      icmpArrives(seg.to, this.tcb(seg.to), seg.icmp, ctx);
      return undefined;
    }
    const routing = this.routeThroughListener(seg, ctx);
    if (routing.dropped) return this.sendToFullListener(seg, ctx);
    seg = routing.seg;
    const peers = this.bindPeers(seg);
    if (peers !== true) {
      // Go on as if the line named the peer, as its fix makes it (one mistake, one error);
      // once only: a listener's routing may rename the fixed line, which must not loop.
      return peers && !asFixed ? this.sendAndArrive(peers, ctx, true) : undefined;
    }
    // The letters first: a line that names a number with a new letter is not a mixed space.
    const namings: Naming[] = [];
    const read = seg.arrow === '-->' ? seg : readLetters(seg, this.state, namings);
    this.checkSpaces(seg);

    let sent: SentSegment;
    if (seg.arrow === '-->') {
      // An old duplicate: only the receiver acts on it (contract §3.3).
      const missing = [!seg.seq && 'seq', seg.flags.includes('ACK') && !seg.ack && 'ack'].filter(Boolean);
      if (missing.length > 0) {
        this.report(seg.span, 'error', 'missing-field', say(m.oldDuplicateMissing, { seq: missing.includes('seq'), ack: missing.includes('ack') }));
        return undefined;
      }
      sent = { flags: seg.flags, seq: seg.seq!.value, ack: seg.ack?.value, seqInferred: false, ackInferred: false, length: seg.length, window: seg.window, mss: seg.mss, wscale: seg.wscale, options: seg.options, arrow: seg.arrow, retransmission: false, probe: undefined, asIf: undefined };
      checkWindowField(seg, this.tcb(seg.to), ctx);
      ctx.explain(seg.to, 'RFC 9293 §3.5', injectedExplanation(this.tcb(seg.to), toArriving(sent)));
    } else {
      for (const n of namings) {
        ctx.explain(n.participant, RFC.sequenceNumbers, n.was !== undefined
          ? say(learnerMessages.letterRenames, { letter: n.letter, was: n.was, participant: n.participant })
          : say(learnerMessages.letterNames, { letter: n.letter, participant: n.participant }));
      }
      sent = sendSegment(seg.from, this.tcb(seg.from), read, ctx, () => this.freshSymbol(seg.from));
    }
    for (const value of [sent.seq, sent.ack]) if (value?.symbol) this.state.usedSymbols.add(value.symbol);

    switch (seg.arrow) {
      case '->':
      case '-->':
        if (routing.listener) this.arriveAtConnection(routing.listener, seg, sent, ctx);
        else segmentArrives(seg.to, this.tcb(seg.to), toArriving(sent), ctx);
        break;
      case '-x':
        ctx.explain(seg.to, 'RFC 9293 §3.7', say(m.lost));
        break;
      case '~>':
        // Without a tag nothing can deliver it: go on as if delivered now, its preferred fix.
        if (!seg.tag && routing.listener) this.arriveAtConnection(routing.listener, seg, sent, ctx);
        else if (!seg.tag) segmentArrives(seg.to, this.tcb(seg.to), toArriving(sent), ctx);
        this.putInFlight(seg, sent);
        break;
    }
    return sent;
  }

  /**
   * A segment to or from a listener that serves several peers (listener.ts): the end
   * that is the listener becomes its connection with the other end, `server[c1]`
   * (made when the peer's SYN arrives, unless a queue is full: then `dropped`).
   */
  private routeThroughListener(seg: SegmentStatement, ctx: StepRecorder): { seg: SegmentStatement; listener?: { name: string; peer: string }; dropped?: boolean } {
    const fromListener = this.tcb(seg.from).multiPeer;
    const toListener = this.tcb(seg.to).multiPeer;
    if (!fromListener && !toListener) return { seg };
    if (fromListener) {
      const name = connectionName(seg.from, seg.to);
      return this.state.tcbs.has(name) ? { seg: { ...seg, from: name } } : { seg };
    }
    // An untagged `~>` is taken as delivered now (its preferred fix), so it arrives like `->`.
    const arrives = seg.arrow === '->' || seg.arrow === '-->' || (seg.arrow === '~>' && !seg.tag);
    const name = connectionName(seg.to, seg.from);
    if (!arrives) return this.state.tcbs.has(name) ? { seg: { ...seg, to: name } } : { seg };
    const route = routeToListener(seg.to, this.tcb(seg.to), seg.from, seg, this.state.tcbs, ctx);
    if (route.kind === 'dropped') return { seg, dropped: true };
    if (route.kind === 'listener') return { seg };
    return { seg: { ...seg, to: route.name }, listener: { name: seg.to, peer: seg.from } };
  }

  /** The sender's side of a SYN that a full listener drops: it is sent (and checked), and never processed. */
  private sendToFullListener(seg: SegmentStatement, ctx: StepRecorder): SentSegment {
    const sender = this.tcb(seg.from);
    if (sender.peer === undefined) sender.peer = seg.to;
    const sent = sendSegment(seg.from, sender, seg, ctx, () => this.freshSymbol(seg.from));
    for (const value of [sent.seq, sent.ack]) if (value?.symbol) this.state.usedSymbols.add(value.symbol);
    return sent;
  }

  /** A segment reaches a listener's connection: the accept queue's overflow first, then the queues after it. */
  private arriveAtConnection(listener: { name: string; peer: string }, seg: SegmentStatement, sent: SentSegment, ctx: StepRecorder): void {
    const listenerTcb = this.tcb(listener.name);
    const connection = this.tcb(seg.to);
    if (overflowDrops(listener.name, listenerTcb, listener.peer, connection, seg, ctx)) return;
    const before = connection.state;
    segmentArrives(seg.to, connection, toArriving(sent), ctx);
    afterArrival(listener.name, listenerTcb, listener.peer, before, connection, ctx);
  }

  private putInFlight(seg: SegmentStatement, sent: SentSegment): void {
    if (!seg.tag || !seg.tagSpan) {
      this.report(seg.arrowSpan, 'error', 'missing-tag', say(learnerMessages.missingTag), [
        { title: say(learnerMessages.deliverNow), edits: [{ span: seg.arrowSpan, newText: '->' }], preferred: true },
        { title: say(learnerMessages.addTag, { tag: 'seg1' }), edits: [{ span: seg.fieldsEnd, newText: ' as seg1' }] },
      ], true);
      return;
    }
    if (this.state.tags.some((t) => t.tag === seg.tag)) {
      this.report(seg.tagSpan, 'error', 'duplicate-tag', say(m.duplicateTag, { tag: seg.tag }));
      return;
    }
    const flight: InFlight = { tag: seg.tag, span: seg.tagSpan, from: seg.from, to: seg.to, segment: sent, sentAt: seg.span };
    this.state.inFlight.set(seg.tag, flight);
    this.state.tags.push(flight);
  }

  private reportNeverDelivered(): void {
    if (this.state.inFlight.size === 0) return;
    // A loop, not Math.max(...lines): spreading 100k+ arguments overflows the stack.
    let last = this.scenario.statements[0].span;
    for (const s of this.scenario.statements) if (s.span.endLine > last.endLine) last = s.span;
    // The end of the last statement's line, through its span: it follows that line (anchor.ts).
    const end = endOf(last, Number.MAX_SAFE_INTEGER);
    for (const flight of this.state.inFlight.values()) {
      this.report(flight.span, 'warning', 'never-delivered', say(m.neverDelivered, { tag: flight.tag }), [
        { title: say(m.addDeliver, { tag: flight.tag }), edits: [{ span: end, newText: `\ndeliver ${flight.tag}` }], preferred: true },
      ]);
    }
  }

  /**
   * Each participant has one connection with one peer (contract §3). True when the line's
   * two participants are peers; otherwise reports it and returns the line as its fix makes
   * it (the name of the peer instead of the stranger's), or undefined when there is none.
   */
  private bindPeers(seg: SegmentStatement): true | SegmentStatement | undefined {
    for (const [self, other, span] of [[seg.from, seg.to, seg.fromSpan], [seg.to, seg.from, seg.toSpan]] as const) {
      const peer = this.tcb(self).peer;
      if (peer !== undefined && peer !== other) {
        // `self` keeps its peer: the other name of the line becomes that peer.
        const fixed: SegmentStatement | undefined = peer === self ? undefined
          : self === seg.from ? { ...seg, to: peer } : { ...seg, from: peer };
        const otherSpan = self === seg.from ? seg.toSpan : seg.fromSpan;
        // Offered only when the line would then be one its sender may send: a fix leads to a clean line.
        const fixes = fixed && this.tcb(peer).peer === self && sendsCleanly(fixed.from, this.tcb(fixed.from), fixed, this.profile) ? [{ title: say(learnerMessages.sendToPeer, { peer }), edits: [{ span: otherSpan, newText: peer }], preferred: true }] : undefined;
        this.report(span, 'error', 'multiple-peers', say(learnerMessages.multiplePeers, { self, peer, other }), fixes, fixes !== undefined);
        return fixes ? fixed : undefined;
      }
    }
    const firstContact = this.tcb(seg.from).peer === undefined && this.tcb(seg.to).peer === undefined;
    this.tcb(seg.from).peer = seg.to;
    this.tcb(seg.to).peer = seg.from;
    if (firstContact) {
      this.linkStartingNumbers(seg.from, seg.to);
      this.linkStartingNumbers(seg.to, seg.from);
    }
    return true;
  }

  /**
   * Two participants that start mid-connection without snd=/rcv= get letters for their
   * unknown numbers (letters.ts, UnknownNumbers). When they first meet, the sender's
   * SND.NXT and the receiver's RCV.NXT are one number seen from both ends: give the
   * unknown side the known one's value, so `starts ESTABLISHED` alone is enough to draw
   * data transfer.
   */
  private linkStartingNumbers(sender: string, receiver: string): void {
    const s = this.tcb(sender);
    const r = this.tcb(receiver);
    const sent = s.sndNxt?.symbol ?? null;
    const received = r.rcvNxt?.symbol ?? null;
    if (sent === received && s.sndNxt?.offset === r.rcvNxt?.offset) return;
    if (isUnknown(received, this.state) && s.sndNxt) renameEverywhere(this.state, received!, s.sndNxt);
    else if (isUnknown(sent, this.state) && r.rcvNxt) renameEverywhere(this.state, sent!, r.rcvNxt);
  }

  private checkSpaces(seg: SegmentStatement): void {
    // A reset from an endpoint with no TCB carries SEQ=0 outside any space (§3.10.7.1);
    // a SYN from CLOSED (an implied connect) chooses the ISS, the start of the space.
    const opens = seg.flags.includes('SYN') && !seg.flags.includes('RST');
    const senderHasSpace = this.tcb(seg.from).state !== 'CLOSED' || seg.arrow === '-->' || opens;
    if (seg.seq && senderHasSpace) this.checkSpace(seg.from, seg.seq.value, seg.seq.span);
    if (seg.ack) this.checkSpace(seg.to, seg.ack.value, seg.ack.span);
  }

  private checkSpace(owner: string, value: Seq, span: Span): void {
    const symbolic = value.symbol !== null;
    const seen = this.state.spaceKinds.get(owner);
    if (!seen) {
      this.state.spaceKinds.set(owner, { symbolic, span });
    } else if (seen.symbolic !== symbolic) {
      this.report(span, 'error', 'mixed-seq-space', () => say(m.mixedSeqSpace, { value: formatSeq(value), symbolic, owner, seenSymbolic: seen.symbolic, line: seen.span.startLine + 1 }));
    }
  }

  /**
   * The ISN of a SYN whose seq is left out. If later lines name this endpoint's
   * sequence space (its seq=, or the peer's ack=, e.g. `ack=K+1`), that symbol is the
   * one the user means; otherwise the first of J, K, x, y not yet in use.
   */
  private freshSymbol(owner: string): Seq {
    const named = this.symbolNamedLaterFor(owner);
    const taken = (s: string) => this.state.usedSymbols.has(s);
    const symbol = named && !taken(named) ? named : ['J', 'K', 'x', 'y'].find((s) => !taken(s)) ?? `ISN_${owner}`;
    this.state.usedSymbols.add(symbol);
    return seqSymbol(symbol);
  }

  private symbolNamedLaterFor(owner: string): string | undefined {
    const statements = this.scenario.statements;
    for (let index = 0; index < statements.length; index++) {
      const statement = statements[index];
      if (statement.kind !== 'segment') continue;
      const value = statement.from === owner ? statement.seq?.value : statement.to === owner ? statement.ack?.value : undefined;
      if (value?.symbol && !this.state.usedSymbols.has(value.symbol)) {
        this.state.lookahead = Math.max(this.state.lookahead, index);
        return value.symbol;
      }
    }
    this.state.lookahead = Infinity;
    return undefined;
  }

  private checkExpect(statement: ExpectStatement, index: number): void {
    for (const check of statement.checks) {
      if (check.peer !== undefined) {
        this.checkConnectionExpect(check, check.peer);
        continue;
      }
      const tcb = this.state.tcbs.get(check.participant);
      if (!tcb) continue;
      if (tcb.state !== check.state) {
        // A simultaneous close drawn in order: explained, and redrawn crossing as the preferred fix.
        const crossing = check.state === 'CLOSING' && tcb.state === 'TIME-WAIT' ? crossingCloseAdvice(this.scenario.statements, this.steps, index, check.participant) : undefined;
        const changeTo: Fix = { title: say(m.changeTo, { state: tcb.state }), edits: [{ span: check.stateSpan, newText: tcb.state }], preferred: !crossing?.fix };
        this.report(check.stateSpan, 'error', 'expect-failed', crossing?.message ?? say(m.expectFailed, { name: check.participant, state: tcb.state, expected: check.state }),
          crossing?.fix ? [crossing.fix, changeTo] : [changeTo]);
      }
    }
  }

  /** `expect server[c1] STATE`: one connection of a listener (listener.ts). */
  private checkConnectionExpect(check: ExpectCheck, peer: string): void {
    const found = expectedConnection(check.participant, peer, this.state.tcbs);
    if (!found) {
      this.report(check.peerSpan ?? check.participantSpan, 'error', 'expect-failed', say(socketMessages.expectNoConnection, { listener: check.participant, peer }));
    } else if (found.tcb.state !== check.state) {
      const actual = found.tcb.state;
      const dropped = check.state === 'ESTABLISHED' ? droppedAckOf(check.participant, peer, this.state.tcbs) : undefined;
      this.report(check.stateSpan, 'error', 'expect-failed', say(socketMessages.expectConnectionState, { connection: connectionName(check.participant, peer), actual, expected: check.state }), [
        { title: say(socketMessages.changeResult, { actual }), edits: [{ span: check.stateSpan, newText: actual }], preferred: true },
        ...(dropped ? [acceptFix(check.participant, dropped)] : []),
      ]);
    }
  }

  tcb(name: string): Tcb {
    let tcb = this.state.tcbs.get(name);
    if (!tcb) {
      tcb = newTcb();
      this.state.tcbs.set(name, tcb);
    }
    return tcb;
  }

  /** `message` as a function: a text that names another line, written when it is read (that line may move: anchor.ts). */
  report(span: Span, severity: Severity, code: DiagnosticCode, message: string | (() => string), fixes?: readonly Fix[], recovered?: boolean): void {
    const text = message;
    const extra = { ...(fixes ? { fixes } : {}), ...(recovered ? { recovered } : {}) };
    this.diagnostics.push(typeof text === 'string'
      ? { span, severity, code, message: text, ...extra }
      : { span, severity, code, get message() { return text(); }, ...extra });
  }
}

/** Collects what one line's processing reports. */
class StepRecorder implements StepContext {
  readonly explanations: Step['explanations'][number][] = [];
  readonly effects: Step['effects'][number][] = [];
  readonly replies: Array<{ participant: string; reply: Reply }> = [];

  constructor(private readonly run: ScenarioRun, private readonly lineSpan: Span) {}

  get profile(): Profile {
    return this.run.profile;
  }

  explain(participant: string, rule: string, text: string): void {
    this.explanations.push({ participant, rule, text });
  }
  effect(participant: string, text: string, result?: EffectResult, queues?: QueueContents): void {
    if (!result) {
      this.effects.push(queues ? { participant, text, queues } : { participant, text });
      return;
    }
    this.effects.push({ participant, text, ...(result.call !== undefined ? { call: result.call } : {}), result: result.value });
    this.run.callReturned(participant, result);
  }
  owe(participant: string, tcb: Tcb, reply: Reply): void {
    tcb.due = reply;
    this.replies.push({ participant, reply });
  }
  report(severity: Severity, code: DiagnosticCode, message: string, span?: Span, fixes?: readonly Fix[], recovered?: boolean): void {
    this.run.report(span ?? this.lineSpan, severity, code, message, fixes, recovered);
  }
}

/** The scenario's profile: its first `profile` line (it holds for the whole file), else the caller's choice, else the process default. */
function scenarioProfile(scenario: Scenario): ProfileChoice {
  for (const s of scenario.statements) if (s.kind === 'profile') return s.profile;
  return scenario.profile ?? defaultProfile();
}

function startingTcb(decl: ParticipantStatement, written: FirstContact, unknown: UnknownNumbers): Tcb {
  const state = decl.start ?? 'CLOSED';
  const tcb = newTcb(state);
  if (!isSynchronized(state) && state !== 'SYN-SENT') return tcb;
  // A connection already in progress (e.g. RFC 9293's "(send 300, receive 100)"). Without
  // snd=/rcv=, the numbers the scenario first writes for it; else a name for the unknown
  // number until a line writes one (letters.ts).
  const snd = decl.snd?.value ?? written.snd ?? unknown.letter(decl.name, decl.name);
  const rcv = decl.rcv?.value ?? written.rcv ?? unknown.letter(written.peer, decl.name);
  tcb.sndNxt = snd;
  tcb.sndUna = snd;
  if (state === 'SYN-SENT' || state === 'SYN-RECEIVED') {
    tcb.iss = seqAdd(snd, -1);
    tcb.sndUna = tcb.iss;
    tcb.passiveOpen = state === 'SYN-RECEIVED';
  }
  if (state !== 'SYN-SENT') tcb.rcvNxt = rcv;
  const finSent = ['FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSING', 'LAST-ACK', 'TIME-WAIT'].includes(state);
  if (finSent) {
    tcb.finSeq = seqAdd(snd, -1);
    // In FIN-WAIT-1, CLOSING and LAST-ACK our FIN is not acknowledged yet.
    if (state === 'FIN-WAIT-1' || state === 'CLOSING' || state === 'LAST-ACK') tcb.sndUna = tcb.finSeq;
  }
  tcb.finReceived = ['CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT'].includes(state);
  return tcb;
}

/** The numbers a scenario first writes for an endpoint that starts mid-connection: its SND.NXT and its RCV.NXT. */
interface FirstContact {
  readonly snd?: Seq;
  readonly rcv?: Seq;
  /** The participant it first exchanges a segment with. */
  readonly peer?: string;
}

/**
 * What the lines first write for `name`'s numbers (docs/semantics.md, "First contact"):
 * its SND.NXT is the seq of its first segment, or the ack of a segment to it before it
 * sends; its RCV.NXT is its peer's SND.NXT read the same way, or a snd= declared for the
 * peer. A side whose first segment leaves seq out has no written number here.
 */
function firstContactNumbers(statements: readonly Statement[], name: string): FirstContact {
  const peer = statements.find((s): s is SegmentStatement => s.kind === 'segment' && s.from !== s.to && (s.from === name || s.to === name));
  const other = peer && (peer.from === name ? peer.to : peer.from);
  const declared = other === undefined ? undefined
    : statements.find((s): s is ParticipantStatement => s.kind === 'participant' && s.name === other)?.snd?.value;
  return { snd: firstWrittenSnd(statements, name), rcv: declared ?? (other === undefined ? undefined : firstWrittenSnd(statements, other)), peer: other };
}

function firstWrittenSnd(statements: readonly Statement[], name: string): Seq | undefined {
  for (const s of statements) {
    if (s.kind !== 'segment' || s.arrow === '-->' || s.from === s.to) continue;
    if (s.from === name) return s.flags.includes('SYN') ? undefined : s.seq?.value;
    if (s.to === name && s.ack && s.flags.includes('ACK')) return s.ack.value;
  }
  return undefined;
}

function toArriving(sent: SentSegment): ArrivingSegment {
  // After an error the receiver gets the line as its fix makes it (one mistake, one error).
  const as = sent.asIf ?? sent;
  return { flags: as.flags, seq: as.seq, ack: as.ack, length: sent.length, window: sent.window, wscale: sent.wscale, options: sent.options };
}

function noteChange(variables: VariableChange[], participant: string, variable: SequenceVariable, before: Seq | undefined, after: Seq | undefined): void {
  if (!sameSeq(before, after)) variables.push({ participant, variable, before, after });
}

function sameSeq(a: Seq | undefined, b: Seq | undefined): boolean {
  if (a === b) return true; // most endpoints' variables did not change on a line: the same objects
  if (!a || !b) return false;
  return seqEquals(a, b) && a.symbol === b.symbol;
}

/**
 * Each participant name a statement uses, with its span, in order. A callback rather
 * than a list: set-up walks every statement whenever the statements change (every
 * keystroke that completes a line), and the lists were most of its cost.
 */
function forEachName(statement: Statement, use: (name: string, span: Span) => void): void {
  switch (statement.kind) {
    case 'call': use(statement.participant, statement.participantSpan); break;
    case 'segment': use(statement.from, statement.fromSpan); use(statement.to, statement.toSpan); break;
    case 'note': statement.participants.forEach((p, i) => use(p, statement.participantSpans[i])); break;
    case 'expect': for (const c of statement.checks) use(c.participant, c.participantSpan); break;
    default: break;
  }
}

/** Where a step's lines are read from: its statement's span and, for a delivery, the `~>` statement's. */
interface StepPlace {
  readonly at: Span;
  readonly sentAt?: Span;
}

type StepFields = Omit<Step, 'statementIndex' | 'line' | 'sentOnLine'>;

/**
 * A step whose `line` and `sentOnLine` are read through its spans when asked: they
 * follow their lines (anchor.ts). Getters on the class and a private place, not getters
 * in an object literal (two closures per step) nor a WeakMap of places: either made a
 * 10,000-event run half as slow again. toJSON writes the lines as plain fields.
 */
class RunStep implements Step {
  readonly #place: StepPlace;
  readonly kind: Step['kind'];
  readonly states: Step['states'];
  readonly transitions: Step['transitions'];
  readonly segment?: Step['segment'];
  readonly from?: string;
  readonly to?: string;
  readonly explanations: Step['explanations'];
  readonly effects: Step['effects'];
  readonly replies: Step['replies'];
  readonly owing?: Step['owing'];
  readonly variables: Step['variables'];

  /** `trim`: the lists are new, trimmed to what they hold (tight.ts): a step lives as long as its document. */
  constructor(readonly statementIndex: number, place: StepPlace, f: StepFields, trim = true) {
    this.#place = place;
    this.kind = f.kind;
    this.states = f.states;
    this.transitions = trim ? tight(f.transitions) : f.transitions;
    this.segment = f.segment;
    this.from = f.from;
    this.to = f.to;
    this.explanations = trim ? tight(f.explanations) : f.explanations;
    this.effects = trim ? tight(f.effects) : f.effects;
    this.replies = trim ? tight(f.replies) : f.replies;
    this.owing = f.owing && (trim ? tight(f.owing) : f.owing);
    this.variables = trim ? tight(f.variables) : f.variables;
  }

  get line(): number {
    return this.#place.at.startLine;
  }

  get sentOnLine(): number | undefined {
    return this.#place.sentAt?.startLine;
  }

  /** The same step `delta` statements further on; its lines are still read through the same spans. */
  reindexed(delta: number): RunStep {
    return new RunStep(this.statementIndex + delta, this.#place, this, false);
  }

  toJSON(): Step {
    const { statementIndex, line, kind, states, transitions, segment, from, to, sentOnLine, explanations, effects, replies, owing, variables } = this;
    return { statementIndex, line, kind, states, transitions, segment, from, to, sentOnLine, explanations, effects, replies, ...(owing ? { owing } : {}), variables };
  }
}

/** The step of a statement `delta` places further on (every step of a run is a RunStep). */
function reindexed(step: Step, delta: number): Step {
  return (step as RunStep).reindexed(delta);
}
