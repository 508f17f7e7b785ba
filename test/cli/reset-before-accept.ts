/**
 * A connection reset before `accept`: RFC 9293 deletes it (accept has nothing to return:
 * an error), Linux keeps it in the accept queue (accept returns it). Shared by the tests
 * of `--profile` and of the rule the linux profile cites for it.
 */
export const RESET_BEFORE_ACCEPT = [
  'participant a',
  'participant b',
  'a: listen',
  'b -> a : SYN seq=300',
  'a -> b : SYN ACK seq=100 ack=301',
  'b -> a : ACK seq=301 ack=101',
  'b -> a : RST seq=301',
  'a: accept',
  '',
].join('\n');
