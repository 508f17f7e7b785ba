/**
 * What the engine explains about a line (the hover, the CLI's explanation, the diagram's
 * notes): the RFC 9293 rules added since the catalogue began. The older explanations are
 * still plain English in server/src/engine and move here as they are touched.
 */
import { messages, type Message } from '../catalogue.js';

export const engineMessages = messages({
  rstOutsideWindow: {
    en: ({ seq, rcvNxt, wnd }) => `RST with SEG.SEQ = ${seq} outside the receive window (RCV.NXT = ${rcvNxt}, RCV.WND = ${wnd}): silently dropped (RFC 5961 §3.2, step 1).`,
    'zh-CN': ({ seq, rcvNxt, wnd }) => `RST 的 SEG.SEQ = ${seq} 在接收窗口之外（RCV.NXT = ${rcvNxt}，RCV.WND = ${wnd}）：静默丢弃（RFC 5961 §3.2 第 1 步）。`,
  } satisfies Message<{ seq: string; rcvNxt: string; wnd: number }>,
  finOnSynAck: {
    en: 'the SYN,ACK also carries FIN: "continue processing at the sixth step under Section 3.10.7.4", where the FIN closes the receiving side.',
    'zh-CN': 'SYN,ACK 还带有 FIN：按 RFC「从 3.10.7.4 节的第六步继续处理」，FIN 在那里关闭接收方向。',
  } satisfies Message,
  synTextQueued: {
    en: ({ bytes, fin, rcvNxt }) => `the SYN carries ${bytes} bytes${fin ? ' and a FIN' : ''}: RCV.NXT = SEG.SEQ+1 = ${rcvNxt} only; the text is queued until the connection is ESTABLISHED, then acknowledged.`,
    'zh-CN': ({ bytes, fin, rcvNxt }) => `SYN 携带 ${bytes} 字节${fin ? '和一个 FIN' : ''}：RCV.NXT 只设为 SEG.SEQ+1 = ${rcvNxt}；这些数据排队等到连接进入 ESTABLISHED 后再处理并确认。`,
  } satisfies Message<{ bytes: number; fin: boolean; rcvNxt: string }>,
  synTextProcessed: {
    en: ({ bytes, rcvNxt }) => `ESTABLISHED: the ${bytes} sequence numbers queued with the SYN are processed now: RCV.NXT = ${rcvNxt}; acknowledge them.`,
    'zh-CN': ({ bytes, rcvNxt }) => `ESTABLISHED：随 SYN 排队的 ${bytes} 个序号现在处理：RCV.NXT = ${rcvNxt}；发送确认。`,
  } satisfies Message<{ bytes: number; rcvNxt: string }>,
  synRetransmitted: {
    en: ({ rcvNxt, pending }) => `the peer's SYN again (a retransmission: our SYN,ACK was lost or is late). SEG.SEQ = RCV.NXT-1 (RCV.NXT = ${rcvNxt}) is not acceptable by Table 6, so ${pending ? 'the SYN,ACK is still owed' : 'an ACK is owed; stacks re-send the SYN,ACK instead, which is accepted as its retransmission'}.`,
    'zh-CN': ({ rcvNxt, pending }) => `对端再次发来 SYN（重传：我们的 SYN,ACK 丢失或迟到）。SEG.SEQ = RCV.NXT-1（RCV.NXT = ${rcvNxt}）按表 6 不可接受，所以${pending ? '仍欠对端一个 SYN,ACK' : '应回一个 ACK；协议栈通常改为重发 SYN,ACK，这作为其重传同样被接受'}。`,
  } satisfies Message<{ rcvNxt: string; pending: boolean }>,
  acceptAfterClose: {
    en: ({ name }) => `${name} is CLOSED: it listened, but its connection is gone (reset, aborted, timed out or closed), so accept() has nothing to return. Call listen again to accept another connection.`,
    'zh-CN': ({ name }) => `${name} 处于 CLOSED：它调用过 listen，但连接已不存在（被重置、中止、超时或关闭），所以 accept() 没有可返回的连接。要接受新连接，请再次调用 listen。`,
  } satisfies Message<{ name: string }>,
  synAckAtClosed: {
    en: ({ name }) => `${name} is CLOSED (no TCB), so this SYN,ACK answers no SYN of its: it is discarded and answered by <SEQ=SEG.ACK><CTL=RST>, which tells the sender to abandon its half-open connection.`,
    'zh-CN': ({ name }) => `${name} 处于 CLOSED（没有 TCB），这个 SYN,ACK 不是对它发出的任何 SYN 的应答：丢弃它并回复 <SEQ=SEG.ACK><CTL=RST>，让发送方放弃这条半开连接。`,
  } satisfies Message<{ name: string }>,
  injected: {
    en: 'a segment injected or delivered late (-->): only the receiver acts on it; the sender\'s state is not involved.',
    'zh-CN': '注入的或迟到的报文段（-->）：只有接收方处理它，与发送方的状态无关。',
  } satisfies Message,
  oldDuplicate: {
    en: ({ rcvNxt }) => `an old duplicate (-->): every sequence number it carries was received already (RCV.NXT = ${rcvNxt}); only the receiver acts on it.`,
    'zh-CN': ({ rcvNxt }) => `旧的重复报文段（-->）：它携带的每个序号都已收到过（RCV.NXT = ${rcvNxt}）；只有接收方处理它。`,
  } satisfies Message<{ rcvNxt: string }>,
  closeUnreadEffect: {
    en: ({ bytes }) => `close() with ${bytes} unread bytes: RST, not FIN`,
    'zh-CN': ({ bytes }) => `close() 时还有 ${bytes} 字节未读：发送 RST，而不是 FIN`,
  } satisfies Message<{ bytes: number }>,
  closeUnread: {
    en: ({ bytes }) => `CLOSE while ${bytes} received bytes are unread: the application reads no more, so they are lost; the host SHOULD send a RST to show that data was lost (SHLD-3) instead of a FIN: send <SEQ=SND.NXT><CTL=RST>, delete the TCB, enter CLOSED.`,
    'zh-CN': ({ bytes }) => `调用 CLOSE 时还有 ${bytes} 个已收到的字节未读：应用不再读取，这些数据丢失；主机应（SHOULD，SHLD-3）发送 RST 表明数据丢失，而不是 FIN：发送 <SEQ=SND.NXT><CTL=RST>，删除 TCB，进入 CLOSED。`,
  } satisfies Message<{ bytes: number }>,
  dataAfterCloseEffect: {
    en: ({ bytes }) => `${bytes} bytes after close(): RST`,
    'zh-CN': ({ bytes }) => `close() 之后又收到 ${bytes} 字节：发送 RST`,
  } satisfies Message<{ bytes: number }>,
  dataAfterClose: {
    en: ({ bytes }) => `${bytes} bytes arrive after the application called close: nothing will read them, so the host SHOULD send a RST to show that data was lost (SHLD-3): send <SEQ=SND.NXT><CTL=RST>, delete the TCB, enter CLOSED.`,
    'zh-CN': ({ bytes }) => `应用调用 close 之后又到达 ${bytes} 字节：不会再有人读取它们，所以主机应（SHOULD，SHLD-3）发送 RST 表明数据丢失：发送 <SEQ=SND.NXT><CTL=RST>，删除 TCB，进入 CLOSED。`,
  } satisfies Message<{ bytes: number }>,
  keepAlive: { en: 'keep-alive', 'zh-CN': '保活探测' } satisfies Message,
  windowProbe: { en: 'window probe', 'zh-CN': '零窗口探测' } satisfies Message,
  probeSent: {
    en: ({ probe }) => `${probe}: SEG.SEQ = SND.UNA-1, a number the peer has already acknowledged, so the segment is neither new nor a retransmission: it is sent to make the peer answer with an ACK.`,
    'zh-CN': ({ probe }) => `${probe}：SEG.SEQ = SND.UNA-1，是对端已确认过的序号，所以它既不是新数据也不是重传：发送它是为了让对端回一个 ACK。`,
  } satisfies Message<{ probe: string }>,
  probeArrives: {
    en: ({ probe, rcvNxt, wnd }) => `${probe}: SEG.SEQ = RCV.NXT-1 (RCV.NXT = ${rcvNxt}, RCV.WND = ${wnd}) is not acceptable (Table 6), which is the point: answer with <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>, showing the next expected number and the current window.`,
    'zh-CN': ({ probe, rcvNxt, wnd }) => `${probe}：SEG.SEQ = RCV.NXT-1（RCV.NXT = ${rcvNxt}，RCV.WND = ${wnd}）按表 6 不可接受，这正是它的用意：回复 <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>，告知下一个期望的序号和当前窗口。`,
  } satisfies Message<{ probe: string; rcvNxt: string; wnd: number }>,
  keepAliveTimer: {
    en: 'the keep-alive timer fires on an idle connection: send a keep-alive <SEQ=SND.NXT-1><ACK=RCV.NXT><CTL=ACK> (the next segment line from this endpoint); the peer answers with an ACK.',
    'zh-CN': '空闲连接上的保活定时器到期：发送保活报文 <SEQ=SND.NXT-1><ACK=RCV.NXT><CTL=ACK>（本端的下一条报文段行）；对端会回一个 ACK。',
  } satisfies Message,
  keepAliveTimerRefused: {
    en: ({ name, state }) => `${name} is ${state}: keep-alives are sent only on a synchronized connection with no sent data outstanding (RFC 9293 §3.8.4, MUST-26).`,
    'zh-CN': ({ name, state }) => `${name} 处于 ${state}：只有在已同步、且没有未确认的已发送数据的连接上才发送保活报文（RFC 9293 §3.8.4，MUST-26）。`,
  } satisfies Message<{ name: string; state: string }>,
  persistTimer: {
    en: 'the persist timer fires while the peer\'s window is zero: send a window probe (the next segment line from this endpoint); the peer answers with an ACK showing its window.',
    'zh-CN': '对端窗口为零时持续定时器到期：发送零窗口探测（本端的下一条报文段行）；对端会回一个告知其窗口的 ACK。',
  } satisfies Message,
  persistTimerRefused: {
    en: ({ name, state }) => `${name} is ${state}: the persist timer runs only while the peer advertises a zero window (win=0) on a synchronized connection (RFC 9293 §3.8.6.1).`,
    'zh-CN': ({ name, state }) => `${name} 处于 ${state}：只有在已同步的连接上、对端通告零窗口（win=0）时，持续定时器才会运行（RFC 9293 §3.8.6.1）。`,
  } satisfies Message<{ name: string; state: string }>,
  timeWaitReopen: {
    en: ({ seq, oldSndNxt }) => `a new SYN in TIME-WAIT (SEG.SEQ = ${seq}, past everything of the old connection) may reopen it (MAY-2): enter SYN-RECEIVED and send SYN,ACK with an ISS larger than any number the old connection used (SND.NXT was ${oldSndNxt}; Linux picks it + 65537).`,
    'zh-CN': ({ seq, oldSndNxt }) => `TIME-WAIT 中收到新的 SYN（SEG.SEQ = ${seq}，超出旧连接的所有序号），可以重新打开连接（MAY-2）：进入 SYN-RECEIVED，并以大于旧连接用过的任何序号的 ISS 发送 SYN,ACK（旧的 SND.NXT 为 ${oldSndNxt}；Linux 取它加 65537）。`,
  } satisfies Message<{ seq: string; oldSndNxt: string }>,
});
