// Storage faults injected where a browser raises them, inside fake-indexeddb, so that Dexie, the store and the
// app see exactly what they would see in Chromium:
// - at commit: the transaction did all its requests, then aborts with `error` = QuotaExceededError (how Chromium
//   reports a full disk: the data only hits the quota when the transaction commits);
// - at a write: `put`/`add` throws a QuotaExceededError DOMException synchronously (large values, other engines).
// Both patch fake-indexeddb's classes (its private `_start`/`_abort` for the first): keep them in this file.

interface FakeTransaction {
  mode: IDBTransactionMode;
  objectStoreNames: DOMStringList;
  _state: string;
  _requests: { request: IDBRequest }[];
  _rollbackLog: unknown[];
  _start(): void;
  _abort(errName: string | null): void;
}

export interface Fault {
  /** Transactions (or writes) the fault has failed so far. */
  readonly hits: number;
  restore(): void;
}

const touches = (stores: readonly string[] | undefined, names: DOMStringList) => !stores || stores.some((s) => names.contains(s));

/**
 * Every read-write transaction that wrote something (and, when `stores` is given, covers one of them) aborts
 * when it would commit, with a QuotaExceededError; at most `times` transactions (default: all until restored).
 */
export function quotaAtCommit(opts: { stores?: readonly string[]; times?: number } = {}): Fault {
  const proto = IDBTransaction.prototype as unknown as FakeTransaction;
  if (typeof proto._start !== 'function' || typeof proto._abort !== 'function') throw new Error('quotaAtCommit needs fake-indexeddb');
  const original = proto._start;
  let hits = 0;
  proto._start = function (this: FakeTransaction) {
    const idle = this._requests.every((r) => r.request.readyState === 'done');
    const wrote = this._rollbackLog.length > 0;
    if (idle && wrote && this.mode === 'readwrite' && this._state !== 'finished' && hits < (opts.times ?? Infinity) && touches(opts.stores, this.objectStoreNames)) {
      hits++;
      this._abort('QuotaExceededError');
      return;
    }
    original.call(this);
  };
  return {
    get hits() {
      return hits;
    },
    restore: () => void (proto._start = original),
  };
}

/** `put` and `add` on the named object stores throw a QuotaExceededError (at most `times` times). */
export function quotaAtWrite(stores: readonly string[], opts: { times?: number } = {}): Fault {
  const proto = IDBObjectStore.prototype;
  const put = proto.put;
  const add = proto.add;
  let hits = 0;
  const wrap = (original: typeof put) =>
    function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (stores.includes(this.name) && hits < (opts.times ?? Infinity)) {
        hits++;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original.apply(this, args);
    };
  proto.put = wrap(put);
  proto.add = wrap(add);
  return {
    get hits() {
      return hits;
    },
    restore: () => {
      proto.put = put;
      proto.add = add;
    },
  };
}
