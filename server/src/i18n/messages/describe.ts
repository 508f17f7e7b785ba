/**
 * What a flag, a socket call and a state mean: hovers, completion documentation and
 * `explain` (lsp/describe.ts, engine/states.ts). RFC section numbers, state names,
 * flags and calls stay as written in both languages.
 */
import { messages, type Message } from '../catalogue.js';

export const flagDescriptions = messages({
  SYN: {
    en: 'Synchronize sequence numbers: opens a connection and carries the sender\'s initial sequence number (ISS). A SYN takes one sequence number (RFC 9293 §3.4).',
    'zh-CN': '同步序号：发起连接，并携带发送方的初始序号（ISS）。SYN 占用一个序号（RFC 9293 §3.4）。',
  },
  ACK: {
    en: 'The acknowledgment field is significant: `ack` is the next sequence number the sender expects (its RCV.NXT), acknowledging everything before it. Every segment after the first SYN carries ACK (RFC 9293 §3.1).',
    'zh-CN': '确认号字段有效：`ack` 是发送方期望收到的下一个序号（它的 RCV.NXT），确认此前的全部数据。第一个 SYN 之后的每个报文段都带 ACK（RFC 9293 §3.1）。',
  },
  FIN: {
    en: 'No more data from the sender: it closes its sending direction (the peer\'s `read()` then returns 0). A FIN takes one sequence number (RFC 9293 §3.6).',
    'zh-CN': '发送方不再发送数据：关闭它的发送方向（对端的 `read()` 随后返回 0）。FIN 占用一个序号（RFC 9293 §3.6）。',
  },
  RST: {
    en: 'Reset: the connection is aborted. The receiver checks the sequence number first and ignores a reset outside its window (RFC 9293 §3.5.2, §3.5.3; RFC 5961 §3).',
    'zh-CN': '复位：中止连接。接收方先检查序号，窗口之外的复位会被忽略（RFC 9293 §3.5.2、§3.5.3；RFC 5961 §3）。',
  },
  PSH: {
    en: 'Push: deliver the data to the receiving application without waiting for more (RFC 9293 §3.9.1.2). It changes no state.',
    'zh-CN': '推送：不等待更多数据，立即把数据交给接收方应用（RFC 9293 §3.9.1.2）。不改变状态。',
  },
  URG: {
    en: 'The urgent pointer is significant (RFC 9293 §3.8.5); new applications should not use it (RFC 6093).',
    'zh-CN': '紧急指针有效（RFC 9293 §3.8.5）；新的应用不应使用它（RFC 6093）。',
  },
  ECE: {
    en: 'ECN-Echo (RFC 3168): on a SYN, the sender supports ECN; afterwards, the receiver saw congestion marked by the network. It changes no TCP state.',
    'zh-CN': 'ECN 回显（RFC 3168）：在 SYN 上表示发送方支持 ECN；此后表示接收方看到了网络标记的拥塞。不改变 TCP 状态。',
  },
  CWR: {
    en: 'Congestion Window Reduced (RFC 3168): the sender answered an ECN-Echo by reducing its congestion window. It changes no TCP state.',
    'zh-CN': '拥塞窗口已减小（RFC 3168）：发送方已通过减小拥塞窗口回应 ECN 回显。不改变 TCP 状态。',
  },
} satisfies Record<string, Message>);

export const callDescriptions = messages({
  listen: {
    en: 'Passive OPEN (RFC 9293 §3.10.1): CLOSED → LISTEN; wait for a SYN from any remote endpoint. `backlog=N` is accepted and shown.',
    'zh-CN': '被动打开（RFC 9293 §3.10.1）：CLOSED → LISTEN；等待任意远端的 SYN。可写 `backlog=N`（半连接队列与全连接队列的上限），会显示出来。',
  },
  connect: {
    en: 'Active OPEN (RFC 9293 §3.10.1): CLOSED → SYN-SENT; the SYN itself is the next segment line from this endpoint. `connect()` returns when the handshake completes.',
    'zh-CN': '主动打开（RFC 9293 §3.10.1）：CLOSED → SYN-SENT；SYN 本身是该端点的下一行报文段。三次握手完成时 `connect()` 返回。',
  },
  accept: {
    en: 'Takes a connection from a listening socket: blocks until the connection is ESTABLISHED; no state change.',
    'zh-CN': '从监听套接字的全连接队列取出一个连接：阻塞到连接进入 ESTABLISHED；不改变状态。',
  },
  send: {
    en: 'SEND call (RFC 9293 §3.10.2): the application writes `len=N` bytes; the next data segment carries them.',
    'zh-CN': 'SEND 调用（RFC 9293 §3.10.2）：应用写入 `len=N` 字节；下一个数据报文段携带它们。',
  },
  recv: {
    en: 'RECEIVE call (RFC 9293 §3.10.3): the application reads; returns 0 (end of file) once a FIN has arrived.',
    'zh-CN': 'RECEIVE 调用（RFC 9293 §3.10.3）：应用读取；收到 FIN 后返回 0（文件结束）。',
  },
  close: {
    en: 'CLOSE call (RFC 9293 §3.10.4): ESTABLISHED/SYN-RECEIVED → FIN-WAIT-1, CLOSE-WAIT → LAST-ACK (a FIN is due), LISTEN/SYN-SENT → CLOSED.',
    'zh-CN': 'CLOSE 调用（RFC 9293 §3.10.4）：ESTABLISHED/SYN-RECEIVED → FIN-WAIT-1（主动关闭），CLOSE-WAIT → LAST-ACK（被动关闭；都应发送 FIN），LISTEN/SYN-SENT → CLOSED。',
  },
  shutdown: {
    en: 'Half-close (`shutdown(SHUT_WR)`): sends a FIN like `close`, but the application may still read.',
    'zh-CN': '半关闭（`shutdown(SHUT_WR)`）：像 `close` 一样发送 FIN，但应用仍可读取。',
  },
  abort: {
    en: 'ABORT call (RFC 9293 §3.10.5): send RST where the state calls for one, delete the TCB, → CLOSED.',
    'zh-CN': 'ABORT 调用（RFC 9293 §3.10.5）：在状态要求时发送 RST，删除 TCB，→ CLOSED。',
  },
  crash: {
    en: 'The host loses the connection: → CLOSED with no TCB and nothing sent; the peer learns only when it next sends.',
    'zh-CN': '主机丢失了连接：→ CLOSED，没有 TCB，也不发送任何报文段；对端要到下次发送时才知道。',
  },
  timeout: {
    en: '`timeout 2MSL`: TIME-WAIT → CLOSED. `timeout RTO`: the retransmission timer fires (the next segment is a retransmission). `timeout USER`: the connection is aborted, → CLOSED (RFC 9293 §3.10.8).',
    'zh-CN': '`timeout 2MSL`：TIME-WAIT → CLOSED。`timeout RTO`：重传定时器到期（下一个报文段是重传）。`timeout USER`：中止连接，→ CLOSED（RFC 9293 §3.10.8）。',
  },
} satisfies Record<string, Message>);

export const stateDescriptions = messages({
  'CLOSED': {
    en: 'No connection: there is no TCB. A passive OPEN (`listen`) leads to LISTEN, an active OPEN (`connect`) to SYN-SENT. A segment arriving here is answered by RST (RFC 9293 §3.10.7.1).',
    'zh-CN': '没有连接：不存在 TCB。被动打开（`listen`）进入 LISTEN，主动打开（`connect`）进入 SYN-SENT。到达此处的报文段以 RST 回应（RFC 9293 §3.10.7.1）。',
  },
  'LISTEN': {
    en: 'Waiting for a connection request from any remote TCP. A SYN leads to SYN-RECEIVED with a SYN,ACK reply; `close` returns to CLOSED (RFC 9293 §3.10.7.2).',
    'zh-CN': '等待任意远端 TCP 的连接请求。收到 SYN 后回复 SYN,ACK 并进入 SYN-RECEIVED（连接进入半连接队列）；`close` 回到 CLOSED（RFC 9293 §3.10.7.2）。',
  },
  'SYN-SENT': {
    en: 'A SYN has been sent; waiting for the matching SYN,ACK. A SYN,ACK that acknowledges our SYN leads to ESTABLISHED (`connect()` returns); a bare SYN (simultaneous open) to SYN-RECEIVED; an acceptable RST to CLOSED (ECONNREFUSED) (RFC 9293 §3.10.7.3).',
    'zh-CN': '已发送 SYN，等待对应的 SYN,ACK。确认了我方 SYN 的 SYN,ACK 使连接进入 ESTABLISHED（`connect()` 返回）；单独的 SYN（同时打开）进入 SYN-RECEIVED；可接受的 RST 进入 CLOSED（ECONNREFUSED）（RFC 9293 §3.10.7.3）。',
  },
  'SYN-RECEIVED': {
    en: 'A SYN has been received and a SYN,ACK sent; waiting for the ACK of our SYN, which leads to ESTABLISHED. An RST returns a passive connection to LISTEN (RFC 9293 §3.10.7.4).',
    'zh-CN': '已收到 SYN 并发送了 SYN,ACK（三次握手的第二步，连接在半连接队列中）；等待对我方 SYN 的 ACK，收到后进入 ESTABLISHED。RST 使被动打开的连接回到 LISTEN（RFC 9293 §3.10.7.4）。',
  },
  'ESTABLISHED': {
    en: 'The connection is open: data flows both ways. `close` sends a FIN and leads to FIN-WAIT-1; the peer\'s FIN leads to CLOSE-WAIT.',
    'zh-CN': '连接已建立：数据双向流动。`close` 发送 FIN 并进入 FIN-WAIT-1（主动关闭）；收到对端的 FIN 进入 CLOSE-WAIT（被动关闭）。',
  },
  'FIN-WAIT-1': {
    en: 'We closed and sent a FIN; waiting for its ACK (→ FIN-WAIT-2) or the peer\'s FIN (→ CLOSING, or TIME-WAIT if our FIN is acknowledged in the same segment).',
    'zh-CN': '我方已关闭并发送 FIN（四次挥手的第一步）；等待它的 ACK（→ FIN-WAIT-2）或对端的 FIN（→ CLOSING；若同一报文段确认了我方 FIN，则 → TIME-WAIT）。',
  },
  'FIN-WAIT-2': {
    en: 'Our FIN is acknowledged; waiting for the peer\'s FIN, which leads to TIME-WAIT. The peer may still send data (half-close).',
    'zh-CN': '我方 FIN 已被确认；等待对端的 FIN，收到后进入 TIME-WAIT。对端仍可发送数据（半关闭）。',
  },
  'CLOSE-WAIT': {
    en: 'The peer sent a FIN: `read()` returns 0. Waiting for the local application to `close`, which sends our FIN and leads to LAST-ACK.',
    'zh-CN': '对端发送了 FIN：`read()` 返回 0。等待本地应用 `close`，它发送我方 FIN 并进入 LAST-ACK（被动关闭）。',
  },
  'CLOSING': {
    en: 'Both sides sent a FIN at once (simultaneous close); waiting for the ACK of ours, which leads to TIME-WAIT.',
    'zh-CN': '双方同时发送了 FIN（同时关闭）；等待对我方 FIN 的 ACK，收到后进入 TIME-WAIT。',
  },
  'LAST-ACK': {
    en: 'The peer closed first and we sent our FIN; waiting for its ACK, which leads to CLOSED.',
    'zh-CN': '对端先关闭，我方已发送 FIN（被动关闭）；等待它的 ACK，收到后进入 CLOSED。',
  },
  'TIME-WAIT': {
    en: 'Both FINs are acknowledged. Waiting 2 MSL so that a lost last ACK can be sent again when the peer retransmits its FIN, and so that old duplicates of this connection die out before the same socket pair is reused (RFC 9293 §3.6). `timeout 2MSL` leads to CLOSED.',
    'zh-CN': '双方的 FIN 都已确认（四次挥手完成）。等待 2 MSL：对端重传 FIN 时可以再次发送丢失的最后一个 ACK，并让此连接的旧重复报文段在同一套接字对被重用前消失（RFC 9293 §3.6）。`timeout 2MSL` 进入 CLOSED。',
  },
} satisfies Record<string, Message>);
