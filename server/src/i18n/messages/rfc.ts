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

  // The linux profile (engine/profile.ts); each names the kernel behaviour and the RFC.
  linuxDropsAckOfUnsent: {
    en: ({ ack, sndNxt }) => `linux profile: SEG.ACK = ${ack} acknowledges data never sent (SND.NXT = ${sndNxt}); Linux drops it silently (tcp_ack(): "If the ack includes data we haven't sent yet, discard this segment"), where RFC 9293 §3.10.7.4 and RFC 5961 §5.2 send an ACK.`,
    'zh-CN': ({ ack, sndNxt }) => `linux 配置：SEG.ACK = ${ack} 确认了从未发送的数据（SND.NXT = ${sndNxt}）；Linux 静默丢弃它（tcp_ack()：「如果确认包含了我们尚未发送的数据，丢弃该报文段」），而 RFC 9293 §3.10.7.4 和 RFC 5961 §5.2 要求回复 ACK。`,
  } satisfies Message<{ ack: string; sndNxt: string }>,
  linuxRfc1337: {
    en: 'linux profile with rfc1337: TIME-WAIT ignores the RST (net.ipv4.tcp_rfc1337=1, the remedy of RFC 1337 for TIME-WAIT assassination); RFC 9293 §3.10.7.4 would delete the TCB. The 2 MSL timer keeps running.',
    'zh-CN': 'linux 配置（rfc1337）：TIME-WAIT 忽略该 RST（net.ipv4.tcp_rfc1337=1，即 RFC 1337 针对 TIME-WAIT 暗杀的补救）；按 RFC 9293 §3.10.7.4 本应删除 TCB。2 MSL 计时器继续运行。',
  } satisfies Message,
  linuxResetInAcceptQueue: {
    en: 'linux profile: the connection was reset before accept(): the closed child socket stays in the listener\'s accept queue, and accept() will return it (its first read() fails with ECONNRESET). By RFC 9293 §3.10.7.4 the TCB is simply deleted.',
    'zh-CN': 'linux 配置：连接在 accept() 之前被重置：已关闭的子套接字留在监听套接字的接受队列中，accept() 仍会返回它（第一次 read() 失败并返回 ECONNRESET）。按 RFC 9293 §3.10.7.4，TCB 直接被删除。',
  } satisfies Message,
  // The rule an explanation cites for the Linux accept queue (engine/step-context.ts, RFC.linuxAcceptQueue).
  linuxAcceptQueueRule: {
    en: 'Linux accept queue (RFC 9293 §3.10.7.4)',
    'zh-CN': 'Linux 全连接队列（accept 队列，RFC 9293 §3.10.7.4）',
  } satisfies Message,
  acceptReturnsResetEffect: {
    en: 'accept() returns the connection, already reset: read() fails with ECONNRESET',
    'zh-CN': 'accept() 返回该连接，但它已被重置：read() 失败并返回 ECONNRESET',
  } satisfies Message,
  acceptReturnsReset: {
    en: 'linux profile: accept() takes the reset child from the accept queue and returns it closed (RFC 9293 has no accept queue: there, accept() would have nothing to return).',
    'zh-CN': 'linux 配置：accept() 从接受队列取出已被重置的子套接字，并返回这个已关闭的连接（RFC 9293 没有接受队列：按它，accept() 没有可返回的连接）。',
  } satisfies Message,
  fastOpenAccepted: {
    en: ({ bytes, rcvNxt }) => `TCP Fast Open (tfo, RFC 7413 §4.2): the ${bytes} bytes on the SYN are accepted now and the SYN,ACK acknowledges them: RCV.NXT = ${rcvNxt} (linux profile, net.ipv4.tcp_fastopen).`,
    'zh-CN': ({ bytes, rcvNxt }) => `TCP 快速打开（tfo，RFC 7413 §4.2）：SYN 上的 ${bytes} 字节现在就被接收，SYN,ACK 确认它们：RCV.NXT = ${rcvNxt}（linux 配置，net.ipv4.tcp_fastopen）。`,
  } satisfies Message<{ bytes: number; rcvNxt: string }>,
  fastOpenNotRfc9293: {
    en: 'the SYN carries a Fast Open cookie (tfo), but TCP Fast Open is RFC 7413, not RFC 9293: under the rfc9293 profile its data waits for ESTABLISHED like any SYN text (§3.10.7.2). `profile linux` takes it at once.',
    'zh-CN': 'SYN 带有快速打开 cookie（tfo），但 TCP 快速打开属于 RFC 7413 而非 RFC 9293：在 rfc9293 配置下，其数据像其他 SYN 携带的数据一样等到 ESTABLISHED 再处理（§3.10.7.2）。`profile linux` 会立即接收。',
  } satisfies Message,
  linuxSynRetries: {
    en: ({ retries, seconds }) => `linux profile: connect() gives up after net.ipv4.tcp_syn_retries = ${retries} retransmissions of the SYN (backing off from 1 s: about ${seconds} s in all) and fails with ETIMEDOUT; RFC 9293 §3.8.3 leaves the limit to the implementation (R2 for a SYN at least 3 minutes, MUST-23).`,
    'zh-CN': ({ retries, seconds }) => `linux 配置：SYN 重传 net.ipv4.tcp_syn_retries = ${retries} 次后（从 1 秒开始退避，总共约 ${seconds} 秒）connect() 放弃并返回 ETIMEDOUT；RFC 9293 §3.8.3 把上限留给实现决定（SYN 的 R2 至少 3 分钟，MUST-23）。`,
  } satisfies Message<{ retries: number; seconds: number }>,

  aProfileName: { en: 'a profile name (rfc9293 or linux)', 'zh-CN': '一个配置名称（rfc9293 或 linux）' },
  unknownProfile: {
    en: ({ written, names }) => `\`${written}\` is not a profile: the profiles are ${names}.`,
    'zh-CN': ({ written, names }) => `\`${written}\` 不是配置名称：可用的配置有 ${names}。`,
  } satisfies Message<{ written: string; names: string }>,
  unknownProfileOption: {
    en: ({ written, name, options }) => `\`${written}\` means nothing to the ${name} profile${options ? ` (its options: ${options})` : ', which has no options'}; it is ignored.`,
    'zh-CN': ({ written, name, options }) => `\`${written}\` 对 ${name} 配置没有意义${options ? `（它的选项有：${options}）` : '，该配置没有选项'}；已忽略。`,
  } satisfies Message<{ written: string; name: string; options: string }>,

  profileOptionTakes: {
    en: ({ command, names }) => `${command}: --profile takes ${names}`,
    'zh-CN': ({ command, names }) => `${command}：--profile 的取值为 ${names}`,
  } satisfies Message<{ command: string; names: string }>,
  // What joins the profile names in profileOptionTakes (`rfc9293 or linux`).
  profileNamesOr: { en: ' or ', 'zh-CN': ' 或 ' },
  // The hover of an event line: replies an earlier line made due, not sent yet (engine/still-owed.ts).
  hoverStillOwedHeading: { en: 'Still owed', 'zh-CN': '仍未回复' } satisfies Message,
  hoverStillOwes: {
    en: ({ participant, reply, reason }) => `${participant} still owes ${reply} — ${reason}`,
    'zh-CN': ({ participant, reply, reason }) => `${participant} 仍应回复 ${reply} —— ${reason}`,
  } satisfies Message<{ participant: string; reply: string; reason: string }>,
});
