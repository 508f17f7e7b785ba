/**
 * What the receiver of a segment does, as RFC 9293 §3.10.7 (SEGMENT ARRIVES) says
 * (engine/arrive.ts): the explanation of each check, the reason a reply is owed, and
 * what the socket calls see. State names, RFC variables (SND.NXT, RCV.NXT, SEG.SEQ) and
 * the RFC's segment notation <SEQ=…><CTL=…> stay as the RFC writes them.
 */
import { messages, type Message } from '../catalogue.js';

type Name = { name: string };
type State = { state: string };
type RcvNxt = { rcvNxt: string };

export const arriveMessages = messages({
  // CLOSED (§3.10.7.1)
  closedRstDiscarded: { en: 'CLOSED: an incoming RST is discarded.', 'zh-CN': 'CLOSED：收到的 RST 被丢弃。' },
  closedAnswersAck: {
    en: 'CLOSED answers a segment with ACK by <SEQ=SEG.ACK><CTL=RST>',
    'zh-CN': 'CLOSED 对带 ACK 的报文段回复 <SEQ=SEG.ACK><CTL=RST>',
  },
  closedAnswersNoAck: {
    en: 'CLOSED answers a segment without ACK by <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>',
    'zh-CN': 'CLOSED 对不带 ACK 的报文段回复 <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>',
  },
  closedSyn: {
    en: ({ name }) => `${name} is CLOSED, so nothing accepts this SYN: it is discarded and answered by RST (the peer's connect() fails with ECONNREFUSED). A server calls listen first.`,
    'zh-CN': ({ name }) => `${name} 处于 CLOSED，没有谁接受这个 SYN：丢弃它并回复 RST（对端的 connect() 失败，返回 ECONNREFUSED）。服务器要先调用 listen。`,
  } satisfies Message<Name>,
  closedOther: {
    en: ({ name }) => `${name} is CLOSED (no TCB): the segment is discarded and answered by RST.`,
    'zh-CN': ({ name }) => `${name} 处于 CLOSED（没有 TCB）：丢弃该报文段并回复 RST。`,
  } satisfies Message<Name>,

  // LISTEN (§3.10.7.2)
  listenRstIgnored: { en: 'LISTEN: an incoming RST is ignored.', 'zh-CN': 'LISTEN：收到的 RST 被忽略。' },
  listenAnswersAck: {
    en: 'LISTEN answers any ACK by <SEQ=SEG.ACK><CTL=RST>',
    'zh-CN': 'LISTEN 对任何 ACK 都回复 <SEQ=SEG.ACK><CTL=RST>',
  },
  listenAck: {
    en: 'LISTEN: an ACK acknowledges nothing sent yet; it is answered by <SEQ=SEG.ACK><CTL=RST>.',
    'zh-CN': 'LISTEN：这个 ACK 确认的是尚未发送过的东西；回复 <SEQ=SEG.ACK><CTL=RST>。',
  },
  listenAnswersSyn: {
    en: 'LISTEN answers a SYN by <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>',
    'zh-CN': 'LISTEN 对 SYN 回复 <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>',
  },
  listenSyn: {
    en: ({ irs, rcvNxt }) => `SYN in LISTEN: IRS = ${irs}, RCV.NXT = ${rcvNxt}; choose an ISS, send SYN,ACK, enter SYN-RECEIVED.`,
    'zh-CN': ({ irs, rcvNxt }) => `LISTEN 收到 SYN：IRS = ${irs}，RCV.NXT = ${rcvNxt}；选择一个 ISS（初始序列号），发送 SYN,ACK，进入 SYN-RECEIVED。`,
  } satisfies Message<RcvNxt & { irs: string }>,

  // SYN-SENT (§3.10.7.3)
  synSentRstBadAck: {
    en: 'SYN-SENT: an RST whose ACK does not acknowledge our SYN is dropped.',
    'zh-CN': 'SYN-SENT：RST 的确认号没有确认我们的 SYN，丢弃它。',
  },
  synSentAnswersBadAck: {
    en: 'SYN-SENT answers an unacceptable ACK by <SEQ=SEG.ACK><CTL=RST>',
    'zh-CN': 'SYN-SENT 对不可接受的 ACK 回复 <SEQ=SEG.ACK><CTL=RST>',
  },
  synSentBadAck: {
    en: ({ ack, iss, sndNxt }) => `SYN-SENT: SEG.ACK = ${ack} does not acknowledge our SYN (ISS = ${iss}, SND.NXT = ${sndNxt}): an old duplicate. Send <SEQ=SEG.ACK><CTL=RST> and drop it.`,
    'zh-CN': ({ ack, iss, sndNxt }) => `SYN-SENT：SEG.ACK = ${ack} 没有确认我们的 SYN（ISS = ${iss}，SND.NXT = ${sndNxt}）：这是旧的重复报文段。发送 <SEQ=SEG.ACK><CTL=RST> 并丢弃它。`,
  } satisfies Message<{ ack: string; iss: string; sndNxt: string }>,
  synSentRefused: {
    en: 'SYN-SENT: an RST with an acceptable ACK: the connection is refused; delete the TCB, enter CLOSED.',
    'zh-CN': 'SYN-SENT：收到确认号可接受的 RST：连接被拒绝；删除 TCB，进入 CLOSED。',
  },
  synSentRstNoAck: {
    en: 'SYN-SENT: an RST without ACK cannot be validated and is dropped.',
    'zh-CN': 'SYN-SENT：不带 ACK 的 RST 无法验证，丢弃它。',
  },
  connectReturns: { en: 'connect() returns', 'zh-CN': 'connect() 返回' },
  acceptReturns: { en: 'accept() returns', 'zh-CN': 'accept() 返回' },
  synAckAccepted: {
    en: ({ irs, rcvNxt, sndUna }) => `SYN,ACK acknowledges our SYN: IRS = ${irs}, RCV.NXT = ${rcvNxt}, SND.UNA = ${sndUna}; enter ESTABLISHED and send ACK.`,
    'zh-CN': ({ irs, rcvNxt, sndUna }) => `SYN,ACK 确认了我们的 SYN：IRS = ${irs}，RCV.NXT = ${rcvNxt}，SND.UNA = ${sndUna}；进入 ESTABLISHED 并发送 ACK。`,
  } satisfies Message<RcvNxt & { irs: string; sndUna: string }>,
  synSentAcksSynAck: {
    en: 'SYN-SENT acknowledges the SYN,ACK by <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>',
    'zh-CN': 'SYN-SENT 用 <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> 确认 SYN,ACK',
  },
  simultaneousAnswers: {
    en: 'a simultaneous open answers the SYN by <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>',
    'zh-CN': '同时打开时对 SYN 回复 <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>',
  },
  simultaneousOpen: {
    en: ({ irs }) => `a SYN while our own SYN is unacknowledged (simultaneous open): IRS = ${irs}; enter SYN-RECEIVED and send SYN,ACK.`,
    'zh-CN': ({ irs }) => `我们自己的 SYN 尚未被确认时收到 SYN（同时打开）：IRS = ${irs}；进入 SYN-RECEIVED 并发送 SYN,ACK。`,
  } satisfies Message<{ irs: string }>,
  synSentOther: {
    en: 'SYN-SENT: a segment with neither SYN nor RST is dropped.',
    'zh-CN': 'SYN-SENT：既没有 SYN 也没有 RST 的报文段被丢弃。',
  },

  // The synchronized states (§3.10.7.4): the sequence number check
  pawsReply: {
    en: 'a segment PAWS rejects is not acceptable: send <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> (RFC 7323 §5.3 R1)',
    'zh-CN': '被 PAWS 拒绝的报文段不可接受：发送 <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>（RFC 7323 §5.3 R1）',
  },
  probeReply: {
    en: 'a keep-alive or window probe is answered by <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>',
    'zh-CN': '对保活探测或零窗口探测回复 <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>',
  },
  unacceptableReply: {
    en: 'an unacceptable segment is answered by <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>',
    'zh-CN': '对不可接受的报文段回复 <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>',
  },
  notAcceptable: {
    en: ({ seq, rcvNxt }) => `not acceptable (Table 6): SEG.SEQ = ${seq} is outside the window starting at RCV.NXT = ${rcvNxt}; send an ACK and drop it.`,
    'zh-CN': ({ seq, rcvNxt }) => `不可接受（表 6）：SEG.SEQ = ${seq} 在从 RCV.NXT = ${rcvNxt} 开始的接收窗口之外；发送 ACK 并丢弃它。`,
  } satisfies Message<RcvNxt & { seq: string }>,

  // The SYN check
  synInSynReceived: {
    en: 'a SYN in SYN-RECEIVED of a passive OPEN: return the connection to LISTEN.',
    'zh-CN': '被动打开的连接在 SYN-RECEIVED 中收到 SYN：连接回到 LISTEN。',
  },
  challengeReply: {
    en: 'a SYN in a synchronized state is answered by a challenge ACK',
    'zh-CN': '已同步状态下收到 SYN，回复挑战 ACK（challenge ACK）',
  },
  synChallenge: {
    en: ({ state }) => `a SYN in ${state}: RFC 9293 recommends RFC 5961's challenge ACK <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> and drops the segment; a genuine peer that lost its state answers it with RST.`,
    'zh-CN': ({ state }) => `${state} 中收到 SYN：RFC 9293 推荐 RFC 5961 的挑战 ACK <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>，并丢弃该报文段；真正丢失了连接状态的对端会用 RST 回应它。`,
  } satisfies Message<State>,

  // The segment text
  windowClosed: {
    en: ({ count }) => `the receive window is closed (RCV.WND = 0): ${count} sequence number${count === 1 ? ' is' : 's are'} dropped, but the segment's ACK is still processed; the ACK in reply tells the sender the window is still closed.`,
    'zh-CN': ({ count }) => `接收窗口已关闭（RCV.WND = 0）：丢弃 ${count} 个序列号，但仍处理该报文段的 ACK；回复的 ACK 告诉发送方窗口仍然关闭。`,
  } satisfies Message<{ count: number }>,
  holeReply: {
    en: 'data beyond a hole is answered by a duplicate ACK for RCV.NXT',
    'zh-CN': '对空洞之后的数据回复确认号为 RCV.NXT 的重复 ACK',
  },
  outOfOrder: {
    en: ({ seq, rcvNxt }) => `SEG.SEQ = ${seq} is beyond RCV.NXT = ${rcvNxt}: a segment before it is missing. Queue it and send a duplicate ACK.`,
    'zh-CN': ({ seq, rcvNxt }) => `SEG.SEQ = ${seq} 超过了 RCV.NXT = ${rcvNxt}：它前面缺了一个报文段。把它放入队列，并发送重复 ACK。`,
  } satisfies Message<RcvNxt & { seq: string }>,
  dataAccepted: {
    en: ({ bytes, rcvNxt }) => `accept ${bytes} bytes: RCV.NXT = ${rcvNxt}.`,
    'zh-CN': ({ bytes, rcvNxt }) => `接收 ${bytes} 字节：RCV.NXT = ${rcvNxt}。`,
  } satisfies Message<RcvNxt & { bytes: number }>,
  dataAfterFin: {
    en: ({ state }) => `${state}: the peer already sent FIN, so data cannot follow; it is ignored.`,
    'zh-CN': ({ state }) => `${state}：对端已经发送过 FIN，之后不会再有数据；忽略这些数据。`,
  } satisfies Message<State>,
  duplicate: {
    en: 'a duplicate of numbers already received: acknowledge again (RCV.NXT unchanged).',
    'zh-CN': '重复报文段，其序列号都已收到过：再次确认（RCV.NXT 不变）。',
  },
  duplicateReply: { en: 'a duplicate is acknowledged again', 'zh-CN': '重复报文段要再次确认' },
  closedWindowReply: {
    en: 'data for a closed window is dropped and answered by an ACK for RCV.NXT',
    'zh-CN': '窗口关闭时到达的数据被丢弃，并回复确认号为 RCV.NXT 的 ACK',
  },
  receivedReply: { en: 'received data or FIN is acknowledged', 'zh-CN': '收到的数据或 FIN 要确认' },

  // The ACK check
  synReceivedAnswersBadAck: {
    en: 'SYN-RECEIVED answers an unacceptable ACK by <SEQ=SEG.ACK><CTL=RST>',
    'zh-CN': 'SYN-RECEIVED 对不可接受的 ACK 回复 <SEQ=SEG.ACK><CTL=RST>',
  },
  synReceivedBadAck: {
    en: ({ ack, una, nxt }) => `SYN-RECEIVED: SEG.ACK = ${ack} does not acknowledge our SYN (SND.UNA = ${una}, SND.NXT = ${nxt}): send <SEQ=SEG.ACK><CTL=RST>.`,
    'zh-CN': ({ ack, una, nxt }) => `SYN-RECEIVED：SEG.ACK = ${ack} 没有确认我们的 SYN（SND.UNA = ${una}，SND.NXT = ${nxt}）：发送 <SEQ=SEG.ACK><CTL=RST>。`,
  } satisfies Message<{ ack: string; una: string; nxt: string }>,
  synReceivedAcked: {
    en: ({ ack }) => `SYN-RECEIVED: the ACK acknowledges our SYN (SND.UNA < ${ack} ≤ SND.NXT): enter ESTABLISHED.`,
    'zh-CN': ({ ack }) => `SYN-RECEIVED：该 ACK 确认了我们的 SYN（SND.UNA < ${ack} ≤ SND.NXT）：进入 ESTABLISHED。`,
  } satisfies Message<{ ack: string }>,
  timeWaitFin: {
    en: 'TIME-WAIT: only a retransmission of the peer\'s FIN can arrive; acknowledge it and restart the 2 MSL timer.',
    'zh-CN': 'TIME-WAIT：这时能到达的只有对端 FIN 的重传；确认它，并重新启动 2MSL 定时器。',
  },
  timeWaitReply: { en: 'TIME-WAIT acknowledges a retransmitted FIN', 'zh-CN': 'TIME-WAIT 确认重传的 FIN' },
  ackOfUnsentReply: {
    en: 'an ACK of something not yet sent is answered by an ACK',
    'zh-CN': '对确认了尚未发送的数据的 ACK，回复一个 ACK',
  },
  ackOfUnsent: {
    en: ({ ack, sndNxt }) => `SEG.ACK = ${ack} acknowledges something not yet sent (SND.NXT = ${sndNxt}): send an ACK and drop the segment.`,
    'zh-CN': ({ ack, sndNxt }) => `SEG.ACK = ${ack} 确认了尚未发送的数据（SND.NXT = ${sndNxt}）：发送 ACK 并丢弃该报文段。`,
  } satisfies Message<{ ack: string; sndNxt: string }>,
  finWait1Acked: {
    en: 'FIN-WAIT-1: our FIN is acknowledged: enter FIN-WAIT-2.',
    'zh-CN': 'FIN-WAIT-1：我们的 FIN 已被确认：进入 FIN-WAIT-2。',
  },
  closingAcked: {
    en: 'CLOSING: our FIN is acknowledged: enter TIME-WAIT (start the 2 MSL timer).',
    'zh-CN': 'CLOSING：我们的 FIN 已被确认：进入 TIME-WAIT（启动 2MSL 定时器）。',
  },
  lastAckAcked: {
    en: 'LAST-ACK: our FIN is acknowledged: delete the TCB, enter CLOSED.',
    'zh-CN': 'LAST-ACK：我们的 FIN 已被确认：删除 TCB，进入 CLOSED。',
  },

  // The FIN check
  readEof: {
    en: ({ unread }) => (unread > 0 ? `read() returns the remaining ${unread} bytes, then 0 (end of file)` : 'read() returns 0 (end of file)'),
    'zh-CN': ({ unread }) => (unread > 0 ? `read() 先返回剩余的 ${unread} 字节，然后返回 0（文件结束）` : 'read() 返回 0（文件结束）'),
  } satisfies Message<{ unread: number }>,
  finArrives: {
    en: ({ rcvNxt, before, after }) => `FIN: RCV.NXT = ${rcvNxt}; acknowledge it, ${after === before ? `remain in ${before}` : `enter ${after}`}${after === 'TIME-WAIT' ? ' and start the 2 MSL timer' : ''}.`,
    'zh-CN': ({ rcvNxt, before, after }) => `FIN：RCV.NXT = ${rcvNxt}；确认它，${after === before ? `保持 ${before}` : `进入 ${after}`}${after === 'TIME-WAIT' ? '，并启动 2MSL 定时器' : ''}。`,
  } satisfies Message<RcvNxt & { before: string; after: string }>,

  // RST (RFC 5961 §3.2)
  rstChallengeReply: {
    en: 'an in-window RST that is not exactly at RCV.NXT is answered by a challenge ACK',
    'zh-CN': '在窗口内但不正好等于 RCV.NXT 的 RST，回复挑战 ACK',
  },
  rstInWindow: {
    en: ({ rcvNxt }) => `RST in the window but not at RCV.NXT = ${rcvNxt}: send a challenge ACK and drop it (blind reset protection).`,
    'zh-CN': ({ rcvNxt }) => `RST 在窗口内，但不等于 RCV.NXT = ${rcvNxt}：发送挑战 ACK 并丢弃它（防御盲重置攻击）。`,
  } satisfies Message<RcvNxt>,
  rstInSynReceived: {
    en: 'RST in SYN-RECEIVED of a passive OPEN: return to LISTEN.',
    'zh-CN': '被动打开的连接在 SYN-RECEIVED 中收到 RST：回到 LISTEN。',
  },
  resetEffect: {
    en: ({ error }) => `${error} ("connection ${error === 'ECONNREFUSED' ? 'refused' : 'reset'}")`,
    'zh-CN': ({ error }) => `${error}（「连接${error === 'ECONNREFUSED' ? '被拒绝' : '被重置'}」）`,
  } satisfies Message<{ error: string }>,
  rstAtRcvNxt: {
    en: ({ state, signal }) => `RST at RCV.NXT in ${state}: ${signal ? 'signal the user, ' : ''}delete the TCB, enter CLOSED.`,
    'zh-CN': ({ state, signal }) => `${state} 中收到序列号等于 RCV.NXT 的 RST：${signal ? '通知用户，' : ''}删除 TCB，进入 CLOSED。`,
  } satisfies Message<State & { signal: boolean }>,

  // Replies of the rules in their own functions
  synAckStillDue: { en: 'the SYN,ACK is still due', 'zh-CN': '仍应发送 SYN,ACK' },
  synRetransmittedReply: {
    en: 'a retransmitted SYN (SEG.SEQ = RCV.NXT-1) is not acceptable: send <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>',
    'zh-CN': '重传的 SYN（SEG.SEQ = RCV.NXT-1）不可接受：发送 <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>',
  },
  dataAfterCloseReply: {
    en: 'data after CLOSE is answered by <SEQ=SND.NXT><CTL=RST> (RFC 9293 §3.6.1, SHLD-3)',
    'zh-CN': '对 CLOSE 之后到达的数据回复 <SEQ=SND.NXT><CTL=RST>（RFC 9293 §3.6.1，SHLD-3）',
  },
  timeWaitReopenReply: {
    en: 'a SYN reopening from TIME-WAIT is answered by <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>',
    'zh-CN': '对在 TIME-WAIT 中重新打开连接的 SYN 回复 <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>',
  },
});
