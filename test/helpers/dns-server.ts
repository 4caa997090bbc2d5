// A real DNS server on loopback UDP, for tests of what the machine's resolver library makes of real
// answers: NS and A records for the names it knows, NXDOMAIN for every other name, SERVFAIL where asked.
import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';

export type DnsName = { ns?: string[]; a?: string[] } | 'servfail';

export interface DnsServer {
  /** host:port, for Resolver.setServers. */
  address: string;
  /** Names asked, in order, with their type (NS, A). */
  asked: { name: string; type: string }[];
  close(): Promise<void>;
}

const TYPES: Record<number, string> = { 1: 'A', 2: 'NS', 28: 'AAAA' };

function readName(buf: Buffer, off: number): { name: string; end: number } {
  const labels: string[] = [];
  while (buf[off]! !== 0) {
    const len = buf[off]!;
    labels.push(buf.toString('latin1', off + 1, off + 1 + len));
    off += 1 + len;
  }
  return { name: labels.join('.').toLowerCase(), end: off + 1 };
}

function encodeName(name: string): Buffer {
  return Buffer.concat([
    ...name.split('.').map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l, 'latin1')])),
    Buffer.from([0]),
  ]);
}

function record(type: number, rdata: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt16BE(0xc00c, 0); // the question's name
  head.writeUInt16BE(type, 2);
  head.writeUInt16BE(1, 4); // IN
  head.writeUInt32BE(300, 6);
  head.writeUInt16BE(rdata.length, 10);
  return Buffer.concat([head, rdata]);
}

export async function startDnsServer(names: Record<string, DnsName>): Promise<DnsServer> {
  const socket: Socket = createSocket('udp4');
  const asked: DnsServer['asked'] = [];
  socket.on('message', (q, from) => {
    const { name, end } = readName(q, 12);
    const type = q.readUInt16BE(end);
    asked.push({ name, type: TYPES[type] ?? String(type) });
    const entry = names[name];
    const answers =
      entry && entry !== 'servfail'
        ? type === 2
          ? (entry.ns ?? []).map((ns) => record(2, encodeName(ns)))
          : type === 1
            ? (entry.a ?? []).map((ip) => record(1, Buffer.from(ip.split('.').map(Number))))
            : []
        : [];
    const rcode = entry === 'servfail' ? 2 : entry ? 0 : 3;
    const head = Buffer.alloc(12);
    q.copy(head, 0, 0, 2); // id
    head.writeUInt16BE(0x8000 | (q.readUInt16BE(2) & 0x0100) | 0x0080 | 0x0400 | rcode, 2);
    head.writeUInt16BE(1, 4);
    head.writeUInt16BE(answers.length, 6);
    socket.send(Buffer.concat([head, q.subarray(12, end + 4), ...answers]), from.port, from.address);
  });
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  return {
    address: `127.0.0.1:${(socket.address() as AddressInfo).port}`,
    asked,
    close: () => new Promise((r) => socket.close(() => r())),
  };
}
