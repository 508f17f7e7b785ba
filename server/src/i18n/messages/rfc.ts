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

  // Options (issue 11, "Timestamps and options").
  setWindowMax: { en: 'Set win=65535, the largest unscaled window', 'zh-CN': '改为 win=65535，即不缩放时的最大窗口' },
  windowAbove16Bits: {
    en: ({ win, syn }) => `win=${win} cannot be on the wire: the window field is 16 bits (at most 65535, RFC 9293 §3.1), and ${syn ? 'the window of a SYN is never scaled (RFC 7323 §2.2)' : 'no window scale is in effect (both SYNs must carry wscale=, RFC 7323 §2.2)'}. Write win=65535 or less, or negotiate window scaling on the SYNs.`,
    'zh-CN': ({ win, syn }) => `win=${win} 不可能出现在线路上：窗口字段只有 16 位（最大 65535，RFC 9293 §3.1），而且${syn ? 'SYN 报文段的窗口从不缩放（RFC 7323 §2.2）' : '当前没有生效的窗口缩放（两个 SYN 都必须带 wscale=，RFC 7323 §2.2）'}。请写 win=65535 或更小的值，或在 SYN 上协商窗口缩放。`,
  } satisfies Message<{ win: number; syn: boolean }>,
  windowAboveScaled: {
    en: ({ win, shift, max }) => `win=${win} is more than the window field can say with wscale=${shift}: at most 65535 × 2^${shift} = ${max} (RFC 7323 §2.2). win= is the scaled window in bytes.`,
    'zh-CN': ({ win, shift, max }) => `win=${win} 超出了 wscale=${shift} 时窗口字段能表示的范围：最多 65535 × 2^${shift} = ${max}（RFC 7323 §2.2）。win= 是缩放后的窗口字节数。`,
  } satisfies Message<{ win: number; shift: number; max: number }>,
  pawsRejects: {
    en: ({ tsval, tsRecent }) => `PAWS: TSval = ${tsval} is older than TS.Recent = ${tsRecent}, so the segment is not acceptable whatever its sequence number ("treat the arriving segment as not acceptable: Send an acknowledgment in reply", RFC 7323 §5.3 R1); send an ACK and drop it.`,
    'zh-CN': ({ tsval, tsRecent }) => `PAWS：TSval = ${tsval} 早于 TS.Recent = ${tsRecent}，因此无论序号如何该报文段都不可接受（RFC 7323 §5.3 R1：「将到达的报文段视为不可接受：回复一个确认」）；发送 ACK 并丢弃它。`,
  } satisfies Message<{ tsval: number; tsRecent: number }>,
  timeWaitTimestampReopen: {
    en: ({ tsval, tsRecent }) => `the old connection used timestamps and this SYN's TSval = ${tsval} is greater than the last one seen (${tsRecent}): "honor the connection request" whatever its sequence number (RFC 6191 §2, RFC 9293 §3.6.1 SHLD-4).`,
    'zh-CN': ({ tsval, tsRecent }) => `旧连接使用了时间戳，而此 SYN 的 TSval = ${tsval} 大于最后见到的值（${tsRecent}）：无论其序号如何，都「接受该连接请求」（RFC 6191 §2，RFC 9293 §3.6.1 SHLD-4）。`,
  } satisfies Message<{ tsval: number; tsRecent: number }>,
  timeWaitTimestampDrop: {
    en: ({ tsval, tsRecent }) => `the old connection used timestamps and this SYN's TSval = ${tsval} is older than the last one seen (${tsRecent}): "silently drop the incoming SYN segment, thus leaving the previous incarnation of the connection in the TIME-WAIT state" (RFC 6191 §2).`,
    'zh-CN': ({ tsval, tsRecent }) => `旧连接使用了时间戳，而此 SYN 的 TSval = ${tsval} 早于最后见到的值（${tsRecent}）：「静默丢弃到达的 SYN 报文段，使旧连接继续停留在 TIME-WAIT 状态」（RFC 6191 §2）。`,
  } satisfies Message<{ tsval: number; tsRecent: number }>,
});
