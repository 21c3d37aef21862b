// Baselines measured in the same page as the app, injected as a plain script (no imports) so it runs on the
// app's own origin and in the engine-only bench page alike. Each uses its own IndexedDB database.
//  - raw: the physical limit — JSON.parse of the file, events written in 1,000-event records in one
//    transaction, read back in batches, folded into counts, stringified.
//  - naive: the tutorial's design — one row per event (keyPath id, indexes on time and itemId) and a full
//    replay of the log after every change.
(() => {
  if (globalThis.__baseline) return;
  const SEGMENT = 1000;
  const READ_BATCH = 16;
  const now = () => performance.now();
  const req = (r) => new Promise((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
  const done = (tx) => new Promise((res, rej) => ((tx.oncomplete = () => res()), (tx.onerror = tx.onabort = () => rej(tx.error))));
  const quantile = (xs, q) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  };

  async function freshDb(name, upgrade) {
    await req(indexedDB.deleteDatabase(name));
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => upgrade(open.result);
    return req(open);
  }

  /** Quantity per item and location, undone events skipped: the least any inventory fold must do. */
  function fold(events) {
    const undone = new Set();
    for (const e of events) if (e.type === 'EventsReverted') for (const id of e.data.eventIds) undone.add(id);
    const items = new Map();
    const stockOf = (id) => {
      let it = items.get(id);
      if (!it) items.set(id, (it = { stock: new Map(), archived: false }));
      return it;
    };
    const add = (it, loc = '', q) => it.stock.set(loc, (it.stock.get(loc) ?? 0) + q);
    for (const e of events) {
      if (undone.has(e.id) || e.type === 'EventsReverted') continue;
      const it = stockOf(e.data.itemId);
      const d = e.data;
      if (e.type === 'StockAdded') add(it, d.location, d.quantity);
      else if (e.type === 'StockRemoved') add(it, d.location, -d.quantity);
      else if (e.type === 'StockMoved') (add(it, d.from, -d.quantity), add(it, d.to, d.quantity));
      else if (e.type === 'StockCounted') it.stock.set(d.location ?? '', d.counted);
      else if (e.type === 'ItemArchived') it.archived = true;
      else if (e.type === 'ItemRestored') it.archived = false;
    }
    let total = 0;
    for (const it of items.values()) for (const q of it.stock.values()) total += q;
    return { items: items.size, total };
  }

  function stringify(chunks) {
    const parts = [];
    let first = true;
    for (const chunk of chunks) {
      parts.push((first ? '' : ',\n') + chunk.map((e) => JSON.stringify(e)).join(',\n'));
      first = false;
    }
    return new Blob(['{"events":[\n', ...parts, '\n]}\n'], { type: 'application/json' }).size;
  }

  let file;
  const input = () => {
    let el = document.getElementById('bench-file');
    if (!el) {
      el = Object.assign(document.createElement('input'), { type: 'file', id: 'bench-file', hidden: true });
      el.addEventListener('change', () => (file = el.files[0]));
      document.body.append(el);
    }
    return el;
  };

  async function parseFile() {
    if (!file) throw new Error('No file chosen: call setInputFiles on #bench-file first');
    const t0 = now();
    const text = await file.text();
    const t1 = now();
    const events = JSON.parse(text).events;
    return { events, fileMs: t1 - t0, parseMs: now() - t1, bytes: file.size };
  }

  async function raw(name = 'bench-raw') {
    const out = {};
    const parsed = await parseFile();
    Object.assign(out, { fileMs: parsed.fileMs, parseMs: parsed.parseMs, bytes: parsed.bytes });
    let events = parsed.events;
    const n = events.length;
    let db = await freshDb(name, (d) => d.createObjectStore('segments'));
    let t = now();
    const tx = db.transaction('segments', 'readwrite');
    const store = tx.objectStore('segments');
    for (let i = 0, k = 0; i < n; i += SEGMENT, k++) store.put({ events: events.slice(i, i + SEGMENT) }, k);
    await done(tx);
    out.writeMs = now() - t;
    events = undefined;
    db.close();
    db = await req(indexedDB.open(name));
    t = now();
    const chunks = [];
    const rtx = db.transaction('segments', 'readonly');
    const rstore = rtx.objectStore('segments');
    for (let k = 0; k * SEGMENT < n; k += READ_BATCH) {
      const rows = await req(rstore.getAll(IDBKeyRange.bound(k, k + READ_BATCH - 1)));
      for (const r of rows) chunks.push(r.events);
    }
    out.readMs = now() - t;
    t = now();
    out.fold = fold(chunks.flat());
    out.foldMs = now() - t;
    t = now();
    out.exportBytes = stringify(chunks);
    out.stringifyMs = now() - t;
    // The floor under one command: a transaction that writes one small record.
    const appendMs = [];
    for (let i = 0; i < 50; i++) {
      t = now();
      const w = db.transaction('segments', 'readwrite');
      w.objectStore('segments').put({ events: [{ ...chunks[0][0], id: `raw-${i}` }] }, 1e9 + i);
      await done(w);
      appendMs.push(now() - t);
    }
    out.appendP50 = quantile(appendMs, 0.5);
    out.appendP95 = quantile(appendMs, 0.95);
    db.close();
    out.events = n;
    // The budgets' reference figures.
    out.importMs = out.fileMs + out.parseMs + out.writeMs;
    out.exportMs = out.readMs + out.stringifyMs;
    out.rebuildMs = out.readMs + out.foldMs;
    return out;
  }

  /** Every event in history order (the time index; ties by id, its primary key), folded. */
  async function replay(db, upper) {
    const tx = db.transaction('events', 'readonly');
    const idx = tx.objectStore('events').index('time');
    const events = await req(idx.getAll(upper === undefined ? undefined : IDBKeyRange.upperBound(upper)));
    return { events, state: fold(events) };
  }

  async function naive(name = 'bench-naive', opts = {}) {
    const appends = opts.appends ?? 20;
    const seeks = opts.seeks ?? 10;
    const out = {};
    const parsed = await parseFile();
    let events = parsed.events;
    const n = events.length;
    let t = now();
    let db = await freshDb(name, (d) => {
      const s = d.createObjectStore('events', { keyPath: 'id' });
      s.createIndex('time', 'time');
      s.createIndex('itemId', 'data.itemId');
    });
    const tx = db.transaction('events', 'readwrite');
    const store = tx.objectStore('events');
    for (const e of events) store.put(e);
    await done(tx);
    out.writeMs = now() - t;
    const first = events[0].time;
    const last = events[n - 1].time;
    const itemId = events.find((e) => e.type === 'ItemCreated').data.itemId;
    events = undefined;
    t = now();
    await replay(db);
    out.replayMs = now() - t;
    out.importMs = parsed.fileMs + parsed.parseMs + out.writeMs + out.replayMs;
    db.close();

    // Cold start of the naive app: open the database and replay everything.
    t = now();
    db = await req(indexedDB.open(name));
    const cold = await replay(db);
    out.coldStartMs = now() - t;
    out.fold = cold.state;

    t = now();
    const all = (await replay(db)).events;
    out.exportBytes = stringify([all]);
    out.exportMs = now() - t;

    const appendMs = [];
    let at = Date.parse(last);
    for (let i = 0; i < appends; i++) {
      t = now();
      const e = { specversion: '1.0', id: `naive-${i}-${Math.random().toString(36).slice(2)}`, source: 'bench', type: 'StockAdded', time: new Date(++at).toISOString(), dataversion: 1, data: { itemId, quantity: 1 } };
      const w = db.transaction('events', 'readwrite');
      w.objectStore('events').add(e);
      await done(w);
      await replay(db);
      appendMs.push(now() - t);
    }
    out.appendP50 = quantile(appendMs, 0.5);
    out.appendP95 = quantile(appendMs, 0.95);

    const seekMs = [];
    const lo = Date.parse(first);
    const span = Date.parse(last) - lo;
    for (let i = 0; i < seeks; i++) {
      const when = new Date(lo + ((i * 7919) % seeks) / seeks * span).toISOString();
      t = now();
      await replay(db, when);
      seekMs.push(now() - t);
    }
    out.seekP50 = quantile(seekMs, 0.5);
    out.seekP95 = quantile(seekMs, 0.95);
    out.rebuildMs = out.replayMs;
    db.close();
    out.events = n;
    return out;
  }

  async function drop(...names) {
    for (const name of names) await req(indexedDB.deleteDatabase(name));
  }

  globalThis.__baseline = { input, raw, naive, fold, drop, quantile };
  input();
})();
