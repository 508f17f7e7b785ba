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
});
