// A small CouchDB 3 client over `fetch`, limited to documented endpoints (`/_session`, `PUT /db`, GET docs,
// `_all_docs`, `_bulk_docs`, `_changes`), so it works with Apache CouchDB and compatible servers alike. Failures a
// user can cause (wrong password, server down, no rights) are values; the caller words them.

export type CouchFailure =
  | { kind: 'unauthorized'; status: number; reason: string }
  | { kind: 'forbidden'; status: number; reason: string }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'http'; status: number; reason: string }
  | { kind: 'aborted' };
export type Couch<T> = { ok: true; value: T } | ({ ok: false } & CouchFailure);

export interface Change {
  id: string;
  seq: string | number;
  deleted?: boolean;
  doc?: Record<string, unknown>;
}
export interface ChangesPage {
  results: Change[];
  lastSeq: string | number;
  pending?: number;
}

export type BulkOutcome = { id: string; written: boolean };

/** The database at `dbUrl` (e.g. https://host/couchdb/eventory): its server root is the URL without the last segment. */
export class CouchClient {
  readonly db: string;
  readonly root: string;

  constructor(
    dbUrl: string,
    private readonly fetcher: typeof fetch = (...args) => fetch(...args),
  ) {
    this.db = dbUrl.replace(/\/+$/, '');
    this.root = this.db.slice(0, this.db.lastIndexOf('/'));
  }

  /** Signs in with CouchDB's cookie session; the browser keeps the cookie, nothing else keeps the password. */
  signIn(name: string, password: string): Promise<Couch<unknown>> {
    return this.request(`${this.root}/_session`, { method: 'POST', body: JSON.stringify({ name, password }) });
  }

  /** Creates the database; a database that is already there is fine. */
  async createDb(): Promise<Couch<'created' | 'exists'>> {
    const res = await this.request(this.db, { method: 'PUT' });
    if (res.ok) return { ok: true, value: 'created' };
    return res.kind === 'http' && res.status === 412 ? { ok: true, value: 'exists' } : res;
  }

  /** A document, or undefined when it does not exist (or the database does not: see `dbMissing`). */
  async getDoc(id: string): Promise<Couch<{ doc?: Record<string, unknown>; dbMissing: boolean }>> {
    const res = await this.request<Record<string, unknown>>(`${this.db}/${encodeURIComponent(id)}`, { method: 'GET' });
    if (res.ok) return { ok: true, value: { doc: res.value, dbMissing: false } };
    // CouchDB says "Database does not exist." for a missing database (pouchdb-server: "no_db_file"), "missing" for a doc.
    if (res.kind === 'http' && res.status === 404) return { ok: true, value: { dbMissing: /database does not exist|no_db_file/i.test(res.reason) } };
    return res;
  }

  putDoc(doc: { _id: string } & Record<string, unknown>): Promise<Couch<unknown>> {
    return this.request(`${this.db}/${encodeURIComponent(doc._id)}`, { method: 'PUT', body: JSON.stringify(doc) });
  }

  /** Up to `limit` document ids, for telling an empty database from one holding something else. */
  async someIds(limit: number): Promise<Couch<string[]>> {
    const res = await this.request<{ rows: { id: string }[] }>(`${this.db}/_all_docs?limit=${limit}`, { method: 'GET' });
    return res.ok ? { ok: true, value: res.value.rows.map((r) => r.id) } : res;
  }

  /** Documents by id (those that exist and are not deleted). */
  async getDocs(ids: readonly string[]): Promise<Couch<Record<string, unknown>[]>> {
    const res = await this.request<{ rows: { doc?: Record<string, unknown> | null }[] }>(`${this.db}/_all_docs?include_docs=true`, {
      method: 'POST',
      body: JSON.stringify({ keys: ids }),
    });
    return res.ok ? { ok: true, value: res.value.rows.flatMap((r) => (r.doc ? [r.doc] : [])) } : res;
  }

  /**
   * Writes new documents. One whose id is already there is a conflict, and so was written before: a
   * content-addressed document never changes, so that is success too.
   */
  async bulkDocs(docs: readonly object[]): Promise<Couch<BulkOutcome[]>> {
    const res = await this.request<{ id: string; ok?: boolean; error?: string; reason?: string }[]>(`${this.db}/_bulk_docs`, {
      method: 'POST',
      body: JSON.stringify({ docs }),
    });
    if (!res.ok) return res;
    const failed = res.value.find((r) => !r.ok && r.error !== 'conflict');
    if (failed) {
      const kind = failed.error === 'forbidden' || failed.error === 'unauthorized' ? 'forbidden' : 'http';
      return { ok: false, kind, status: 0, reason: `${failed.error ?? 'error'}: ${failed.reason ?? ''} (document ${failed.id})` };
    }
    return { ok: true, value: res.value.map((r) => ({ id: r.id, written: r.ok === true })) };
  }

  /**
   * Changes after `since` with their documents. `wait` (ms): a longpoll that returns as soon as there is a change
   * (or after `wait`); the request is also cut off on this side a little later, as some servers hold it open.
   */
  async changes(since: string | number, limit: number, opts: { wait?: number; signal?: AbortSignal } = {}): Promise<Couch<ChangesPage>> {
    const params = new URLSearchParams({ since: String(since), include_docs: 'true', limit: String(limit) });
    if (opts.wait) {
      params.set('feed', 'longpoll');
      params.set('timeout', String(opts.wait));
    }
    const cut = new AbortController();
    const timer = opts.wait ? setTimeout(() => cut.abort(), opts.wait + 10_000) : undefined;
    const onAbort = () => cut.abort();
    opts.signal?.addEventListener('abort', onAbort);
    try {
      const res = await this.request<{ results: Change[]; last_seq: string | number; pending?: number }>(`${this.db}/_changes?${params}`, { method: 'GET', signal: cut.signal });
      if (!res.ok) return res.kind === 'aborted' && !opts.signal?.aborted ? { ok: true, value: { results: [], lastSeq: since } } : res;
      return { ok: true, value: { results: res.value.results, lastSeq: res.value.last_seq, pending: res.value.pending } };
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  private async request<T>(url: string, init: RequestInit): Promise<Couch<T>> {
    let res: Response;
    try {
      res = await this.fetcher(url, {
        ...init,
        // The session cookie is the browser's; it goes with every request (same origin, or CORS with credentials).
        credentials: 'include',
        headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
      });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return { ok: false, kind: 'aborted' };
      return { ok: false, kind: 'unreachable', reason: err instanceof Error ? err.message : String(err) };
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return { ok: false, kind: 'aborted' };
      body = undefined;
    }
    if (res.ok && body !== undefined) return { ok: true, value: body as T };
    const reason = describeBody(body) ?? `${res.status} ${res.statusText}`.trim();
    if (res.status === 401) return { ok: false, kind: 'unauthorized', status: 401, reason };
    if (res.status === 403) return { ok: false, kind: 'forbidden', status: 403, reason };
    // A reverse proxy answers 502/503/504 when CouchDB behind it is down: for the user, the server is unreachable.
    if (res.status === 502 || res.status === 503 || res.status === 504) return { ok: false, kind: 'unreachable', reason: `HTTP ${res.status}` };
    return { ok: false, kind: 'http', status: res.status, reason: res.ok ? 'the answer was not JSON' : reason };
  }
}

function describeBody(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { error, reason } = body as { error?: unknown; reason?: unknown };
  if (typeof error !== 'string') return undefined;
  return typeof reason === 'string' && reason ? `${error}: ${reason}` : error;
}
