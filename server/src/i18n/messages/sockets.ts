/**
 * The socket calls as the articles teach them (`socket`, `bind`, `read`, `write`,
 * `shutdown rd|wr|rdwr`), what each call returns, the errors it fails with, and the
 * `NAME: CALL -> RESULT` check (engine/socket-calls.ts, engine/socket-results.ts).
 */
import { messages, type Message } from '../catalogue.js';

export const socketMessages = messages({
  // ---- reading ---------------------------------------------------------------
  aCallResult: {
    en: 'a result after `->`: 0, a byte count, a name (accept) or an errno such as ECONNREFUSED',
    'zh-CN': '`->` 之后的返回结果：0、字节数、名称（accept）或 errno（如 ECONNREFUSED）',
  },
  anIcmpCode: {
    en: 'an ICMP message: host-unreachable, net-unreachable, port-unreachable or frag-needed',
    'zh-CN': 'ICMP 消息类型：host-unreachable、net-unreachable、port-unreachable 或 frag-needed',
  },
  unknownIcmpCode: {
    en: ({ code, codes }) => `Unknown ICMP message \`${code}\`: the messages are ${codes}.`,
    'zh-CN': ({ code, codes }) => `未知的 ICMP 消息 \`${code}\`：可用的有 ${codes}。`,
  } satisfies Message<{ code: string; codes: string }>,
  aPeerName: { en: 'the name of the peer of one of its connections', 'zh-CN': '其某个连接的对端名称' },
  aClosingBracket: { en: 'a closing `]`', 'zh-CN': '右方括号 `]`' },
  bindOptions: { en: 'bind takes port=N and addr="…"', 'zh-CN': 'bind 接受 port=N 和 addr="…"' },
  writeOptions: { en: 'write takes len=N', 'zh-CN': 'write 接受 len=N' },
  shutdownOptions: { en: 'shutdown takes rd, wr or rdwr', 'zh-CN': 'shutdown 接受 rd、wr 或 rdwr' },

  // ---- what a call is (hover, completion) -----------------------------------
  socketCall: {
    en: 'socket(): creates a new socket, CLOSED, with no connection yet. No segment is sent.',
    'zh-CN': 'socket()：创建一个新套接字，处于 CLOSED，还没有连接。不发送报文段。',
  },
  bindCall: {
    en: 'bind(): gives the socket its local address (`port=N`, `addr="…"`). No state change, no segment.',
    'zh-CN': 'bind()：为套接字指定本地地址（`port=N`、`addr="…"`）。状态不变，不发送报文段。',
  },
  readCall: {
    en: 'read() = recv(), the RECEIVE call (RFC 9293 §3.10.3): returns the bytes received, 0 (end of file) once a FIN has arrived, or fails with ECONNRESET after a reset.',
    'zh-CN': 'read() 即 recv()，RECEIVE 调用（RFC 9293 §3.10.3）：返回已收到的字节；收到 FIN 后返回 0（文件结束）；连接被重置后失败并返回 ECONNRESET。',
  },
  writeCall: {
    en: 'write() = send(), the SEND call (RFC 9293 §3.10.2): the application writes `len=N` bytes; after the peer reset the connection it fails with EPIPE.',
    'zh-CN': 'write() 即 send()，SEND 调用（RFC 9293 §3.10.2）：应用写入 `len=N` 字节；对端重置连接之后，它失败并返回 EPIPE。',
  },
  shutdownCall: {
    en: 'shutdown(): `wr` (the default, SHUT_WR) sends a FIN like `close`, but the application may still read; `rd` (SHUT_RD) sends nothing and changes no state (Linux still ACKs data that arrives); `rdwr` does both.',
    'zh-CN': 'shutdown()：`wr`（默认，SHUT_WR）像 `close` 一样发送 FIN，但应用仍可读取；`rd`（SHUT_RD）不发送任何报文段，也不改变状态（Linux 仍会确认之后到达的数据）；`rdwr` 两者都做。',
  },

  // ---- what a call does and returns (hover, hints, explain, diagram notes) ---
  socketReturns: {
    en: 'socket() returns a new socket (CLOSED)',
    'zh-CN': 'socket() 返回一个新套接字（CLOSED）',
  },
  socketExplained: {
    en: 'a new socket: CLOSED, no TCB yet. listen or connect opens it.',
    'zh-CN': '新套接字：CLOSED，还没有 TCB。listen 或 connect 打开它。',
  },
  socketNotClosed: {
    en: ({ name, state }) => `${name} is ${state}: a participant is one socket, and it already exists. Use another participant name for a second socket.`,
    'zh-CN': ({ name, state }) => `${name} 处于 ${state}：一个参与者就是一个套接字，它已经存在。第二个套接字请使用另一个参与者名称。`,
  } satisfies Message<{ name: string; state: string }>,
  bindReturns: {
    en: ({ address }) => `bind() returns 0: local address ${address}`,
    'zh-CN': ({ address }) => `bind() 返回 0：本地地址 ${address}`,
  } satisfies Message<{ address: string }>,
  bindAnyAddress: { en: '(any)', 'zh-CN': '（任意）' },
  bindExplained: {
    en: 'bind names the local address (the local socket of RFC 9293 §3.10.1\'s OPEN); no state change, nothing sent.',
    'zh-CN': 'bind 指定本地地址（RFC 9293 §3.10.1 中 OPEN 的本地套接字）；状态不变，不发送任何报文段。',
  },
  bindNotClosed: {
    en: ({ name, state }) => `${name} is ${state}: bind names the local address before listen or connect; now it fails with EINVAL.`,
    'zh-CN': ({ name, state }) => `${name} 处于 ${state}：bind 应在 listen 或 connect 之前指定本地地址；此时调用会失败并返回 EINVAL。`,
  } satisfies Message<{ name: string; state: string }>,
  writeReturns: {
    en: ({ bytes }) => `write() returns ${bytes}`,
    'zh-CN': ({ bytes }) => `write() 返回 ${bytes}`,
  } satisfies Message<{ bytes: string }>,
  someBytes: { en: 'the bytes written', 'zh-CN': '写入的字节数' },
  failsWith: {
    en: ({ call, errno, why }) => `${call}() fails: ${errno} (${why})`,
    'zh-CN': ({ call, errno, why }) => `${call}() 失败：${errno}（${why}）`,
  } satisfies Message<{ call: string; errno: string; why: string }>,
  whyReset: { en: 'the peer reset the connection', 'zh-CN': '对端重置了连接' },
  whyPipe: { en: 'the connection was reset; the process also gets SIGPIPE', 'zh-CN': '连接已被重置；进程还会收到 SIGPIPE' },
  whyTimedOut: { en: 'no answer to the SYN', 'zh-CN': 'SYN 没有得到应答' },
  pendingErrorExplained: {
    en: ({ call, errno }) => `the reset left the error ${errno} on the socket; the next read or write reports it once (Linux: tcp_reset sets sk_err, ${call}() returns it). Later writes fail with EPIPE and reads return 0.`,
    'zh-CN': ({ call, errno }) => `重置在套接字上留下错误 ${errno}；下一次 read 或 write 报告它一次（Linux：tcp_reset 设置 sk_err，${call}() 返回它）。之后的 write 失败并返回 EPIPE，read 返回 0。`,
  } satisfies Message<{ call: string; errno: string }>,
  pipeExplained: {
    en: 'the connection was reset and its error already reported: write() fails with EPIPE (Linux: tcp_sendmsg on a socket shut for sending; SIGPIPE unless MSG_NOSIGNAL). Nothing is sent.',
    'zh-CN': '连接已被重置，错误也已报告过：write() 失败并返回 EPIPE（Linux：对已关闭发送方向的套接字调用 tcp_sendmsg；除非使用 MSG_NOSIGNAL，否则还会发出 SIGPIPE）。不发送任何报文段。',
  },
  readAfterReset: {
    en: 'read() returns 0: the connection was reset and its error already reported',
    'zh-CN': 'read() 返回 0：连接已被重置，错误也已报告过',
  },
  closeAfterReset: {
    en: 'close() returns 0: the connection is gone already; the descriptor is released',
    'zh-CN': 'close() 返回 0：连接已经不存在；释放描述符',
  },
  closeAfterResetExplained: {
    en: 'close on a socket whose connection was reset: no TCB is left, nothing is sent; the application only releases the descriptor.',
    'zh-CN': '对连接已被重置的套接字调用 close：TCB 已不存在，不发送任何报文段；应用只是释放描述符。',
  },
  shutdownRead: {
    en: 'shutdown(SHUT_RD): no segment is sent and the state does not change; the peer is not told. Linux still accepts and ACKs data that arrives later, and read() returns 0 once what is queued is read.',
    'zh-CN': 'shutdown(SHUT_RD)：不发送报文段，状态不变，对端也不会得知。Linux 仍会接收并确认之后到达的数据，队列中的数据读完后 read() 返回 0。',
  },
  shutdownReadEffect: {
    en: 'shutdown(SHUT_RD) returns 0: reads now return 0 once the queue is empty',
    'zh-CN': 'shutdown(SHUT_RD) 返回 0：队列读空后 read 返回 0',
  },
  readShut: {
    en: 'read() returns 0: the application shut the reading side (SHUT_RD)',
    'zh-CN': 'read() 返回 0：应用已关闭读方向（SHUT_RD）',
  },
  connectTimedOut: {
    en: 'connect() fails: ETIMEDOUT (no answer to the SYN)',
    'zh-CN': 'connect() 失败：ETIMEDOUT（SYN 没有得到应答）',
  },
  connectTimedOutExplained: {
    en: 'the SYN retransmissions are exhausted (the user timeout of RFC 9293 §3.8.3): connect gives up, the TCB is deleted, CLOSED.',
    'zh-CN': 'SYN 的重传次数已用完（RFC 9293 §3.8.3 的用户超时）：connect 放弃，删除 TCB，进入 CLOSED。',
  },
  whyGaveUpSoft: {
    en: 'the SYN retries gave up; the last ICMP error is reported',
    'zh-CN': 'SYN 重传已放弃；报告最后一个 ICMP 错误',
  },
  whyIcmp: {
    en: ({ code }) => `ICMP ${code}`,
    'zh-CN': ({ code }) => `ICMP ${code} 消息`,
  } satisfies Message<{ code: string }>,
  icmpNoConnection: {
    en: ({ name, state, code, number }) => `${name} is ${state}: there is no connection for ICMP ${code} (Destination Unreachable, code ${number}) to concern; it is ignored.`,
    'zh-CN': ({ name, state, code, number }) => `${name} 处于 ${state}：没有与 ICMP ${code}（目的不可达，代码 ${number}）相关的连接；忽略它。`,
  } satisfies Message<{ name: string; state: string; code: string; number: number }>,
  icmpFragNeeded: {
    en: 'ICMP fragmentation needed (Destination Unreachable, code 4): Path MTU Discovery\'s signal (RFC 9293 §3.7.2, RFC 1191): the sender lowers its segment size and retransmits; the connection is not aborted.',
    'zh-CN': 'ICMP 需要分片（目的不可达，代码 4）：这是路径 MTU 发现的信号（RFC 9293 §3.7.2、RFC 1191）：发送方减小报文段大小并重传；连接不会中止。',
  },
  icmpSoft: {
    en: ({ code, number, errno }) => `ICMP ${code} (Destination Unreachable, code ${number}) is a soft error: the connection MUST NOT be aborted (MUST-56); the error ${errno} is kept for the application (SHLD-25), and a connect that gives up later fails with it.`,
    'zh-CN': ({ code, number, errno }) => `ICMP ${code}（目的不可达，代码 ${number}）是软错误：不得（MUST NOT）中止连接（MUST-56）；错误 ${errno} 保留给应用（SHLD-25），之后若 connect 放弃，将以它失败。`,
  } satisfies Message<{ code: string; number: number; errno: string }>,
  icmpHard: {
    en: ({ code, number, state }) => `ICMP ${code} (Destination Unreachable, code ${number}) is a hard error: in ${state} the connection SHOULD be aborted (SHLD-26): delete the TCB, enter CLOSED.`,
    'zh-CN': ({ code, number, state }) => `ICMP ${code}（目的不可达，代码 ${number}）是硬错误：在 ${state} 状态下应（SHOULD）中止连接（SHLD-26）：删除 TCB，进入 CLOSED。`,
  } satisfies Message<{ code: string; number: number; state: string }>,
  returnsZero: {
    en: ({ call }) => `${call}() returns 0`,
    'zh-CN': ({ call }) => `${call}() 返回 0`,
  } satisfies Message<{ call: string }>,

  // ---- a listener's queues (listener.ts) -------------------------------------
  queues: {
    en: ({ syn, accept }) => `SYN queue: ${syn} · accept queue: ${accept}`,
    'zh-CN': ({ syn, accept }) => `半连接队列（SYN queue）：${syn} · 全连接队列（accept queue）：${accept}`,
  } satisfies Message<{ syn: string; accept: string }>,
  queueEmpty: { en: '(empty)', 'zh-CN': '（空）' },
  acceptReturns: {
    en: ({ peer }) => `accept() returns the connection with ${peer}`,
    'zh-CN': ({ peer }) => `accept() 返回与 ${peer} 的连接`,
  } satisfies Message<{ peer: string }>,
  acceptBlocks: {
    en: 'accept() blocks: the accept queue is empty',
    'zh-CN': 'accept() 阻塞：全连接队列为空',
  },
  synQueueFull: {
    en: ({ peer, backlog }) => `the SYN queue is full (more than backlog=${backlog} half-open connections): ${peer}'s SYN is dropped, as Linux does without SYN cookies; the client will retransmit it.`,
    'zh-CN': ({ peer, backlog }) => `半连接队列已满（半开连接超过 backlog=${backlog}）：丢弃 ${peer} 的 SYN（Linux 在不使用 SYN cookie 时如此）；客户端会重传。`,
  } satisfies Message<{ peer: string; backlog: number }>,
  acceptQueueFullSyn: {
    en: ({ peer, backlog }) => `the accept queue is full (more than backlog=${backlog} connections wait for accept): ${peer}'s SYN is dropped (Linux: tcp_conn_request drops it, ListenOverflows).`,
    'zh-CN': ({ peer, backlog }) => `全连接队列已满（等待 accept 的连接超过 backlog=${backlog}）：丢弃 ${peer} 的 SYN（Linux：tcp_conn_request 丢弃，计入 ListenOverflows）。`,
  } satisfies Message<{ peer: string; backlog: number }>,
  acceptQueueFullAck: {
    en: ({ peer, backlog }) => `the accept queue is full (backlog=${backlog}): the ACK that completes ${peer}'s handshake is dropped. The connection stays SYN-RECEIVED in the SYN queue and re-sends its SYN,ACK, while ${peer} already believes it is ESTABLISHED.`,
    'zh-CN': ({ peer, backlog }) => `全连接队列已满（backlog=${backlog}）：丢弃完成 ${peer} 握手的 ACK。该连接仍在半连接队列中处于 SYN-RECEIVED，并重发 SYN,ACK，而 ${peer} 已认为连接 ESTABLISHED。`,
  } satisfies Message<{ peer: string; backlog: number }>,
  acceptQueueFullAbort: {
    en: ({ peer, backlog }) => `the accept queue is full (backlog=${backlog}) and abort_on_overflow is set (net.ipv4.tcp_abort_on_overflow): the ACK from ${peer} is answered by RST; the connection is gone.`,
    'zh-CN': ({ peer, backlog }) => `全连接队列已满（backlog=${backlog}）且设置了 abort_on_overflow（net.ipv4.tcp_abort_on_overflow）：用 RST 回应 ${peer} 的 ACK；该连接被丢弃。`,
  } satisfies Message<{ peer: string; backlog: number }>,
  expectConnectionState: {
    en: ({ connection, actual, expected }) => `${connection} is ${actual} here, not ${expected}.`,
    'zh-CN': ({ connection, actual, expected }) => `${connection} 此处为 ${actual}，而不是 ${expected}。`,
  } satisfies Message<{ connection: string; actual: string; expected: string }>,
  expectNoConnection: {
    en: ({ listener, peer }) => `${listener} has no connection with ${peer} here: a listener's connection exists from the line where ${peer}'s SYN reaches it.`,
    'zh-CN': ({ listener, peer }) => `${listener} 此处没有与 ${peer} 的连接：监听者的连接从 ${peer} 的 SYN 到达它的那一行开始存在。`,
  } satisfies Message<{ listener: string; peer: string }>,
  outlineConnection: {
    en: ({ peer }) => `connection with ${peer}`,
    'zh-CN': ({ peer }) => `与 ${peer} 的连接`,
  } satisfies Message<{ peer: string }>,
  addAcceptFix: {
    en: ({ name }) => `Add \`${name}: accept\` before the dropped ACK (it makes room in the accept queue)`,
    'zh-CN': ({ name }) => `在被丢弃的 ACK 之前添加 \`${name}: accept\`（为全连接队列腾出空间）`,
  } satisfies Message<{ name: string }>,
  listenerCloseResets: {
    en: ({ listener, peer }) => `${listener} closes its listening socket while the connection with ${peer} waits in the accept queue: it is reset (Linux: inet_csk_listen_stop → tcp_disconnect sends RST).`,
    'zh-CN': ({ listener, peer }) => `${listener} 关闭监听套接字时，与 ${peer} 的连接仍在全连接队列中等待：该连接被重置（Linux：inet_csk_listen_stop → tcp_disconnect 发送 RST）。`,
  } satisfies Message<{ listener: string; peer: string }>,
  listenerCloseRstReason: {
    en: 'the listening socket was closed with this connection still in the accept queue: <SEQ=SND.NXT><CTL=RST>',
    'zh-CN': '监听套接字关闭时该连接仍在全连接队列中：<SEQ=SND.NXT><CTL=RST>',
  },
  listenerCloseForgets: {
    en: ({ listener, peer }) => `${listener} closes its listening socket while the connection with ${peer} is half-open in the SYN queue: it is forgotten without a segment (Linux drops the request socket), so ${peer}'s next segment finds no socket and is answered by RST (RFC 9293 §3.10.7.1).`,
    'zh-CN': ({ listener, peer }) => `${listener} 关闭监听套接字时，与 ${peer} 的连接仍半开在半连接队列中：它被直接丢弃，不发送任何报文段（Linux 丢弃请求套接字），因此 ${peer} 的下一个报文段找不到套接字，会收到 RST（RFC 9293 §3.10.7.1）。`,
  } satisfies Message<{ listener: string; peer: string }>,
  overflowRstReason: {
    en: 'the accept queue overflowed and abort_on_overflow is set: <SEQ=SND.NXT><CTL=RST>',
    'zh-CN': '全连接队列溢出且设置了 abort_on_overflow：<SEQ=SND.NXT><CTL=RST>',
  },

  // ---- `-> RESULT` checks ----------------------------------------------------
  resultDiffers: {
    en: ({ call, actual, expected }) => `${call} returns ${actual} here, not ${expected}.`,
    'zh-CN': ({ call, actual, expected }) => `${call} 在这里返回 ${actual}，而不是 ${expected}。`,
  } satisfies Message<{ call: string; actual: string; expected: string }>,
  resultNeverCame: {
    en: ({ call, expected }) => `${call} has not returned by the end of the scenario (it still blocks), so it cannot return ${expected}.`,
    'zh-CN': ({ call, expected }) => `到场景结束时 ${call} 仍未返回（仍在阻塞），所以不可能返回 ${expected}。`,
  } satisfies Message<{ call: string; expected: string }>,
  resultOfNoCall: {
    en: ({ call }) => `${call} is not a call that returns to the application: nothing to check after \`->\`.`,
    'zh-CN': ({ call }) => `${call} 不是向应用返回结果的调用：\`->\` 之后没有可检查的内容。`,
  } satisfies Message<{ call: string }>,
  resultRefused: {
    en: ({ call }) => `${call} is refused here (see the error on the call), so it returns nothing to check.`,
    'zh-CN': ({ call }) => `此处 ${call} 调用被拒绝（见该调用上的错误），没有可检查的返回结果。`,
  } satisfies Message<{ call: string }>,
  blocksHere: { en: 'nothing yet (it blocks)', 'zh-CN': '暂时没有结果（阻塞）' },
  changeResult: {
    en: ({ actual }) => `Change to ${actual}`,
    'zh-CN': ({ actual }) => `改为 ${actual}`,
  } satisfies Message<{ actual: string }>,
});
