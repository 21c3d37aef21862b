// The test CouchDB's process (started by couchServer.mjs): express-pouchdb, "a CouchDB-style REST interface to
// PouchDB" (the server of pouchdb-server) in its full CouchDB mode (sessions, admins, security), over PouchDB's
// in-memory adapter. Without pouchdb-server's optional LevelDB/SQLite adapters, nothing is compiled at install.
// Usage: node couchServerMain.mjs <port> <folder for its config and log>
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const express = require('express');
const expressPouchDB = require('express-pouchdb');
const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-replication'))
  .plugin(require('pouchdb-mapreduce'))
  .plugin(require('pouchdb-adapter-memory'));

const [port, dir] = process.argv.slice(2);
const couch = expressPouchDB({ configPath: join(dir, 'config.json'), logPath: join(dir, 'log.txt') });
couch.setPouchDB(PouchDB.defaults({ adapter: 'memory', prefix: `${dir}/` }));
const app = express();
app.use(couch);
app.listen(Number(port), '127.0.0.1');
