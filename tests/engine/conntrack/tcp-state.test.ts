import { describe, expect, it } from 'vitest';
import { classifyTcpFlags, tcpTransition, type TcpState, type TcpTransition } from '../../../src/conntrack';
import type { TcpFlag } from '../../../src/net/packet';

describe('classifyTcpFlags (get_conntrack_index)', () => {
  it.each<[readonly TcpFlag[], string]>([
    [['SYN'], 'syn'],
    [['SYN', 'ACK'], 'synack'],
    [['FIN', 'ACK'], 'fin'],
    [['ACK', 'PSH'], 'ack'],
    [['ACK'], 'ack'],
    [['RST', 'ACK'], 'rst'],
    [['RST'], 'rst'],
    [[], 'none'],
  ])('%j is %s', (flags, expected) => {
    expect(classifyTcpFlags(flags)).toBe(expected);
  });
});

describe('tcpTransition (tcp_conntracks in nf_conntrack_proto_tcp.c)', () => {
  it.each<[TcpState, readonly TcpFlag[], 'original' | 'reply', TcpTransition]>([
    // The handshake.
    ['NONE', ['SYN'], 'original', 'SYN_SENT'],
    ['SYN_SENT', ['SYN'], 'original', 'SYN_SENT'],
    ['SYN_SENT', ['SYN', 'ACK'], 'reply', 'SYN_RECV'],
    ['SYN_RECV', ['ACK'], 'original', 'ESTABLISHED'],
    ['ESTABLISHED', ['ACK', 'PSH'], 'reply', 'ESTABLISHED'],
    // Client closes first; the server's FIN carries its ACK.
    ['ESTABLISHED', ['FIN', 'ACK'], 'original', 'FIN_WAIT'],
    ['FIN_WAIT', ['FIN', 'ACK'], 'reply', 'LAST_ACK'],
    ['LAST_ACK', ['ACK'], 'original', 'TIME_WAIT'],
    // Server closes first, the client only ACKs.
    ['ESTABLISHED', ['FIN', 'ACK'], 'reply', 'FIN_WAIT'],
    ['FIN_WAIT', ['ACK'], 'original', 'CLOSE_WAIT'],
    ['CLOSE_WAIT', ['FIN', 'ACK'], 'original', 'LAST_ACK'],
    ['LAST_ACK', ['ACK'], 'reply', 'TIME_WAIT'],
    // RST from any state.
    ['ESTABLISHED', ['RST'], 'original', 'CLOSE'],
    ['SYN_SENT', ['RST', 'ACK'], 'reply', 'CLOSE'],
    ['TIME_WAIT', ['RST'], 'reply', 'CLOSE'],
    // Invalid and ignored segments.
    ['SYN_SENT', ['ACK'], 'original', 'INVALID'],
    ['NONE', ['FIN', 'ACK'], 'original', 'INVALID'],
    ['NONE', ['SYN', 'ACK'], 'original', 'INVALID'],
    ['ESTABLISHED', ['SYN'], 'original', 'IGNORE'],
    ['SYN_RECV', ['SYN', 'ACK'], 'reply', 'IGNORE'],
    ['SYN_SENT', ['ACK'], 'reply', 'IGNORE'],
    // Simultaneous open and a reopened connection.
    ['SYN_SENT', ['SYN'], 'reply', 'SYN_SENT2'],
    ['TIME_WAIT', ['SYN'], 'original', 'SYN_SENT'],
    // Mid-stream pickup (nf_conntrack_tcp_loose).
    ['NONE', ['ACK'], 'original', 'ESTABLISHED'],
  ])('%s + %j (%s) -> %s', (state, flags, direction, expected) => {
    expect(tcpTransition(state, flags, direction)).toBe(expected);
  });
});
