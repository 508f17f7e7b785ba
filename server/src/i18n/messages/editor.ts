/**
 * What the editor's completion list and hovers say around the engine's facts
 * (lsp/completion.ts, lsp/hover.ts, lsp/describe.ts, lsp/point-in-time.ts): item
 * details, hover headings, and why a proposed segment is the one to send.
 */
import { messages, type Message } from '../catalogue.js';

type State = { state: string };
type Line = { line: number };
type Name = { name: string };

export const editorMessages = messages({
  // Completion item details (lsp/completion.ts).
  itsPeer: { en: 'its peer', 'zh-CN': '它的对端' },
  participant: { en: 'participant', 'zh-CN': '参与者' },
  validIn: {
    en: ({ state }) => `valid in ${state}`,
    'zh-CN': ({ state }) => `在 ${state} 中可用`,
  } satisfies Message<State>,
  notIn: {
    en: ({ state }) => `not in ${state}`,
    'zh-CN': ({ state }) => `在 ${state} 中不可用`,
  } satisfies Message<State>,
  callRefused: {
    en: ({ name, state }) => `${name} is ${state}: refused`,
    'zh-CN': ({ name, state }) => `${name} 处于 ${state}：会被拒绝`,
  } satisfies Message<Name & State>,
  stateHere: {
    en: ({ name }) => `${name}'s state here`,
    'zh-CN': ({ name }) => `${name} 在此处的状态`,
  } satisfies Message<Name>,
  isInState: {
    en: ({ state }) => `is ${state}`,
    'zh-CN': ({ state }) => `处于 ${state}`,
  } satisfies Message<State>,
  sentOnLine: {
    en: ({ line }) => `sent on line ${line}`,
    'zh-CN': ({ line }) => `第 ${line} 行发出`,
  } satisfies Message<Line>,
  deliverArrives: {
    en: ({ line }) => `the segment sent on line ${line} arrives`,
    'zh-CN': ({ line }) => `第 ${line} 行发出的报文段到达`,
  } satisfies Message<Line>,
  ownVariable: {
    en: ({ name, variable }) => `${name}'s ${variable}`,
    'zh-CN': ({ name, variable }) => `${name} 的 ${variable}`,
  } satisfies Message<Name & { variable: string }>,
  sendsNow: {
    en: ({ name }) => `what ${name} sends now`,
    'zh-CN': ({ name }) => `${name} 此刻要发送的报文段`,
  } satisfies Message<Name>,
  flag: { en: 'flag', 'zh-CN': '标志' },
  field: { en: 'field', 'zh-CN': '字段' },
  tcpOption: { en: 'TCP option', 'zh-CN': 'TCP 选项' },
  tagInFlight: { en: 'tag an in-flight (~>) segment', 'zh-CN': '给在途（~>）报文段加标签' },

  // The quick fix that writes a reply owed (lsp/code-actions.ts).
  addOwedReply: {
    en: ({ name, segment }) => `Add the reply ${name} owes: ${segment}`,
    'zh-CN': ({ name, segment }) => `加上 ${name} 应回复的报文段：${segment}`,
  } satisfies Message<Name & { segment: string }>,

  // Why completion and the "insert the reply" fix propose a segment (lsp/point-in-time.ts).
  whyActiveOpen: { en: 'an active OPEN: the SYN (it implies connect)', 'zh-CN': '主动打开：发送 SYN（隐含 connect）' },
  whyOwedReply: {
    en: ({ name, reason }) => `the reply ${name} owes: ${reason}`,
    'zh-CN': ({ name, reason }) => `${name} 应回复的报文段：${reason}`,
  } satisfies Message<Name & { reason: string }>,
  whyListenSyn: {
    en: 'LISTEN sends nothing until a SYN arrives; a SYN from LISTEN turns it into an active OPEN',
    'zh-CN': 'LISTEN 在收到 SYN 之前什么都不发送；从 LISTEN 发出 SYN 会把它变成主动打开',
  },
  whySynOfOpen: { en: 'the SYN of the active OPEN', 'zh-CN': '主动打开的 SYN' },
  whySynRetransmission: { en: 'a retransmission of the SYN', 'zh-CN': 'SYN 的重传' },
  whySynAck: { en: 'the SYN,ACK that answers the SYN', 'zh-CN': '应答 SYN 的 SYN,ACK' },
  whyFin: { en: 'the FIN that close made due', 'zh-CN': 'close 之后应发送的 FIN' },
  whyNext: {
    en: ({ name }) => `${name}'s next segment: SND.NXT and RCV.NXT`,
    'zh-CN': ({ name }) => `${name} 的下一个报文段：序列号取 SND.NXT，确认号取 RCV.NXT`,
  } satisfies Message<Name>,

  // Hovers (lsp/hover.ts), and the severity in front of a diagnostic in `synack explain`.
  error: { en: 'error', 'zh-CN': '错误' },
  warning: { en: 'warning', 'zh-CN': '警告' },
  info: { en: 'info', 'zh-CN': '提示' },
  quickFixes: { en: 'Quick fixes:', 'zh-CN': '快速修复：' },
  callKind: { en: 'call', 'zh-CN': '调用' },
  inFlightKind: { en: 'in-flight segment', 'zh-CN': '在途报文段' },
  declaredOn: {
    en: ({ declared, line, state }) => `${declared ? 'Declared' : 'First used'} on line ${line}; starts ${state}.`,
    'zh-CN': ({ declared, line, state }) => `${declared ? '声明于' : '首次出现于'}第 ${line} 行；初始状态 ${state}。`,
  } satisfies Message<Line & State & { declared: boolean }>,
  afterLine: {
    en: ({ line, state }) => `After line ${line}: ${state}.`,
    'zh-CN': ({ line, state }) => `第 ${line} 行之后：${state}。`,
  } satisfies Message<Line & State>,
  tagSentDelivered: {
    en: ({ line, delivered }) => `Sent on line ${line}; ${delivered !== undefined ? `delivered on line ${delivered}` : 'never delivered'}.`,
    'zh-CN': ({ line, delivered }) => `第 ${line} 行发出；${delivered !== undefined ? `第 ${delivered} 行送达` : '始终没有送达'}。`,
  } satisfies Message<Line & { delivered: number | undefined }>,

  // The hover of an event line (lsp/describe.ts describeStep).
  retransmission: { en: ' (retransmission)', 'zh-CN': '（重传）' },
  deliverHead: {
    en: ({ from, to, line }) => `**deliver**: ${from} → ${to}, sent on line ${line}`,
    'zh-CN': ({ from, to, line }) => `**deliver（送达）**：${from} → ${to}，第 ${line} 行发出`,
  } satisfies Message<Line & { from: string; to: string }>,
  callHead: { en: '**call**', 'zh-CN': '**调用**' },
  onLine: {
    en: ({ head, line }) => `${head} — line ${line}`,
    'zh-CN': ({ head, line }) => `${head} —— 第 ${line} 行`,
  } satisfies Message<Line & { head: string }>,
  segmentFields: {
    en: ({ fields }) => `Segment: ${fields}`,
    'zh-CN': ({ fields }) => `报文段：${fields}`,
  } satisfies Message<{ fields: string }>,
  stateTableHeader: { en: '| participant | before | after |', 'zh-CN': '| 参与者 | 之前 | 之后 |' },
  rulesApplied: { en: '**Rules applied**', 'zh-CN': '**依据的规则**' },
  repliesDue: { en: '**Replies now due**', 'zh-CN': '**现在应回复**' },
  owesReply: {
    en: ({ name, reply, reason }) => `${name} owes ${reply} — ${reason}`,
    'zh-CN': ({ name, reply, reason }) => `${name} 应回复 ${reply} —— ${reason}`,
  } satisfies Message<Name & { reply: string; reason: string }>,
  socketHeading: { en: '**Socket**', 'zh-CN': '**套接字**' },
  variablesHeading: { en: '**Sequence variables**', 'zh-CN': '**序列号变量**' },
});
