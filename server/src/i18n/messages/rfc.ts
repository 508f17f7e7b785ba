/**
 * Issue 11's texts: segments with no flags, the TCP options (RFC 7323 timestamps and
 * window scale, RFC 2018 SACK), the `linux` profile and its differences from RFC 9293.
 * A table of its own so that the reader and engine tables other work adds to stay apart.
 */
import { messages, type Message } from '../catalogue.js';

export const rfcMessages = messages({
  // The reader.
  flagsOrDash: {
    en: 'Cannot read this line: Expected the flags (SYN, ACK, …), `-` for a segment with none, or its fields, but found end of line.',
    'zh-CN': '无法读取此行：此处应为标志（SYN、ACK 等）、表示没有标志的 `-` 或报文段字段，但遇到了行尾。',
  } satisfies Message,
  timestampValues: {
    en: 'Cannot read this line: the Timestamps option is written ts=TSVAL,TSECR, two numbers (RFC 7323 §3), e.g. ts=100,0.',
    'zh-CN': '无法读取此行：时间戳选项写作 ts=TSVAL,TSECR，即两个数字（RFC 7323 §3），例如 ts=100,0。',
  } satisfies Message,
  timestampRange: {
    en: ({ max }) => `TSval and TSecr are 32-bit numbers (0 to ${max}, RFC 7323 §3).`,
    'zh-CN': ({ max }) => `TSval 和 TSecr 是 32 位数字（0 到 ${max}，RFC 7323 §3）。`,
  } satisfies Message<{ max: number }>,

  // Segments with no flags (issue 11, item 9).
  aFlaglessSegment: { en: 'a segment without flags', 'zh-CN': '不带标志的报文段' },
  synchronizedWithoutAck: {
    en: ({ flagless }) => `once a connection is synchronized every segment carries ACK ("Once a connection is established, this is always sent", RFC 9293 §3.1; "all segments must carry current acknowledgment information", §3.4); ${flagless ? 'a segment with no flags' : 'without it, the segment'} is dropped by the receiver (§3.10.7.4, "if the ACK bit is off, drop the segment"). Add ACK, or write it as injected (-->) to show what the receiver does with it.`,
    'zh-CN': ({ flagless }) => `连接同步之后，每个报文段都带 ACK（RFC 9293 §3.1：「连接建立后总是发送确认号」；§3.4：「所有报文段都必须携带当前的确认信息」）；${flagless ? '不带任何标志的报文段' : '不带 ACK 的报文段'}会被接收方丢弃（§3.10.7.4：「如果 ACK 位未置位，丢弃该报文段」）。请加上 ACK，或把它写成注入的报文段（-->）来展示接收方如何处理。`,
  } satisfies Message<{ flagless: boolean }>,
  addAckFlag: { en: 'Add the ACK flag', 'zh-CN': '加上 ACK 标志' },
  ackBitOff: {
    en: ({ flagless }) => `${flagless ? 'a segment with no flags: ' : ''}the ACK bit is off: drop the segment (RFC 9293 §3.10.7.4, fifth check: "if the ACK bit is off, drop the segment and return").`,
    'zh-CN': ({ flagless }) => `${flagless ? '不带任何标志的报文段：' : ''}ACK 位未置位：丢弃该报文段（RFC 9293 §3.10.7.4 第五项检查：「如果 ACK 位未置位，丢弃该报文段并返回」）。`,
  } satisfies Message<{ flagless: boolean }>,
  listenDropsOther: {
    en: 'LISTEN: a segment with neither SYN, ACK nor RST is dropped ("Any other control or data-bearing segment (not containing SYN) must have an ACK and thus would have been discarded by the ACK processing", §3.10.7.2, fourth step).',
    'zh-CN': 'LISTEN：既没有 SYN、也没有 ACK 和 RST 的报文段被丢弃（§3.10.7.2：「任何其他控制或携带数据的报文段（不含 SYN）都必须带 ACK，因此已在 ACK 处理中被丢弃」）。',
  } satisfies Message,
});
