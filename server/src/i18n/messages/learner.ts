/**
 * What the engine says to a learner about a mistake and how it goes on (issue 13): the
 * numbers a sender's TCB expects (bad-seq, bad-ack), a flag the state calls for, the
 * letters a scenario names numbers with, and "continuing as if …" in the hover.
 * Terms follow the articles learners read: 三次握手, 四次挥手, 主动关闭, 被动关闭.
 */
import { messages, type Message } from '../catalogue.js';

export const learnerMessages = messages({
  continuingAsIf: {
    en: ({ line }) => `Continuing as if the line read \`${line}\`: later lines are checked against that, so this mistake is reported once.`,
    'zh-CN': ({ line }) => `后续按此行为 \`${line}\` 继续检查：之后的各行以此为准，这个错误只报告一次。`,
  } satisfies Message<{ line: string }>,

  continuingWithout: {
    en: 'Continuing as if this line were not there: later lines are checked without it, so this mistake is reported once.',
    'zh-CN': '后续按没有这一行继续检查：之后的各行不受它影响，这个错误只报告一次。',
  } satisfies Message,

  letterNames: {
    en: ({ letter, participant }) => `${letter} names ${participant}'s next sequence number (SND.NXT): the first value written for a side that starts mid-connection is its number.`,
    'zh-CN': ({ letter, participant }) => `${letter} 表示 ${participant} 的下一个发送序号（SND.NXT）：从连接中途开始的一方，第一次写出的值就是它的序号。`,
  } satisfies Message<{ letter: string; participant: string }>,
  letterRenames: {
    en: ({ letter, was, participant }) => `${letter} = ${was}: a letter used for the first time names ${participant}'s sequence number here; from now on ${participant}'s numbers are written with ${letter}.`,
    'zh-CN': ({ letter, was, participant }) => `${letter} = ${was}：首次使用的字母表示 ${participant} 此处的序号；此后 ${participant} 的序号用 ${letter} 表示。`,
  } satisfies Message<{ letter: string; was: string; participant: string }>,

  aFlag: { en: 'a flag (SYN, ACK, FIN, RST… or FLAG=1)', 'zh-CN': '一个标志（SYN、ACK、FIN、RST… 或 FLAG=1）' },

  unknownStateNearest: {
    en: ({ written, state }) => `Unknown state \`${written}\`: did you mean ${state}? It is read as ${state} here.`,
    'zh-CN': ({ written, state }) => `未知状态 \`${written}\`：是否想写 ${state}？此处按 ${state} 读取。`,
  } satisfies Message<{ written: string; state: string }>,

  badSeqReply: {
    en: ({ expected }) => `this reply is formed by the RFC with seq=${expected}`,
    'zh-CN': ({ expected }) => `这个应答由 RFC 规定，其 seq=${expected}`,
  } satisfies Message<{ expected: string }>,
  badSeqNoLength: {
    en: ({ expected }) => `a segment without SYN, data or FIN occupies no sequence numbers, so it is never a retransmission and always carries SND.NXT = ${expected}`,
    'zh-CN': ({ expected }) => `不带 SYN、数据或 FIN 的报文段不占用序号，因此它不会是重传，总是携带 SND.NXT = ${expected}`,
  } satisfies Message<{ expected: string }>,
  badSeqNew: {
    en: ({ expected, lowest }) => `a new segment starts at SND.NXT = ${expected}; a retransmission re-sends numbers from ${lowest} up to SND.NXT`,
    'zh-CN': ({ expected, lowest }) => `新的报文段从 SND.NXT = ${expected} 开始；重传则重发从 ${lowest} 到 SND.NXT 之间的序号`,
  } satisfies Message<{ expected: string; lowest: string }>,
  badSeq: {
    en: ({ seq, name, rule, rfc, expected }) => `seq=${seq} does not match ${name}'s TCB: ${rule} (${rfc}). Use seq=${expected}.`,
    'zh-CN': ({ seq, name, rule, rfc, expected }) => `seq=${seq} 与 ${name} 的 TCB 不符：${rule}（${rfc}）。应为 seq=${expected}。`,
  } satisfies Message<{ seq: string; name: string; rule: string; rfc: string; expected: string }>,
  badAck: {
    en: ({ ack, name, expected, rfc }) => `ack=${ack} differs from ${name}'s RCV.NXT = ${expected}: an ACK acknowledges everything received so far, the next sequence number expected (${rfc}). Use ack=${expected}.`,
    'zh-CN': ({ ack, name, expected, rfc }) => `ack=${ack} 与 ${name} 的 RCV.NXT = ${expected} 不同：确认号确认迄今收到的全部数据，即期望收到的下一个序号（${rfc}）。应为 ack=${expected}。`,
  } satisfies Message<{ ack: string; name: string; expected: string; rfc: string }>,
  setField: {
    en: ({ field }) => `Set ${field}`,
    'zh-CN': ({ field }) => `改为 ${field}`,
  } satisfies Message<{ field: string }>,

  closingOnlyWhenCrossing: {
    en: ({ name, peer, finLine, peerFinLine }) => `${name} is TIME-WAIT here, not CLOSING: ${peer} sent its FIN (line ${peerFinLine}) after ${name}'s FIN had arrived (line ${finLine}), so that FIN also acknowledged ${name}'s, and ${name} went from FIN-WAIT-1 straight to TIME-WAIT. Both sides reach CLOSING only when the two FINs cross, each sent before the other arrives (RFC 9293 §3.6, Figure 13): draw them with ~> and deliver them once both are sent.`,
    'zh-CN': ({ name, peer, finLine, peerFinLine }) => `${name} 此处处于 TIME-WAIT，而不是 CLOSING：${peer} 的 FIN（第 ${peerFinLine} 行）是在 ${name} 的 FIN 到达（第 ${finLine} 行）之后才发出的，所以它同时确认了 ${name} 的 FIN，${name} 从 FIN-WAIT-1 直接进入 TIME-WAIT。只有两个 FIN 交叉（各自在对方的 FIN 到达之前发出）时，双方才都进入 CLOSING（RFC 9293 §3.6，图 13）：用 ~> 画出两个 FIN，两者都发出后再 deliver。`,
  } satisfies Message<{ name: string; peer: string; finLine: number; peerFinLine: number }>,
  rewriteAsCrossing: {
    en: 'Draw the two FINs crossing (~> … deliver)',
    'zh-CN': '把两个 FIN 画成交叉（~> … deliver）',
  } satisfies Message,

  owesAtEnd: {
    en: ({ name, reply, peer, state, line, rule, reason }) => `${name} owes ${reply} for line ${line} (${rule}: ${reason}), and the scenario ends without it: ${peer} is left waiting in ${state}. Draw it if ${name} sends it; leaving it out shows a reply lost or never sent.`,
    'zh-CN': ({ name, reply, peer, state, line, rule, reason }) => `${name} 为第 ${line} 行欠一个 ${reply}（${rule}：${reason}），而场景到结尾也没有画出它：${peer} 停在 ${state} 等待。如果 ${name} 发送了它，请画出来；不画则表示这个应答丢失或没有发送。`,
  } satisfies Message<{ name: string; reply: string; peer: string; state: string; line: number; rule: string; reason: string }>,
  addOwedReply: {
    en: ({ name, reply }) => `Draw the reply ${name} owes at the end: ${reply}`,
    'zh-CN': ({ name, reply }) => `在结尾画出 ${name} 欠的应答：${reply}`,
  } satisfies Message<{ name: string; reply: string }>,

  finQueued: {
    en: ({ name, state, rfc }) => `${name} is ${state}: close queued a FIN, and nothing calls for a bare ACK now (no segment arrived that needs one), so this segment is the FIN (${rfc}). Add FIN.`,
    'zh-CN': ({ name, state, rfc }) => `${name} 处于 ${state}：close 已排队一个 FIN，此时没有什么需要单独的 ACK（没有收到需要确认的报文段），所以这个报文段就是 FIN（${rfc}）。请加上 FIN。`,
  } satisfies Message<{ name: string; state: string; rfc: string }>,
  connectRefused: {
    en: 'connect() fails: ECONNREFUSED ("connection refused")',
    'zh-CN': 'connect() 失败：ECONNREFUSED（“连接被拒绝”）',
  } satisfies Message,
  synAckUnacceptable: {
    en: ({ reply }) => `The SYN,ACK that arrived was not acceptable: its ack did not acknowledge this endpoint's SYN (SND.UNA < SEG.ACK ≤ SND.NXT fails, RFC 9293 §3.10.7.3), so it owes ${reply} for it and still waits for a SYN,ACK that does.`,
    'zh-CN': ({ reply }) => `收到的 SYN,ACK 不可接受：它的 ack 没有确认本端的 SYN（不满足 SND.UNA < SEG.ACK ≤ SND.NXT，RFC 9293 §3.10.7.3），所以本端为它欠一个 ${reply}，并仍在等待一个确认其 SYN 的 SYN,ACK。`,
  } satisfies Message<{ reply: string }>,
  synAckInPeersLetter: {
    en: ({ name, seq, letter, own }) => `seq=${seq} is written in the peer's letter ${letter}, the number its SYN chose: ${name} picks its own initial sequence number for its SYN,ACK (RFC 9293 §3.4), so write it with a letter of its own, seq=${own}; its ack acknowledges the peer's SYN.`,
    'zh-CN': ({ name, seq, letter, own }) => `seq=${seq} 用的是对端的字母 ${letter}（对端 SYN 选定的序号）：${name} 为自己的 SYN,ACK 选择自己的初始序号（RFC 9293 §3.4），应使用它自己的字母，seq=${own}；确认对端 SYN 的是 ack。`,
  } satisfies Message<{ name: string; seq: string; letter: string; own: string }>,
  addFlag: {
    en: ({ flag }) => `Add the ${flag} flag`,
    'zh-CN': ({ flag }) => `加上 ${flag} 标志`,
  } satisfies Message<{ flag: string }>,
  removeCall: {
    en: 'Remove this call',
    'zh-CN': '删除这个调用',
  } satisfies Message,
  sendToPeer: {
    en: ({ peer }) => `Exchange it with ${peer}`,
    'zh-CN': ({ peer }) => `改为与 ${peer} 交换`,
  } satisfies Message<{ peer: string }>,
  multiplePeers: {
    en: ({ self, peer, other }) => `${self} already has a connection with ${peer}: each participant has one connection, so it cannot also exchange segments with ${other}. Use another participant name for a second connection.`,
    'zh-CN': ({ self, peer, other }) => `${self} 已经与 ${peer} 建立了连接：每个参与者只有一条连接，不能再与 ${other} 交换报文段。第二条连接请使用另一个参与者名称。`,
  } satisfies Message<{ self: string; peer: string; other: string }>,
  deliverNow: {
    en: 'Deliver it now (->)',
    'zh-CN': '立即送达（->）',
  } satisfies Message,
  addTag: {
    en: ({ tag }) => `Add \`as ${tag}\``,
    'zh-CN': ({ tag }) => `加上 \`as ${tag}\``,
  } satisfies Message<{ tag: string }>,
  missingTag: {
    en: 'An in-flight segment (~>) needs a tag to deliver it later: add `as TAG` and a `deliver TAG` line, or draw it as delivered now (->).',
    'zh-CN': '在途报文段（~>）需要一个标签以便稍后投递：加上 `as TAG` 和一行 `deliver TAG`，或改画为立即送达（->）。',
  } satisfies Message,
});
