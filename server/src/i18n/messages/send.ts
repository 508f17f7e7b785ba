/**
 * What the sender of a segment line may do in its state (engine/send.ts): why a segment
 * is refused (the `send-not-allowed` diagnostics), and the explanation of what sending
 * it does. `rfc` is the RFC section the rule comes from; state names, flags and the
 * RFC's <SEQ=…><CTL=…> notation stay as written.
 */
import { messages, type Message } from '../catalogue.js';

type Who = { name: string; state: string };
type Rfc = { rfc: string };
type Iss = { iss: string };

export const sendMessages = messages({
  ackWithoutFlag: {
    en: ({ ack }) => `ack=${ack} is ignored: the ACK flag is not set, so the acknowledgment field is not significant (RFC 9293 §3.1). Add ACK or remove ack=.`,
    'zh-CN': ({ ack }) => `ack=${ack} 被忽略：没有设置 ACK 标志，确认号字段无意义（RFC 9293 §3.1）。请加上 ACK，或删去 ack=。`,
  } satisfies Message<{ ack: string }>,
  retransmission: {
    en: 'retransmission: these sequence numbers were sent before.',
    'zh-CN': '重传：这些序列号之前已经发送过。',
  },

  // SYN
  synWithFin: {
    en: 'a SYN segment cannot also carry FIN: FIN is sent only once the connection is synchronized.',
    'zh-CN': 'SYN 报文段不能同时带 FIN：只有连接同步之后才会发送 FIN。',
  },
  activeOpenImplied: {
    en: ({ iss }) => `active OPEN (an implied connect): send SYN with ISS = ${iss}; enter SYN-SENT.`,
    'zh-CN': ({ iss }) => `主动打开（隐含一次 connect）：发送 SYN，ISS = ${iss}；进入 SYN-SENT。`,
  } satisfies Message<Iss>,
  activeOpenSyn: {
    en: ({ iss }) => `send the SYN of the active OPEN with ISS = ${iss}.`,
    'zh-CN': ({ iss }) => `发送主动打开的 SYN，ISS = ${iss}。`,
  } satisfies Message<Iss>,
  synNotAllowed: {
    en: ({ name, state, rfc }) => `${name} is ${state}: a SYN without ACK opens a connection, so it is sent only from CLOSED or LISTEN (an active OPEN) or again from SYN-SENT (${rfc}).`,
    'zh-CN': ({ name, state, rfc }) => `${name} 处于 ${state}：不带 ACK 的 SYN 用于发起连接，所以只能从 CLOSED 或 LISTEN 发出（主动打开），或在 SYN-SENT 中重发（${rfc}）。`,
  } satisfies Message<Who & Rfc>,
  synAckHint: {
    en: ({ name, closed }) => ` ${name} must first receive a SYN${closed ? ` while listening: add \`${name}: listen\` before the SYN arrives` : ''}.`,
    'zh-CN': ({ name, closed }) => `${name} 必须先收到一个 SYN${closed ? `，而且要在监听时收到：在 SYN 到达之前加上 \`${name}: listen\`` : ''}。`,
  } satisfies Message<{ name: string; closed: boolean }>,
  synAckNotAllowed: {
    en: ({ name, state, rfc, hint }) => `${name} is ${state}: a SYN,ACK answers a SYN, so it is sent only from SYN-RECEIVED (${rfc}).${hint}`,
    'zh-CN': ({ name, state, rfc, hint }) => `${name} 处于 ${state}：SYN,ACK 是对 SYN 的应答，所以只能从 SYN-RECEIVED 发出（${rfc}）。${hint}`,
  } satisfies Message<Who & Rfc & { hint: string }>,
  synAckWithFin: {
    en: 'a SYN,ACK cannot also carry FIN here: close first completes the handshake.',
    'zh-CN': '这里的 SYN,ACK 不能同时带 FIN：close 要先完成握手。',
  },
  sendSynAck: {
    en: ({ iss }) => `send SYN,ACK with ISS = ${iss}, acknowledging the peer's SYN.`,
    'zh-CN': ({ iss }) => `发送 SYN,ACK，ISS = ${iss}，同时确认对端的 SYN。`,
  } satisfies Message<Iss>,

  // Segments of a synchronized connection
  whatFin: { en: 'a FIN', 'zh-CN': 'FIN' },
  whatData: { en: 'data', 'zh-CN': '数据' },
  whatAck: { en: 'an ACK', 'zh-CN': 'ACK' },
  hintSynSent: {
    en: ' It sends its ACK once a SYN,ACK arrives (and is then ESTABLISHED).',
    'zh-CN': '它要等 SYN,ACK 到达后才发送 ACK（之后处于 ESTABLISHED）。',
  },
  hintListen: { en: ' It sends nothing until a SYN arrives.', 'zh-CN': '它在收到 SYN 之前什么都不发送。' },
  hintClosed: { en: ' It has no connection.', 'zh-CN': '它没有连接。' },
  notSynchronized: {
    en: ({ name, state, what, rfc, hint }) => `${name} is ${state}: ${what} can be sent only on a synchronized connection (${rfc}).${hint}`,
    'zh-CN': ({ name, state, what, rfc, hint }) => `${name} 处于 ${state}：${what}只能在已同步的连接上发送（${rfc}）。${hint}`,
  } satisfies Message<Who & Rfc & { what: string; hint: string }>,
  owesSynAckFirst: {
    en: ({ name, rfc }) => `${name} is SYN-RECEIVED and still owes its SYN,ACK: send that first (${rfc}).`,
    'zh-CN': ({ name, rfc }) => `${name} 处于 SYN-RECEIVED，还欠对端一个 SYN,ACK：先发送它（${rfc}）。`,
  } satisfies Message<{ name: string } & Rfc>,
  dataAfterOwnFin: {
    en: ({ name, state, rfc }) => `${name} is ${state} and has sent its FIN: no new data follows a FIN (${rfc}); only a retransmission of earlier data.`,
    'zh-CN': ({ name, state, rfc }) => `${name} 处于 ${state}，已经发送了 FIN：FIN 之后不会再有新数据（${rfc}）；只可能是之前数据的重传。`,
  } satisfies Message<Who & Rfc>,
  dataInSynReceived: {
    en: ({ name, rfc }) => `${name} is SYN-RECEIVED: data is queued until the connection is ESTABLISHED (${rfc}).`,
    'zh-CN': ({ name, rfc }) => `${name} 处于 SYN-RECEIVED：数据要排队，等连接进入 ESTABLISHED 后再发送（${rfc}）。`,
  } satisfies Message<{ name: string } & Rfc>,

  // FIN
  finAlreadyAcked: {
    en: ({ name, state, rfc }) => `${name} is ${state}: its FIN was already acknowledged, so it is never sent again (${rfc}).`,
    'zh-CN': ({ name, state, rfc }) => `${name} 处于 ${state}：它的 FIN 已被确认，不会再发送（${rfc}）。`,
  } satisfies Message<Who & Rfc>,
  finNotAllowed: {
    en: ({ name, state, rfc }) => `${name} is ${state}: a FIN is sent by close from ESTABLISHED or SYN-RECEIVED (→ FIN-WAIT-1) or CLOSE-WAIT (→ LAST-ACK) (${rfc}).`,
    'zh-CN': ({ name, state, rfc }) => `${name} 处于 ${state}：FIN 由 close 发出，只能在 ESTABLISHED 或 SYN-RECEIVED（→ FIN-WAIT-1）或 CLOSE-WAIT（→ LAST-ACK）中发送（${rfc}）。`,
  } satisfies Message<Who & Rfc>,
  impliedClose: {
    en: ({ state }) => `close (implied by the FIN): enter ${state}.`,
    'zh-CN': ({ state }) => `close（由这个 FIN 隐含）：进入 ${state}。`,
  } satisfies Message<{ state: string }>,

  // RST
  resetNeedsAck: {
    en: ({ name, reply, rfc }) => `${name} owes ${reply}: a reset for a segment without ACK carries ACK, or the peer (in SYN-SENT) cannot validate it and drops it (${rfc}). Add ACK.`,
    'zh-CN': ({ name, reply, rfc }) => `${name} 应回复 ${reply}：对不带 ACK 的报文段回复的 RST 要带 ACK，否则对端（处于 SYN-SENT）无法验证它，会丢弃它（${rfc}）。请加上 ACK。`,
  } satisfies Message<{ name: string; reply: string } & Rfc>,
  sendDueReset: {
    en: ({ reply }) => `send the reset that was due: ${reply}.`,
    'zh-CN': ({ reply }) => `发送应回复的 RST：${reply}。`,
  } satisfies Message<{ reply: string }>,
  impliedAbort: {
    en: 'abort (implied by the RST): send <SEQ=SND.NXT><CTL=RST>, delete the TCB, enter CLOSED.',
    'zh-CN': 'abort（由这个 RST 隐含）：发送 <SEQ=SND.NXT><CTL=RST>，删除 TCB，进入 CLOSED。',
  },
  noResetWhyReply: {
    en: ({ rfc }) => `it sends RST only in reply to a segment that calls for one (${rfc})`,
    'zh-CN': ({ rfc }) => `它只在收到需要用 RST 回复的报文段时才发送 RST（${rfc}）`,
  } satisfies Message<Rfc>,
  noResetWhyAbort: {
    en: ({ state, rfc }) => `ABORT in ${state} sends nothing (${rfc})`,
    'zh-CN': ({ state, rfc }) => `在 ${state} 中调用 ABORT 不发送任何报文段（${rfc}）`,
  } satisfies Message<{ state: string } & Rfc>,
  owesNoReset: {
    en: ({ name, state, why }) => `${name} is ${state} and owes no reset: ${why}.`,
    'zh-CN': ({ name, state, why }) => `${name} 处于 ${state}，不欠对端 RST：${why}。`,
  } satisfies Message<Who & { why: string }>,
});
