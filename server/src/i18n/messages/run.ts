/**
 * What the scenario runner says about the scenario as a whole (engine/run.ts): its
 * title and participants, tags and in-flight segments, the sequence spaces, `expect`
 * lines, and the segments that are lost or arrive late.
 */
import { messages, type Message } from '../catalogue.js';

type Name = { name: string };
type Tag = { tag: string };

export const runMessages = messages({
  titleTwice: { en: 'A scenario has at most one title.', 'zh-CN': '一个场景最多只有一个标题。' },
  titleAfterEvent: {
    en: 'The title (`scenario "…"`) comes before the first event.',
    'zh-CN': '标题（`scenario "…"`）必须写在第一个事件之前。',
  },
  usedBeforeDeclared: {
    en: ({ name }) => `${name} is used before this declaration: declare a participant before its first use.`,
    'zh-CN': ({ name }) => `${name} 在这条声明之前就已使用：参与者要在第一次使用之前声明。`,
  } satisfies Message<Name>,
  alreadyDeclared: {
    en: ({ name }) => `${name} is already declared.`,
    'zh-CN': ({ name }) => `${name} 已经声明过了。`,
  } satisfies Message<Name>,
  sndRcvIgnored: {
    en: ({ state }) => `snd=/rcv= give the sequence variables of a connection in progress; ${state} has none, so they are ignored.`,
    'zh-CN': ({ state }) => `snd=/rcv= 给出的是进行中连接的序列号变量；${state} 没有这些变量，所以它们被忽略。`,
  } satisfies Message<{ state: string }>,

  // Tags and in-flight segments
  tagDelivered: {
    en: ({ tag, line }) => `${tag} was already delivered on line ${line}; a segment arrives once.`,
    'zh-CN': ({ tag, line }) => `${tag} 已在第 ${line} 行送达；一个报文段只会到达一次。`,
  } satisfies Message<Tag & { line: number }>,
  unknownTag: {
    en: ({ tag }) => `No in-flight segment is tagged ${tag}: tag a \`~>\` segment with \`as ${tag}\` first.`,
    'zh-CN': ({ tag }) => `没有标签为 ${tag} 的在途报文段：先用 \`as ${tag}\` 给一个 \`~>\` 报文段加上标签。`,
  } satisfies Message<Tag>,
  arrivesLate: {
    en: ({ line }) => `the segment sent on line ${line} arrives now (late).`,
    'zh-CN': ({ line }) => `第 ${line} 行发出的报文段现在才到达（迟到）。`,
  } satisfies Message<{ line: number }>,
  duplicateTag: {
    en: ({ tag }) => `The tag ${tag} is already used: each in-flight segment needs its own.`,
    'zh-CN': ({ tag }) => `标签 ${tag} 已被使用：每个在途报文段都要有自己的标签。`,
  } satisfies Message<Tag>,
  neverDelivered: {
    en: ({ tag }) => `${tag} is in flight (~>) but never delivered: add \`deliver ${tag}\` where it arrives, or draw it as lost (-x).`,
    'zh-CN': ({ tag }) => `${tag} 在途（~>）但始终没有送达：在它到达的地方加上 \`deliver ${tag}\`，或把它画成丢失（-x）。`,
  } satisfies Message<Tag>,
  addDeliver: {
    en: ({ tag }) => `Add \`deliver ${tag}\` at the end`,
    'zh-CN': ({ tag }) => `在末尾加上 \`deliver ${tag}\``,
  } satisfies Message<Tag>,

  // Segments
  selfSegment: {
    en: ({ name }) => `${name} sends to itself: a segment goes from one endpoint to its peer.`,
    'zh-CN': ({ name }) => `${name} 发给了自己：报文段是从一端发往它的对端的。`,
  } satisfies Message<Name>,
  oldDuplicateMissing: {
    en: ({ seq, ack }) => `An old duplicate (-->) comes from an earlier incarnation, so nothing can be inferred: give ${seq && ack ? 'seq and ack' : seq ? 'seq' : 'ack'}.`,
    'zh-CN': ({ seq, ack }) => `旧的重复报文段（-->）来自连接的早先化身，无法推断任何值：请写出 ${seq && ack ? 'seq 和 ack' : seq ? 'seq' : 'ack'}。`,
  } satisfies Message<{ seq: boolean; ack: boolean }>,
  lost: {
    en: 'lost in the network: the receiver never sees it.',
    'zh-CN': '在网络中丢失：接收方永远收不到它。',
  },
  mixedSeqSpace: {
    en: ({ value, symbolic, owner, seenSymbolic, line }) => `${value} is ${symbolic ? 'symbolic' : 'a number'}, but ${owner}'s sequence space is written with ${seenSymbolic ? 'symbols' : 'numbers'} (line ${line}): within one direction use symbols or numbers, not both (contract §3.2).`,
    'zh-CN': ({ value, symbolic, owner, seenSymbolic, line }) => `${value} 是${symbolic ? '符号' : '数字'}，但 ${owner} 的序列号空间是用${seenSymbolic ? '符号' : '数字'}写的（第 ${line} 行）：同一方向上要么都用符号，要么都用数字，不能混用（contract §3.2）。`,
  } satisfies Message<{ value: string; symbolic: boolean; owner: string; seenSymbolic: boolean; line: number }>,

  // expect
  expectFailed: {
    en: ({ name, state, expected }) => `${name} is ${state} here, not ${expected}.`,
    'zh-CN': ({ name, state, expected }) => `${name} 在这里处于 ${state}，而不是 ${expected}。`,
  } satisfies Message<Name & { state: string; expected: string }>,
  changeTo: {
    en: ({ state }) => `Change to ${state}`,
    'zh-CN': ({ state }) => `改为 ${state}`,
  } satisfies Message<{ state: string }>,
});
