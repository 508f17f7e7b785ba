/**
 * Which TCP the engine plays (issue 11, "A `linux` profile"): RFC 9293 by default, or
 * Linux where Linux documents a different behaviour. A scenario chooses with a `profile`
 * line; the CLI's `--profile` and the editor's `tcpflow.profile` setting choose for files
 * that do not. Each difference is one flag here, read where the rule is (arrive.ts,
 * calls.ts), with its own explanation naming the kernel behaviour and the RFC.
 * docs/semantics.md has the table of differences and their sources.
 */
export const PROFILE_NAMES = ['rfc9293', 'linux'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** Options a `profile` line may add after the name (only `linux` has any). */
export const PROFILE_OPTIONS = ['rfc1337'] as const;

/** A profile as chosen: its name, and `rfc1337` for Linux with net.ipv4.tcp_rfc1337=1. */
export interface ProfileChoice {
  readonly name: ProfileName;
  readonly rfc1337?: boolean;
}

export interface Profile {
  readonly name: ProfileName;
  /**
   * An ACK of data never sent is dropped without a reply (Linux tcp_ack(): "If the ack
   * includes data we haven't sent yet, discard this segment"); RFC 9293 §3.10.7.4 and
   * RFC 5961 §5.2 send an ACK.
   */
  readonly dropsAckOfUnsentData: boolean;
  /** TIME-WAIT ignores RST (RFC 1337's remedy; Linux with net.ipv4.tcp_rfc1337=1). */
  readonly timeWaitIgnoresRst: boolean;
  /**
   * A connection reset after the handshake but before `accept` stays in the accept queue
   * and `accept` returns it already closed (Linux); by RFC 9293 its TCB is deleted.
   */
  readonly resetChildStaysInAcceptQueue: boolean;
  /** TCP Fast Open (RFC 7413): data on a SYN marked `tfo` is accepted at once and the SYN,ACK acknowledges it. */
  readonly fastOpen: boolean;
  /** How many times a SYN is retransmitted before connect() gives up (net.ipv4.tcp_syn_retries); undefined: the RFC sets no number. */
  readonly synRetries?: number;
  /**
   * ICMP host unreachable aborts a connection in SYN-SENT (Linux; RFC 5461 records that
   * stacks do). RFC 9293 §3.9.2.2 MUST-56: a soft error must not abort. For the ICMP
   * lines: the code that reads them asks this flag.
   */
  readonly abortsOnHostUnreachableInSynSent: boolean;
}

/** Linux's default net.ipv4.tcp_syn_retries (Documentation/networking/ip-sysctl.rst). */
export const LINUX_SYN_RETRIES = 6;

export function makeProfile(choice: ProfileChoice): Profile {
  const linux = choice.name === 'linux';
  return {
    name: choice.name,
    dropsAckOfUnsentData: linux,
    timeWaitIgnoresRst: linux && !!choice.rfc1337,
    resetChildStaysInAcceptQueue: linux,
    fastOpen: linux,
    ...(linux ? { synRetries: LINUX_SYN_RETRIES } : {}),
    abortsOnHostUnreachableInSynSent: linux,
  };
}

export const RFC9293_PROFILE: Profile = makeProfile({ name: 'rfc9293' });

export function isProfileName(word: string): word is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(word);
}

/**
 * The profile for documents that name none, as the language server's `tcpflow.profile`
 * setting says: one value for the process, like the message locale (i18n/catalogue.ts).
 * The CLI passes its `--profile` with the scenario instead.
 */
let defaultChoice: ProfileChoice = { name: 'rfc9293' };

export function setDefaultProfile(choice: ProfileChoice): void {
  defaultChoice = choice;
}

export function defaultProfile(): ProfileChoice {
  return defaultChoice;
}
