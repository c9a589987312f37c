import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { runSend } from '../../scripts/lib/send/run-send.ts';
import { copyFor, readBuiltMessage } from '../../scripts/lib/send/personalise.ts';
import { smtpConfig } from '../../scripts/lib/send/smtp-config.ts';
import { generateKeyPairSync } from 'node:crypto';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { emailOf, renderEmail } from '../support/email.ts';
import { EPOCH } from '../support/build-pdf.ts';
import { brandSchema } from '../../scripts/lib/validate/brand-schema.ts';
import { root } from '../support/run-script.ts';
import { startDroppingRelay, startSmtpServer, type TestServer } from '../support/smtp.ts';
import { snapshotDir } from '../support/out-dir.ts';

const SAMPLE = path.join(root, 'content/2026-01-20-evolving-militant-ecosystem.yaml');
const SLUG = '2026-01-20-evolving-militant-ecosystem';
/** Every test talks to servers on this machine only, and none waits long. */
const bounded = { timeout: 60_000 };

let built: Awaited<ReturnType<typeof emailOf>>;
before(async () => {
  built = await emailOf(SAMPLE);
});

/** A fresh folder holding the built .eml and a recipients list; returns their paths and the send log's. */
async function workspace(csv: string): Promise<{ eml: string; csv: string; log: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'briefpress-send-'));
  const eml = path.join(dir, `${SLUG}.eml`);
  await copyFile(path.join(built.outDir, `${SLUG}.eml`), eml);
  await writeFile(path.join(dir, 'recipients.csv'), csv);
  return { eml, csv: path.join(dir, 'recipients.csv'), log: path.join(dir, `${SLUG}.sendlog.jsonl`) };
}

/** Runs `send` in-process with the given environment; collects what it printed. */
async function send(argv: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runSend(argv, { env, print: (l) => out.push(l), complain: (l) => err.push(l) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

const people = (n: number) =>
  ['email,name', ...Array.from({ length: n }, (_, i) => `person${i + 1}@example.org,Person ${i + 1}`)].join(
    '\n',
  );

/** How many copies each address received. */
function copiesByAddress(server: TestServer): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of server.received)
    for (const to of message.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}

describe('send to a local SMTP server', () => {
  let server: TestServer;
  let refused = new Set<string>();
  before(async () => {
    server = await startSmtpServer({
      refuse: (a) =>
        refused.has(a) ? '5.1.1 <' + a + '>: Recipient address rejected: User unknown' : undefined,
    });
  });
  after(() => server.close());

  it(
    'delivers one copy per recipient, addressed to them alone, with the built content and attachments',
    bounded,
    async () => {
      server.received.length = 0;
      const w = await workspace(
        'email,name,organisation\nzoe@example.org,"Ahmed, Zoë",Senate\nomar@example.org,Omar ' +
          'Sheikh,\nlena@example.org,,Embassy\n',
      );
      const run = await send([w.eml, '--to', w.csv], { SMTP_URL: server.url });
      assert.equal(run.status, 0, run.err);
      assert.match(run.out, /^\[1\/3\] sent {5}zoe@example\.org {2}250 /m);
      assert.match(run.out, /^\[3\/3\] sent {5}lena@example\.org {2}250 /m);
      assert.deepEqual(
        server.received.map((r) => r.to),
        [['zoe@example.org'], ['omar@example.org'], ['lena@example.org']],
      );
      assert.ok(server.received.every((r) => r.from === 'contact@southasiatimes.org'));

      const copies: ParsedMail[] = await Promise.all(
        server.received.map((r) => simpleParser(r.raw, { keepCidLinks: true })),
      );
      assert.deepEqual(
        copies.map((c) => c.to && !Array.isArray(c.to) && c.to.value),
        [
          [{ name: 'Ahmed, Zoë', address: 'zoe@example.org' }],
          [{ name: 'Omar Sheikh', address: 'omar@example.org' }],
          [{ name: '', address: 'lena@example.org' }],
        ],
      );
      const ids = new Set(copies.map((c) => c.messageId));
      assert.equal(ids.size, 3, 'each copy has its own Message-ID');
      assert.ok(!ids.has(built.mail.messageId), 'no copy reuses the draft Message-ID');
      for (const copy of copies) {
        assert.equal(copy.cc, undefined);
        assert.equal(copy.bcc, undefined);
        assert.equal(copy.headers.get('x-unsent'), undefined, 'a sent copy is no draft');
        assert.equal(copy.subject, built.mail.subject);
        assert.equal(copy.html, built.mail.html);
        assert.equal(copy.text, built.mail.text);
        const attached = copy.attachments.filter((a) => !a.related);
        assert.equal(attached.length, 2);
        assert.ok(attached[0]!.content.equals(built.pdf), 'the PDF arrives byte for byte');
        assert.ok(attached[1]!.content.equals(built.pptx), 'the deck arrives byte for byte');
      }

      const log = (await readFile(w.log, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      assert.deepEqual(
        log.map((e) => [e.to, e.result]),
        [
          ['zoe@example.org', 'sent'],
          ['omar@example.org', 'sent'],
          ['lena@example.org', 'sent'],
        ],
      );
      assert.ok(log.every((e) => e.message === readBuiltMessage(built.bytes).hash));

      const again = await send([w.eml, '--to', w.csv], { SMTP_URL: server.url });
      assert.equal(again.status, 0, again.err);
      assert.match(again.out, /3 already sent this message \(skipped\)/);
      assert.match(again.out, /Nothing to send/);
      assert.equal(server.received.length, 3, 'a second run sends nothing');
    },
  );

  it(
    'lists recipients the server refuses with its reason and exits 1; a re-run serves only them',
    bounded,
    async () => {
      server.received.length = 0;
      refused = new Set(['person2@example.org', 'person4@example.org']);
      const w = await workspace(people(5));
      const first = await send([w.eml, '--to', w.csv], { SMTP_URL: server.url });
      assert.equal(first.status, 1);
      assert.match(
        first.out,
        /^\[2\/5\] refused {2}person2@example\.org {2}550 5\.1\.1 <person2@example\.org>: Recipient address rejected/m,
      );
      assert.match(
        first.err,
        /The server refused 2:\n {2}person2@example\.org \(line 3\): 550 .*User unknown\n {2}person4@example\.org \(line 5\): 550 /,
      );
      assert.match(first.err, /5xx code is for good/);
      assert.equal(server.received.length, 3);

      refused = new Set(); // the addresses were fixed on the server's side
      const second = await send([w.eml, '--to', w.csv], { SMTP_URL: server.url });
      assert.equal(second.status, 0, second.err);
      assert.match(second.out, /5 recipients: 2 to send, 3 already sent this message/);
      assert.deepEqual(
        [...copiesByAddress(server).entries()].sort(),
        [1, 2, 3, 4, 5].map((i) => [`person${i}@example.org`, 1]),
      );
    },
  );

  it('stops when the connection drops mid-run; a re-run completes with no duplicates', bounded, async () => {
    server.received.length = 0;
    const relay = await startDroppingRelay(server.port, 3);
    try {
      const w = await workspace(people(6));
      const first = await send([w.eml, '--to', w.csv], { SMTP_URL: relay.url });
      assert.equal(first.status, 1);
      assert.match(
        first.out,
        /^\[3\/6\] not sent person3@example\.org {2}the connection to the server was lost/m,
      );
      assert.match(
        first.err,
        /Stopped: the connection to the server was lost \(ECONNECTION\)\. 4 not sent yet\./,
      );
      assert.equal(server.received.length, 2);

      const second = await send([w.eml, '--to', w.csv], { SMTP_URL: relay.url });
      assert.equal(second.status, 0, second.err);
      assert.match(second.out, /6 recipients: 4 to send, 2 already sent/);
      assert.deepEqual(
        [...copiesByAddress(server).entries()].sort(),
        [1, 2, 3, 4, 5, 6].map((i) => [`person${i}@example.org`, 1]),
      );
      assert.equal(server.received.length, 6);
    } finally {
      await relay.close();
    }
  });

  it('sends as SMTP_FROM when set, keeping replies to the brand', bounded, async () => {
    server.received.length = 0;
    const w = await workspace(people(1));
    const run = await send([w.eml, '--to', w.csv], {
      SMTP_URL: server.url,
      SMTP_FROM: 'SAT Newsletter <news@example.org>',
    });
    assert.equal(run.status, 0, run.err);
    const [copy] = await Promise.all(server.received.map((r) => simpleParser(r.raw)));
    assert.equal(server.received[0]!.from, 'news@example.org');
    assert.deepEqual(copy!.from?.value, [{ name: 'SAT Newsletter', address: 'news@example.org' }]);
    assert.deepEqual(copy!.replyTo?.value, [
      { name: 'South Asia Times', address: 'contact@southasiatimes.org' },
    ]);
  });

  it(
    'does not send a rebuilt message to those who got an earlier build, unless told to',
    bounded,
    async () => {
      server.received.length = 0;
      const w = await workspace(people(2));
      assert.equal((await send([w.eml, '--to', w.csv], { SMTP_URL: server.url })).status, 0);
      const eml = await readFile(w.eml, 'latin1');
      await writeFile(
        w.eml,
        eml.replace(/^Subject: .*$/m, 'Subject: South Asia Times | Brief Report (corrected)'),
        'latin1',
      );
      const skipped = await send([w.eml, '--to', w.csv], { SMTP_URL: server.url });
      assert.equal(skipped.status, 0);
      assert.match(skipped.out, /2 got an earlier build \(skipped; --resend-changed sends them this one\)/);
      assert.equal(server.received.length, 2);
      const resent = await send([w.eml, '--to', w.csv, '--resend-changed'], { SMTP_URL: server.url });
      assert.equal(resent.status, 0, resent.err);
      assert.equal(server.received.length, 4);
      assert.match((await simpleParser(server.received[3]!.raw)).subject ?? '', /corrected/);
    },
  );

  it('paces messages with --rate and refuses a bad rate', bounded, async () => {
    server.received.length = 0;
    const w = await workspace(people(3));
    const run = await send([w.eml, '--to', w.csv, '--rate', '1200'], { SMTP_URL: server.url });
    assert.equal(run.status, 0, run.err);
    assert.equal(server.received.length, 3);
    assert.equal((await send([w.eml, '--to', w.csv, '--rate', 'fast'], { SMTP_URL: server.url })).status, 2);
  });

  it(
    'refuses to run beside a send of the same message still running, and takes over a dead one',
    bounded,
    async () => {
      server.received.length = 0;
      const w = await workspace(people(1));
      await writeFile(`${w.log}.lock`, String(process.pid));
      const locked = await send([w.eml, '--to', w.csv], { SMTP_URL: server.url });
      assert.equal(locked.status, 1);
      assert.match(locked.err, /another send of this message is running \(process \d+\)/);
      assert.equal(server.received.length, 0);
      const gone = spawnSync(process.execPath, ['-e', '0']).pid; // a process that has exited
      await writeFile(`${w.log}.lock`, String(gone));
      assert.equal((await send([w.eml, '--to', w.csv], { SMTP_URL: server.url })).status, 0);
      assert.equal(server.received.length, 1);
      assert.equal(existsSync(`${w.log}.lock`), false, 'the lock is released');
    },
  );
});

describe('send: recipient headers', () => {
  /** The header block of a delivered copy, as the server received it, one field per entry (folding undone). */
  const headerFields = (raw: Buffer) =>
    raw
      .subarray(0, raw.indexOf('\r\n\r\n'))
      .toString('utf8')
      .split(/\r\n(?![ \t])/);

  it(
    'cannot be made to inject a header by a non-ASCII address: the copy is UTF-8, sent with SMTPUTF8',
    bounded,
    async () => {
      const server = await startSmtpServer();
      try {
        const evil = 'ačĊX-InjectedԺĠyes@example.org';
        const w = await workspace(`email,name\n${evil},\nomar@example.org,Omar\n`);
        const run = await send([w.eml, '--to', w.csv], { SMTP_URL: server.url });
        assert.equal(run.status, 0, run.err);
        assert.deepEqual(
          server.received.map((r) => [r.to, r.smtpUtf8]),
          [
            [[evil], true],
            [['omar@example.org'], false],
          ],
        );
        const fields = headerFields(server.received[0]!.raw);
        assert.equal(fields.filter((f) => /^x-injected/i.test(f)).length, 0, fields.join('\n'));
        assert.ok(
          fields.every((f) => /^[A-Za-z0-9-]+: /.test(f)),
          `every line is a field of its own: ${fields.join('\n')}`,
        );
        assert.deepEqual(
          fields.filter((f) => /^To:/i.test(f)),
          [`To: ${evil}`],
        );
        const copy = await simpleParser(server.received[0]!.raw, { keepCidLinks: true });
        assert.equal(copy.headers.get('x-injected'), undefined);
        assert.deepEqual(copy.to && !Array.isArray(copy.to) && copy.to.value, [{ name: '', address: evil }]);
        assert.equal(copy.html, built.mail.html, 'the body is untouched');
      } finally {
        await server.close();
      }
    },
  );

  it(
    'refuses an address that needs SMTPUTF8 when the server does not offer it, naming its line, and sends the rest',
    bounded,
    async () => {
      const server = await startSmtpServer({ smtpUtf8: false });
      try {
        const w = await workspace('email,name\nzoë@example.org,Zoë\nomar@jõgeva.ee,Omar\n');
        const run = await send([w.eml, '--to', w.csv], { SMTP_URL: server.url });
        assert.equal(run.status, 1);
        assert.match(
          run.out,
          /^\[1\/2\] refused {2}zoë@example\.org {2}not sent: the address has non-ASCII letters before the @, which needs SMTPUTF8 \(RFC 6531\), and smtp:\/\/127\.0\.0\.1:\d+ \(this machine\) does not offer it/m,
        );
        assert.match(run.err, /The server refused 1:\n {2}zoë@example\.org \(line 2\): not sent: .*SMTPUTF8/);
        // The server writes a punycode domain back in Unicode; an ASCII name before the @ needs no SMTPUTF8.
        assert.deepEqual(server.attempts, ['omar@jõgeva.ee'], 'the address never reached the server');
        assert.deepEqual(
          server.received.map((r) => [r.to, r.smtpUtf8]),
          [[['omar@jõgeva.ee'], false]],
        );
        assert.match(server.received[0]!.raw.toString('latin1'), /^To: Omar <omar@xn--jgeva-dua\.ee>\r$/m);
      } finally {
        await server.close();
      }
    },
  );

  it(
    'writes an internationalised domain in punycode and a non-ASCII name encoded, with no SMTPUTF8 needed',
    bounded,
    async () => {
      // A server that offers SMTPUTF8: nodemailer asks for it whenever an envelope address is not ASCII, so
      // its absence shows the punycode.
      const server = await startSmtpServer();
      try {
        const w = await workspace('email,name\namina@jõgeva.ee,"Ämina Rauf, Ph.D."\n');
        const run = await send([w.eml, '--to', w.csv], {
          SMTP_URL: server.url,
          SMTP_FROM: 'Zoë Ahmed <news@bücher.example>',
        });
        assert.equal(run.status, 0, run.err);
        const [received] = server.received;
        assert.deepEqual(
          [received!.from, received!.to, received!.smtpUtf8],
          ['news@bücher.example', ['amina@jõgeva.ee'], false],
        );
        const fields = headerFields(received!.raw);
        assert.ok(
          fields.every((f) => /^[\x20-\x7e\r\n\t]*$/.test(f)),
          `ASCII headers: ${fields.filter((f) => /[^\x20-\x7e\r\n\t]/.test(f)).join('\n')}`,
        );
        assert.ok(
          fields.includes('To: =?UTF-8?Q?=C3=84mina_Rauf=2C_Ph=2ED=2E?= <amina@xn--jgeva-dua.ee>'),
          fields.join('\n'),
        );
        assert.ok(
          fields.includes('From: =?UTF-8?Q?Zo=C3=AB_Ahmed?= <news@xn--bcher-kva.example>'),
          fields.join('\n'),
        );
        // mailparser, like the server, shows the domain in Unicode again.
        const copy = await simpleParser(received!.raw);
        assert.deepEqual(copy.to && !Array.isArray(copy.to) && copy.to.value, [
          { name: 'Ämina Rauf, Ph.D.', address: 'amina@jõgeva.ee' },
        ]);
        assert.deepEqual(copy.from?.value, [{ name: 'Zoë Ahmed', address: 'news@bücher.example' }]);
      } finally {
        await server.close();
      }
    },
  );

  it(
    'through the CLI (npm run send): the non-ASCII address goes out as one To line with SMTPUTF8, ' +
      'or is refused naming its CSV line where the server lacks it; the .eml untouched',
    bounded,
    async () => {
      const evil = 'ačĊX-InjectedԺĠyes@example.org';
      for (const smtpUtf8 of [true, false]) {
        const server = await startSmtpServer({ smtpUtf8 });
        try {
          const w = await workspace(`email,name\n${evil},\nomar@example.org,Omar\n`);
          const before = await snapshotDir(path.dirname(w.eml));
          // Not spawnSync: the SMTP server runs in this process.
          const child = spawn(
            process.execPath,
            [path.join(root, 'scripts/run.mjs'), 'send', w.eml, '--to', w.csv],
            {
              env: {
                PATH: process.env.PATH,
                NO_COLOR: '1',
                SMTP_URL: server.url,
                SMTP_FROM: 'News <news@example.org>',
              },
            },
          );
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
          assert.doesNotMatch(stderr, /^\s+at |\bError: /m, stderr);
          assert.ok(
            server.received.some((r) => r.to[0] === 'omar@example.org'),
            'the ASCII address is served either way',
          );
          if (smtpUtf8) {
            assert.equal(status, 0, stderr);
            assert.match(stdout, new RegExp(`^\\[1/2\\] sent {5}${evil}`, 'm'));
            const copy = server.received.find((r) => r.to[0] === evil);
            assert.ok(copy?.smtpUtf8, 'sent with SMTPUTF8');
            const fields = headerFields(copy.raw);
            assert.deepEqual(
              fields.filter((f) => /^(to|x-injected):/i.test(f)),
              [`To: ${evil}`],
              fields.join('\n'),
            );
          } else {
            assert.equal(status, 1, stderr);
            assert.match(
              stderr,
              new RegExp(
                `^The server refused 1:\\n {2}${evil} \\(line 2\\): not sent: the address has non-ASCII ` +
                  'letters before the @, which needs SMTPUTF8 \\(RFC 6531\\)',
                'm',
              ),
            );
            assert.deepEqual(server.attempts, ['omar@example.org'], 'the address never reached the server');
          }
          // The built message is as it was; only the send log beside it is new.
          const after = await snapshotDir(path.dirname(w.eml));
          after.delete(path.basename(w.log));
          assert.deepEqual([...after], [...before]);
        } finally {
          await server.close();
        }
      }
    },
  );

  it(
    'refuses addresses and names with a line break or control character in any ' +
      'form, naming the CSV line, and sends nothing',
    bounded,
    async () => {
      const server = await startSmtpServer();
      try {
        const csv = [
          'email,name',
          'ok@example.org,Amina',
          '"evil@example.org\nBcc: all@example.org",Eve',
          'carl@example.org,"Carl\rBcc: all@example.org"',
          'tab\t@example.org,',
          'sep\u2028@example.org,',
          'nel\u0085@example.org,',
          'zw\u200b@example.org,',
          'pct%0D%0A@example.org,',
          '=?utf-8?Q?a=0D=0A?=@example.org,',
          'dina@example.org,=?utf-8?B?RGluYQ0K?=',
          'farid@example.org,"Farid\u202eReza"',
          'hamid@example.org,Ali\u200cReza',
        ].join('\n');
        const w = await workspace(`${csv}\n`);
        const run = await send([w.eml, '--to', w.csv], { SMTP_URL: server.url });
        assert.equal(run.status, 1);
        const lines = run.err.split('\n').filter((l) => /recipients\.csv:\d+:/.test(l));
        assert.deepEqual(
          lines.map((l) => /recipients\.csv:(\d+): (.*?) holds/.exec(l)?.slice(1)),
          [
            ['3', '"evil@example.org\\nBcc: all@example.org"'],
            ['5', 'the name "Carl\\rBcc: all@example.org"'],
            ['7', '"tab\\t@example.org"'],
            ['8', '"sep\\u2028@example.org"'],
            ['9', '"nel\\u0085@example.org"'],
            ['10', '"zw\\u200B@example.org"'],
            ['11', '"pct%0D%0A@example.org"'],
            ['12', '"=?utf-8?Q?a=0D=0A?=@example.org"'],
            ['13', 'the name "=?utf-8?B?RGluYQ0K?="'],
            ['14', 'the name "Farid\\u202EReza"'],
          ],
        );
        assert.ok(
          lines.every((l) => !/[\r\u2028\u0085\u200b\u202e]/.test(l)),
          'messages show the characters escaped',
        );
        assert.match(run.err, /10 bad rows in .*recipients\.csv; nothing was sent/);
        assert.deepEqual(server.attempts, []);
      } finally {
        await server.close();
      }
    },
  );
});

/** One header field of a message as written (unfolded), or undefined. */
function headerValue(eml: Buffer, name: string): string | undefined {
  return readBuiltMessage(eml).headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
}

describe('send: what each copy says about itself', () => {
  /** The built message of the sample with the brand's unsubscribe page set, in a workspace of its own. */
  async function withUnsubscribePage(csv: string, page: string) {
    const w = await workspace(csv);
    const loaded = built.loaded;
    const brand = { ...loaded.report.brand, email: { ...loaded.report.brand.email, unsubscribe: page } };
    const { bytes } = await renderEmail({ ...loaded, report: { ...loaded.report, brand } }, built.outDir);
    await writeFile(w.eml, bytes);
    return w;
  }

  it(
    'gives every sent copy the Date it was sent, while the draft keeps its build date',
    bounded,
    async () => {
      const server = await startSmtpServer();
      try {
        const w = await workspace(people(2));
        const before = Date.now();
        const run = await send([w.eml, '--to', w.csv, '--rate', '40'], { SMTP_URL: server.url });
        const after = Date.now();
        assert.equal(run.status, 0, run.err);
        assert.equal(built.mail.date?.getTime(), Number(EPOCH) * 1000, 'the draft is reproducible');
        const dates = await Promise.all(
          server.received.map(async (r) => (await simpleParser(r.raw)).date!.getTime()),
        );
        for (const date of dates)
          assert.ok(
            date >= Math.floor(before / 1000) * 1000 && date <= after,
            `sent at ${new Date(date).toISOString()}`,
          );
        assert.ok(
          dates[1]! > dates[0]!,
          'the second copy, sent at least 1.5 s later (--rate 40), has its own Date',
        );
        const headerCount = server.received.map(
          (r) =>
            (
              r.raw
                .subarray(0, r.raw.indexOf('\r\n\r\n'))
                .toString('latin1')
                .match(/^Date:/gim) ?? []
            ).length,
        );
        assert.deepEqual(headerCount, [1, 1], 'one Date field each');
      } finally {
        await server.close();
      }
    },
  );

  it(
    'carries List-Unsubscribe: a mailto: to the sender, in the draft and in every copy',
    bounded,
    async () => {
      assert.equal(
        headerValue(built.bytes, 'List-Unsubscribe'),
        '<mailto:contact@southasiatimes.org?subject=unsubscribe>',
      );
      const server = await startSmtpServer();
      try {
        const w = await workspace(people(1));
        assert.equal((await send([w.eml, '--to', w.csv], { SMTP_URL: server.url })).status, 0);
        const viaBrand = await workspace(people(1));
        assert.equal(
          (
            await send([viaBrand.eml, '--to', viaBrand.csv], {
              SMTP_URL: server.url,
              SMTP_FROM: 'SAT News <news@example.org>',
            })
          ).status,
          0,
        );
        const [own, replaced] = server.received.map((r) =>
          readBuiltMessage(r.raw)
            .headers.filter((h) => /^list-unsubscribe/i.test(h.name))
            .map((h) => `${h.name}: ${h.value}`),
        );
        assert.deepEqual(own, ['List-Unsubscribe: <mailto:contact@southasiatimes.org?subject=unsubscribe>']);
        assert.deepEqual(
          replaced,
          ['List-Unsubscribe: <mailto:news@example.org?subject=unsubscribe>'],
          'the mailto: goes to the sender of the copy',
        );
      } finally {
        await server.close();
      }
    },
  );

  it(
    "adds the brand's https page with the recipient, and List-Unsubscribe-Post for one-click",
    bounded,
    async () => {
      const server = await startSmtpServer();
      try {
        const w = await withUnsubscribePage(
          'email,name\namina+briefs@example.org,Amina\nomar@example.org,Omar\n',
          'https://www.southasiatimes.org/unsubscribe?list=briefs',
        );
        const draft = readBuiltMessage(await readFile(w.eml));
        assert.equal(
          draft.headers.find((h) => h.name === 'List-Unsubscribe')?.value,
          '<mailto:contact@southasiatimes.org?subject=unsubscribe>, <https://www.southasiatimes.org/unsubscribe?list=briefs>',
        );
        assert.equal(
          draft.headers.find((h) => h.name === 'List-Unsubscribe-Post'),
          undefined,
          'the draft names no recipient, so no one-click',
        );
        assert.equal((await send([w.eml, '--to', w.csv], { SMTP_URL: server.url })).status, 0);
        assert.deepEqual(
          server.received.map((r) => headerValue(r.raw, 'List-Unsubscribe')),
          [
            '<mailto:contact@southasiatimes.org?subject=unsubscribe>, <https://www.southasiatimes.org/unsubscribe?list=briefs&email=amina%2Bbriefs%40example.org>',
            '<mailto:contact@southasiatimes.org?subject=unsubscribe>, <https://www.southasiatimes.org/unsubscribe?list=briefs&email=omar%40example.org>',
          ],
        );
        assert.deepEqual(
          server.received.map((r) => headerValue(r.raw, 'List-Unsubscribe-Post')),
          ['List-Unsubscribe=One-Click', 'List-Unsubscribe=One-Click'],
        );
        // mailparser reads the same: both targets.
        const list = (await simpleParser(server.received[1]!.raw)).headers.get('list') as {
          unsubscribe?: { url?: string; mail?: string };
        };
        assert.deepEqual(list.unsubscribe, {
          url: 'https://www.southasiatimes.org/unsubscribe?list=briefs&email=omar%40example.org',
          mail: 'contact@southasiatimes.org?subject=unsubscribe',
        });
      } finally {
        await server.close();
      }
    },
  );

  it('the brand file takes only an https unsubscribe page', () => {
    const brand = (unsubscribe: string) => ({
      meta: { name: 'X' },
      color: { primary: '#000000' },
      typography: { fonts: [{ family: 'F', source: 'file', files: [{ path: 'f.ttf' }] }], base: 'F' },
      defaults: { briefpress: { email: { unsubscribe } } },
    });
    assert.equal(brandSchema.safeParse(brand('https://example.org/unsubscribe')).success, true);
    for (const bad of [
      'http://example.org/unsubscribe',
      'mailto:leave@example.org',
      'https://user:pw@example.org/u',
      'www.example.org/unsubscribe',
      'https://example.org/a b',
    ]) {
      const result = brandSchema.safeParse(brand(bad));
      assert.equal(result.success, false, bad);
      assert.match(result.error!.issues[0]!.message, /must be the https address of your unsubscribe page/);
    }
  });

  it(
    'signs every copy with DKIM when the key is in the environment, as a verifier reads it back',
    bounded,
    async () => {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const txt = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
      const resolver = async (name: string, type: string) => {
        if (type === 'TXT' && name === 'bp2026._domainkey.southasiatimes.org') return [[txt]];
        throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
      };
      const server = await startSmtpServer();
      try {
        const w = await workspace(people(2));
        const env = {
          SMTP_URL: server.url,
          DKIM_DOMAIN: 'southasiatimes.org',
          DKIM_SELECTOR: 'bp2026',
          DKIM_PRIVATE_KEY: pem,
        };
        const run = await send([w.eml, '--to', w.csv], env);
        assert.equal(run.status, 0, run.err);
        assert.match(run.out, /DKIM-signed \(bp2026\._domainkey\.southasiatimes\.org\)/);
        assert.doesNotMatch(`${run.out}${run.err}`, /PRIVATE KEY|MII/);
        for (const received of server.received) {
          const { results } = await dkimVerify(received.raw, { resolver });
          assert.deepEqual(
            results.map((r: { signingDomain?: string; selector?: string; status: { result: string } }) => [
              r.signingDomain,
              r.selector,
              r.status.result,
            ]),
            [['southasiatimes.org', 'bp2026', 'pass']],
          );
          const signed = (results[0] as { signingHeaders?: { keys?: string } }).signingHeaders?.keys ?? '';
          for (const field of ['from', 'to', 'subject', 'date', 'message-id', 'list-unsubscribe'])
            assert.match(signed.toLowerCase(), new RegExp(`(^|: )${field}(:|$)`), `${field} is signed`);
          const tampered = Buffer.from(
            received.raw.toString('latin1').replace(/^Subject: /m, 'Subject: FW: '),
            'latin1',
          );
          assert.notEqual(
            (await dkimVerify(tampered, { resolver })).results[0]!.status.result,
            'pass',
            'a changed copy fails',
          );
        }
        const unsigned = await send([w.eml, '--to', w.csv, '--resend-changed'], { SMTP_URL: server.url });
        assert.equal(unsigned.status, 0);
      } finally {
        await server.close();
      }
    },
  );

  it(
    'refuses an incomplete or unreadable DKIM setting before sending, without printing the key',
    bounded,
    async () => {
      const w = await workspace(people(1));
      const secret = '-----BEGIN PRIVATE KEY-----\nTOPSECRETNOTAKEY\n-----END PRIVATE KEY-----\n';
      const partial = await send([w.eml, '--to', w.csv], {
        SMTP_URL: 'smtp://127.0.0.1:1',
        DKIM_DOMAIN: 'southasiatimes.org',
      });
      assert.equal(partial.status, 2);
      assert.match(
        partial.err,
        /DKIM signing needs DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY or DKIM_PRIVATE_KEY_FILE; DKIM_SELECTOR and DKIM_PRIVATE_KEY or DKIM_PRIVATE_KEY_FILE are not set/,
      );
      const bad = await send([w.eml, '--to', w.csv], {
        SMTP_URL: 'smtp://127.0.0.1:1',
        DKIM_DOMAIN: 'southasiatimes.org',
        DKIM_SELECTOR: 'bp2026',
        DKIM_PRIVATE_KEY: secret,
      });
      assert.equal(bad.status, 2);
      assert.match(bad.err, /DKIM_PRIVATE_KEY is not an RSA or Ed25519 private key in PEM form/);
      assert.doesNotMatch(`${bad.out}${bad.err}`, /TOPSECRET/);
    },
  );
});

describe('send: checks before anything goes out', () => {
  it(
    'reports bad addresses with their line numbers, drops duplicates, and sends nothing',
    bounded,
    async () => {
      const server = await startSmtpServer();
      try {
        const w = await workspace(
          'Name,E-mail\nAmina,amina@example.org\nBob,bob@\nCarla,carla example.org\nAmina ' +
            'again,AMINA@example.org\nDan,\nEve,eve@example\n',
        );
        const run = await send([w.eml, '--to', w.csv], { SMTP_URL: server.url });
        assert.equal(run.status, 1);
        assert.match(
          run.err,
          /recipients\.csv:5: AMINA@example\.org is already on line 2; it gets one message\./,
        );
        assert.match(run.err, /recipients\.csv:3: "bob@" is not an e-mail address/);
        assert.match(run.err, /recipients\.csv:4: "carla example\.org" is not an e-mail address/);
        assert.match(run.err, /recipients\.csv:6: no e-mail address in this row/);
        assert.match(
          run.err,
          /recipients\.csv:7: "eve@example" is not an e-mail address: the part after @ must be a domain/,
        );
        assert.match(run.err, /4 bad rows in .*recipients\.csv; nothing was sent/);
        assert.doesNotMatch(run.err, /line 2:|recipients\.csv:2:/);
        assert.deepEqual(server.attempts, []);
        assert.equal(existsSync(w.log), false);
      } finally {
        await server.close();
      }
    },
  );

  it('needs a header row naming the email column', async () => {
    const w = await workspace('amina@example.org,Amina\n');
    const run = await send([w.eml, '--to', w.csv], {});
    assert.equal(run.status, 2, 'no SMTP_URL is bad usage, reported first');
    const dry = await send([w.eml, '--to', w.csv, '--dry-run'], {});
    assert.equal(dry.status, 1);
    assert.match(
      dry.err,
      /recipients\.csv:1: the first row must name the columns, one of them `email` \(found: amina@example\.org, Amina\)/,
    );
  });

  it('--dry-run lists who would get the message, needs no server and sends nothing', async () => {
    const w = await workspace(people(2) + '\nperson1@example.org,Again\n');
    const run = await send([w.eml, '--to', w.csv, '--dry-run'], {});
    assert.equal(run.status, 0, run.err);
    assert.match(run.out, /2 recipients: 2 to send/);
    assert.match(
      run.out,
      /would send to person1@example\.org \(Person 1\), line 2\n {2}would send to person2@example\.org \(Person 2\), line 3/,
    );
    assert.match(run.out, /Dry run: nothing was sent\./);
    assert.match(run.err, /recipients\.csv:4: person1@example\.org is already on line 2/);
    assert.equal(existsSync(w.log), false);
  });

  it(
    'takes the server only from SMTP_URL, demands TLS beyond this machine, and never prints credentials',
    bounded,
    async () => {
      assert.deepEqual(
        [smtpConfig({ SMTP_URL: 'smtp://mail.example.org' })].map((c) => [c.port, c.secure, c.requireTLS]),
        [[587, false, true]],
      );
      const tls = smtpConfig({ SMTP_URL: 'smtps://me%40example.org:p%40ss@mail.example.org' });
      assert.deepEqual(
        [tls.port, tls.secure, tls.requireTLS, tls.auth],
        [465, true, false, { user: 'me@example.org', pass: 'p@ss' }],
      );
      assert.equal(tls.shown, 'smtps://****:****@mail.example.org (TLS)');
      for (const host of ['127.0.0.1', 'localhost', '[::1]', '127.1.2.3'])
        assert.equal(smtpConfig({ SMTP_URL: `smtp://${host}:2525` }).requireTLS, false, host);
      assert.throws(
        () => smtpConfig({ SMTP_URL: 'smtp://mail.example.org?tls.rejectUnauthorized=false' }),
        /only scheme:\/\/user:password@host:port is read/,
      );
      assert.throws(
        () => smtpConfig({ SMTP_URL: 'http://mail.example.org' }),
        /must start with smtps:\/\/ or smtp:\/\//,
      );

      const server = await startSmtpServer({ auth: { user: 'briefpress', pass: 's3cret-Pa55' } });
      try {
        const w = await workspace(people(1));
        const env = { SMTP_URL: `smtp://briefpress:s3cret-Pa55@127.0.0.1:${server.port}` };
        const run = await send([w.eml, '--to', w.csv], env);
        assert.equal(run.status, 0, run.err);
        assert.equal(server.received.length, 1, 'the credentials reached the server');
        const wrong = await send([w.eml, '--to', w.csv, '--resend-changed'], {
          SMTP_URL: `smtp://briefpress:Wr0ng-Pa55@127.0.0.1:${server.port}`,
        });
        const all = [run.out, run.err, wrong.out, wrong.err].join('\n');
        assert.match(all, /smtp:\/\/\*\*\*\*:\*\*\*\*@127\.0\.0\.1:\d+ \(this machine\)/);
        assert.doesNotMatch(all, /s3cret-Pa55|Wr0ng-Pa55|briefpress:/);
      } finally {
        await server.close();
      }
    },
  );

  it('gives each copy a Message-ID of its own that a re-send repeats', () => {
    const message = readBuiltMessage(built.bytes);
    const now = new Date();
    const a = copyFor(message, { address: 'a@example.org' }, undefined, now);
    assert.equal(
      copyFor(message, { address: 'A@example.org', name: 'A' }, undefined, new Date(now.getTime() + 60_000))
        .messageId,
      a.messageId,
    );
    assert.notEqual(copyFor(message, { address: 'b@example.org' }, undefined, now).messageId, a.messageId);
    assert.match(a.messageId, /^<[0-9a-f]{20}@southasiatimes\.org>$/);
  });

  it('runs from the command line: help, usage errors, a dry run', async () => {
    const w = await workspace(people(1));
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(root, 'scripts/run.mjs'), 'send', ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { PATH: process.env.PATH },
      });
    const help = cli('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: npm run send -- OUT\/<slug>\.eml --to recipients\.csv/);
    assert.equal(cli(SAMPLE, '--to', w.csv).status, 2, 'a report .yaml is not a message');
    assert.equal(cli(w.eml).status, 2, '--to is required');
    const dry = cli(w.eml, '--to', w.csv, '--dry-run');
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /would send to person1@example\.org/);
  });
});
