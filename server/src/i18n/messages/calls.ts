/**
 * What the user calls and timeouts do, as RFC 9293 §3.10.1-3.10.5 and §3.10.8 say
 * (engine/calls.ts): why a call is refused (`call-not-allowed`), the explanation of
 * what it does, and what the socket call returns. The RFC's error texts ("error:
 * connection already exists") are quoted as the RFC writes them, with a gloss in Chinese.
 */
import { messages, type Message } from '../catalogue.js';

type Who = { name: string; state: string };
type Rfc = { rfc: string };
type Name = { name: string };

export const callMessages = messages({
  // listen, connect, accept
  listenNotAllowed: {
    en: ({ name, state, rfc }) => `${name} is ${state}: listen (a passive OPEN) needs CLOSED; in any other state OPEN answers "error: connection already exists" (${rfc}).`,
    'zh-CN': ({ name, state, rfc }) => `${name} 处于 ${state}：listen（被动打开）要求处于 CLOSED；在其他状态下 OPEN 返回 "error: connection already exists"（连接已存在）（${rfc}）。`,
  } satisfies Message<Who & Rfc>,
  passiveOpen: {
    en: 'passive OPEN: wait for a SYN from any remote endpoint.',
    'zh-CN': '被动打开：等待任意远端发来的 SYN。',
  },
  connectNotAllowed: {
    en: ({ name, state, rfc }) => `${name} is ${state}: connect (an active OPEN) needs CLOSED (or LISTEN, which it turns active); otherwise "error: connection already exists" (${rfc}).`,
    'zh-CN': ({ name, state, rfc }) => `${name} 处于 ${state}：connect（主动打开）要求处于 CLOSED（或 LISTEN，它会转为主动打开）；否则返回 "error: connection already exists"（连接已存在）（${rfc}）。`,
  } satisfies Message<Who & Rfc>,
  activeOpen: {
    en: 'active OPEN: choose an ISS and send a SYN (the next segment line from this endpoint); connect() blocks until the handshake completes.',
    'zh-CN': '主动打开：选择一个 ISS（初始序列号）并发送 SYN（本端的下一条报文段行）；connect() 阻塞，直到三次握手完成。',
  },
  acceptWithoutListen: {
    en: ({ name, state }) => `${name} is ${state} and never called listen: accept() takes connections from a listening socket. Add \`${name}: listen\` before the SYN arrives.`,
    'zh-CN': ({ name, state }) => `${name} 处于 ${state}，且从未调用 listen：accept() 从监听套接字上取出连接。请在 SYN 到达之前加上 \`${name}: listen\`。`,
  } satisfies Message<Who>,
  acceptBlocks: { en: 'accept() blocks until the handshake completes', 'zh-CN': 'accept() 阻塞，直到三次握手完成' },
  acceptReturns: { en: 'accept() returns the established connection', 'zh-CN': 'accept() 返回已建立的连接' },

  // send, recv
  sendClosed: {
    en: ({ name, rfc }) => `${name} is CLOSED: SEND answers "error: connection does not exist" (${rfc}).`,
    'zh-CN': ({ name, rfc }) => `${name} 处于 CLOSED：SEND 返回 "error: connection does not exist"（连接不存在）（${rfc}）。`,
  } satisfies Message<Name & Rfc>,
  sendListen: {
    en: ({ name, rfc }) => `${name} is LISTEN: a listening socket has no remote endpoint, so SEND answers "error: remote socket unspecified" (${rfc}); send() on it fails with ENOTCONN. Data is sent on the connection accept() returns.`,
    'zh-CN': ({ name, rfc }) => `${name} 处于 LISTEN：监听套接字没有远端，所以 SEND 返回 "error: remote socket unspecified"（未指定远端套接字）（${rfc}）；在它上面调用 send() 失败，返回 ENOTCONN。数据要在 accept() 返回的连接上发送。`,
  } satisfies Message<Name & Rfc>,
  sendClosing: {
    en: ({ name, state, rfc }) => `${name} has closed its sending side (${state}): SEND answers "error: connection closing" (${rfc}); write() fails with EPIPE.`,
    'zh-CN': ({ name, state, rfc }) => `${name} 已关闭了发送方向（${state}）：SEND 返回 "error: connection closing"（连接正在关闭）（${rfc}）；write() 失败，返回 EPIPE。`,
  } satisfies Message<Who & Rfc>,
  appWrites: {
    en: ({ bytes }) => `the application writes ${bytes ?? 'some'} bytes; the next data segment carries them.`,
    'zh-CN': ({ bytes }) => `应用写入${bytes === undefined ? '一些' : ` ${bytes} `}字节；由下一个数据报文段携带。`,
  } satisfies Message<{ bytes: number | undefined }>,
  dataQueued: {
    en: 'the data is queued until the connection is ESTABLISHED.',
    'zh-CN': '数据排队，等连接进入 ESTABLISHED 后再发送。',
  },
  recvClosed: {
    en: ({ name, rfc }) => `${name} is CLOSED: RECEIVE answers "error: connection does not exist" (${rfc}).`,
    'zh-CN': ({ name, rfc }) => `${name} 处于 CLOSED：RECEIVE 返回 "error: connection does not exist"（连接不存在）（${rfc}）。`,
  } satisfies Message<Name & Rfc>,
  readReturns: {
    en: ({ bytes }) => `read() returns ${bytes} bytes`,
    'zh-CN': ({ bytes }) => `read() 返回 ${bytes} 字节`,
  } satisfies Message<{ bytes: number }>,
  readEof: {
    en: 'read() returns 0 (end of file): the peer sent FIN',
    'zh-CN': 'read() 返回 0（文件结束）：对端发送了 FIN',
  },
  readBlocks: { en: 'read() blocks: no data yet', 'zh-CN': 'read() 阻塞：还没有数据' },

  // abort, crash
  abortClosed: {
    en: ({ name, rfc }) => `${name} is CLOSED: ABORT answers "error: connection does not exist" (${rfc}).`,
    'zh-CN': ({ name, rfc }) => `${name} 处于 CLOSED：ABORT 返回 "error: connection does not exist"（连接不存在）（${rfc}）。`,
  } satisfies Message<Name & Rfc>,
  abortReply: { en: 'ABORT sends <SEQ=SND.NXT><CTL=RST>', 'zh-CN': 'ABORT 发送 <SEQ=SND.NXT><CTL=RST>' },
  abortSends: {
    en: 'ABORT: send RST, flush the queues and delete the TCB.',
    'zh-CN': 'ABORT：发送 RST，清空队列并删除 TCB。',
  },
  abortSilent: {
    en: ({ state }) => `ABORT in ${state}: delete the TCB; nothing is sent.`,
    'zh-CN': ({ state }) => `在 ${state} 中 ABORT：删除 TCB；不发送任何报文段。`,
  } satisfies Message<{ state: string }>,
  crash: {
    en: 'the host loses all connection state: CLOSED, no TCB, nothing sent. Its peer learns only when it next sends (half-open connection).',
    'zh-CN': '主机丢失了全部连接状态：CLOSED，没有 TCB，也不发送任何报文段。对端要等下次发送时才会发现（半开连接）。',
  },

  // close, shutdown
  closeAfterShutdown: {
    en: 'close after shutdown: the FIN was already sent; the socket is released.',
    'zh-CN': 'shutdown 之后的 close：FIN 已经发送过；释放套接字。',
  },
  closeClosed: {
    en: ({ name, what, rfc }) => `${name} is CLOSED: ${what} answers "error: connection does not exist" (${rfc}).`,
    'zh-CN': ({ name, what, rfc }) => `${name} 处于 CLOSED：${what} 返回 "error: connection does not exist"（连接不存在）（${rfc}）。`,
  } satisfies Message<Name & Rfc & { what: string }>,
  shutdownNeedsConnection: {
    en: ({ name, state }) => `${name} is ${state}: shutdown needs a connection (ENOTCONN); use close.`,
    'zh-CN': ({ name, state }) => `${name} 处于 ${state}：shutdown 需要一个连接（ENOTCONN）；请用 close。`,
  } satisfies Message<Who>,
  closeSilent: {
    en: ({ state }) => `CLOSE in ${state}: delete the TCB; nothing is sent.`,
    'zh-CN': ({ state }) => `在 ${state} 中 CLOSE：删除 TCB；不发送任何报文段。`,
  } satisfies Message<{ state: string }>,
  closeSendsFin: {
    en: ({ what, state }) => `${what}: send FIN (the next segment line from this endpoint) and enter ${state}.`,
    'zh-CN': ({ what, state }) => `${what}：发送 FIN（本端的下一条报文段行），进入 ${state}。`,
  } satisfies Message<{ what: string; state: string }>,
  closeClosing: {
    en: ({ name, state, what, rfc }) => `${name} is ${state} and has already sent its FIN: ${what} answers "error: connection closing" (${rfc}).`,
    'zh-CN': ({ name, state, what, rfc }) => `${name} 处于 ${state}，已经发送过 FIN：${what} 返回 "error: connection closing"（连接正在关闭）（${rfc}）。`,
  } satisfies Message<Who & Rfc & { what: string }>,
  closeUnreadReply: {
    en: 'CLOSE with unread data sends <SEQ=SND.NXT><CTL=RST> (RFC 9293 §3.6.1, SHLD-3)',
    'zh-CN': '还有未读数据时 CLOSE 发送 <SEQ=SND.NXT><CTL=RST>（RFC 9293 §3.6.1，SHLD-3）',
  },

  // timeouts
  twoMslNotTimeWait: {
    en: ({ name, state, rfc }) => `${name} is ${state}: only TIME-WAIT runs the 2MSL timer (${rfc}).`,
    'zh-CN': ({ name, state, rfc }) => `${name} 处于 ${state}：只有 TIME-WAIT 才运行 2MSL 定时器（${rfc}）。`,
  } satisfies Message<Who & Rfc>,
  twoMslExpires: {
    en: 'the time-wait timer (2 MSL) expires: delete the TCB, enter CLOSED.',
    'zh-CN': 'TIME-WAIT 定时器（2MSL）到期：删除 TCB，进入 CLOSED。',
  },
  rtoNothingOutstanding: {
    en: ({ name, state, rfc }) => `${name} is ${state} with nothing unacknowledged: no retransmission timer runs (${rfc}).`,
    'zh-CN': ({ name, state, rfc }) => `${name} 处于 ${state}，没有未确认的数据：重传定时器没有运行（${rfc}）。`,
  } satisfies Message<Who & Rfc>,
  rtoFires: {
    en: 'the retransmission timer fires: the segment at SND.UNA is sent again (the next segment line from this endpoint).',
    'zh-CN': '重传定时器到期：重新发送从 SND.UNA 开始的报文段（本端的下一条报文段行）。',
  },
  userTimeoutClosed: {
    en: ({ name }) => `${name} is CLOSED: there is no connection to time out.`,
    'zh-CN': ({ name }) => `${name} 处于 CLOSED：没有可以超时的连接。`,
  } satisfies Message<Name>,
  userTimeoutEffect: {
    en: 'ETIMEDOUT: "connection aborted due to user timeout"',
    'zh-CN': 'ETIMEDOUT："connection aborted due to user timeout"（用户超时，连接中止）',
  },
  userTimeout: {
    en: 'the user timeout expires: flush the queues, delete the TCB, enter CLOSED.',
    'zh-CN': '用户超时到期：清空队列，删除 TCB，进入 CLOSED。',
  },
});
