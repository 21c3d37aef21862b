// A CouchDB-compatible server for tests (couchServerMain.mjs: express-pouchdb over PouchDB in memory) on 127.0.0.1
// and a free port, started by the test itself and stopped after it. Its config file and log go to a temporary
// folder, removed on stop.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const MAIN = join(ROOT, 'test', 'support', 'couchServerMain.mjs');

function freePort() {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => done(port));
    });
  });
}

/**
 * @param {{ admin?: { name: string, password: string } }} [opts] with `admin`, the server requires sign-in
 *   (CouchDB's "admin party" ends); without, anyone may do anything.
 * @returns {Promise<{ url: string, authHeader?: string, stop(): Promise<void> }>}
 */
export async function startCouch(opts = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'eventory-couch-'));
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN, String(port), dir], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill();
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the test CouchDB exited (${child.exitCode}): ${stderr}`);
      const up = await fetch(url).then((r) => r.ok, () => false);
      if (up) break;
      if (Date.now() > deadline) throw new Error(`the test CouchDB did not start within 30 s: ${stderr}`);
      await new Promise((r) => setTimeout(r, 150));
    }
    if (!opts.admin) return { url, stop };
    const res = await fetch(`${url}/_config/admins/${opts.admin.name}`, { method: 'PUT', body: JSON.stringify(opts.admin.password) });
    if (!res.ok) throw new Error(`could not create the admin: ${res.status} ${await res.text()}`);
    const authHeader = `Basic ${Buffer.from(`${opts.admin.name}:${opts.admin.password}`).toString('base64')}`;
    return { url, authHeader, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
