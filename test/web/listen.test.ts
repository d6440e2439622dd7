/**
 * Where a served drill listens, and the secret in its links: --listen takes only this machine's
 * addresses, a port in use is one line, and the secret is long, new each time and compared whole.
 */
import { describe, expect, it } from 'vitest';
import { beyondLoopback, openPort, parseListen } from '../../src/web/listen.js';
import { newSecret, secretMatches } from '../../src/web/secret.js';

describe('--listen', () => {
  it('takes HOST:PORT for this machine’s addresses, loopback or all', () => {
    expect(parseListen('127.0.0.1:8080')).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(parseListen('localhost:0')).toEqual({ host: '127.0.0.1', port: 0 });
    expect(parseListen('0.0.0.0:9000')).toEqual({ host: '0.0.0.0', port: 9000 });
    expect(parseListen('[::1]:9000')).toEqual({ host: '::1', port: 9000 });
    expect(parseListen('127.0.0.2:9000')).toEqual({ host: '127.0.0.2', port: 9000 });
  });

  it('refuses what is not HOST:PORT, a name, and an address of another machine, in one line', () => {
    const problem = (text: string) => {
      const parsed = parseListen(text);
      return 'problem' in parsed ? parsed.problem : '';
    };
    expect(problem('8080')).toMatch(/^--listen '8080' is not HOST:PORT; write e\.g\. --listen 127\.0\.0\.1:8080/);
    expect(problem('127.0.0.1:70000')).toMatch(/is not HOST:PORT/);
    expect(problem('example.com:80')).toMatch(/write the host as an IP address of this machine/);
    expect(problem('8.8.8.8:8080')).toMatch(
      /^--listen '8\.8\.8\.8:8080': 8\.8\.8\.8 is not an address of this machine; use one of 127\.0\.0\.1/,
    );
    for (const text of ['8080', 'example.com:80', '8.8.8.8:8080']) expect(problem(text)).not.toContain('\n');
  });

  it('says when the pages can be reached from other machines', () => {
    expect(beyondLoopback('127.0.0.1')).toBe(false);
    expect(beyondLoopback('::1')).toBe(false);
    expect(beyondLoopback('0.0.0.0')).toBe(true);
  });

  it('opens a free port by default, and says in one line when a port is in use', async () => {
    const free = await openPort({ host: '127.0.0.1', port: 0 });
    if ('problem' in free) throw new Error(free.problem);
    expect(free.address.port).toBeGreaterThan(0);
    const busy = await openPort({ host: '127.0.0.1', port: free.address.port });
    expect(busy).toEqual({
      problem: `--serve: 127.0.0.1:${free.address.port}: the port is already in use; choose another with --listen, or leave --listen out for a free port`,
    });
    await new Promise((r) => free.server.close(r));
  });
});

describe('the secret', () => {
  it('is 256 random bits, new every time, and matches only itself whole', () => {
    const a = newSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(Array.from({ length: 100 }, newSecret)).size).toBe(100);
    expect(secretMatches(a, a)).toBe(true);
    for (const guess of [
      '',
      a.slice(0, -1),
      `${a}x`,
      a.toUpperCase() === a ? a.toLowerCase() : a.toUpperCase(),
      'x'.repeat(10_000),
    ]) {
      expect(secretMatches(guess, a)).toBe(false);
    }
  });
});
