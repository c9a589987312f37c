import net from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/** One message as the test server received it. */
export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
  /** The client asked for SMTPUTF8 (RFC 6531) for this message. */
  smtpUtf8: boolean;
}

/** A real SMTP server on 127.0.0.1, on a port of its own, holding what it was sent. */
export interface TestServer {
  url: string;
  port: number;
  received: Received[];
  /** Every RCPT TO the server answered, accepted or not, in order. */
  attempts: string[];
  close(): Promise<void>;
}

/**
 * Starts an SMTP server on loopback only. `refuse` names the recipients it
 * turns away at RCPT TO (returning the reason), like a server that does not
 * know them. Plain text, no STARTTLS: the send command allows that on loopback only.
 */
export async function startSmtpServer(
  options: {
    refuse?: (address: string) => string | undefined;
    auth?: { user: string; pass: string };
    smtpUtf8?: boolean;
  } = {},
): Promise<TestServer> {
  const received: Received[] = [];
  const attempts: string[] = [];
  const server = new SMTPServer({
    authOptional: !options.auth,
    // Loopback only: the test server may take a password without TLS, as the send command allows there.
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    // Like a server that predates RFC 6531: EHLO does not name SMTPUTF8.
    hideSMTPUTF8: options.smtpUtf8 === false,
    logger: false,
    onAuth(auth, _session, callback) {
      const ok = options.auth && auth.username === options.auth.user && auth.password === options.auth.pass;
      callback(ok ? null : new Error('535 Authentication failed'), ok ? { user: auth.username } : undefined);
    },
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      attempts.push(address.address);
      const reason = options.refuse?.(address.address);
      if (!reason) return callback();
      const error = Object.assign(new Error(reason), { responseCode: 550 });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
          smtpUtf8: session.envelope.smtpUtf8 === true,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as net.AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A loopback TCP relay in front of a server that cuts the connection, once,
 * when the client starts its `dropAt`-th message (the MAIL FROM command):
 * a server that goes away in the middle of a run.
 */
export async function startDroppingRelay(
  targetPort: number,
  dropAt: number,
): Promise<{ url: string; close(): Promise<void> }> {
  let messages = 0;
  let dropped = false;
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk: Buffer) => {
      if (!dropped && /^MAIL FROM:/im.test(chunk.toString('latin1')) && ++messages === dropAt) {
        dropped = true;
        return cut();
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('error', cut);
    upstream.on('error', cut);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', () => resolve()));
  const port = (relay.address() as net.AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => {
      sockets.forEach((s) => s.destroy());
      return new Promise<void>((resolve) => relay.close(() => resolve()));
    },
  };
}
