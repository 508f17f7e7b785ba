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
});
