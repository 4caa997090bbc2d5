// PostgreSQL behind the store API every stage already calls synchronously: a connection with the
// shape of better-sqlite3's (prepare → run/get/all/raw, transaction, exec) over libpq's synchronous
// calls, so drizzle's SQLite builder and the store's own statements run on PostgreSQL unchanged.
// The store's SQL is the part of SQLite's dialect that PostgreSQL shares; where the two differ a
// statement is written for each (store/dialect.ts). Values come back shaped as SQLite gives them:
// integers and reals as numbers, booleans as 1/0, bytea as a Buffer, everything else as text.
import { createRequire } from 'node:module';

interface LibpqResult {
  resultStatus(): string;
  resultErrorMessage(): string;
  resultErrorFields(): Record<string, string | undefined> | undefined;
  ntuples(): number;
  nfields(): number;
  fname(i: number): string;
  ftype(i: number): number;
  getvalue(r: number, c: number): string;
  getisnull(r: number, c: number): boolean;
  cmdTuples(): string;
}
interface Libpq extends LibpqResult {
  connectSync(params: string): void;
  errorMessage(): string;
  finish(): void;
  exec(sql: string): void;
  execParams(sql: string, params: (string | null)[]): void;
  prepare(name: string, sql: string, n: number): void;
  execPrepared(name: string, params: (string | null)[]): void;
  transactionStatus(): number;
  sendQueryPrepared(name: string, params: (string | null)[]): boolean;
  getResult(): boolean;
  enterPipelineMode(): boolean;
  exitPipelineMode(): boolean;
  pipelineSync(): boolean;
}

const require = createRequire(import.meta.url);

/** A statement PostgreSQL refused, with its SQLSTATE as `code` (23505: a unique key taken). */
export class PgError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly sql: string,
  ) {
    super(message);
    this.name = 'PgError';
  }
}

/** The connection itself failed: the server is down, unreachable, or the session was ended. */
export class PgConnectionError extends Error {
  override name = 'PgConnectionError';
}

/** Whether `e` (or what it wraps: drizzle wraps a driver's errors) is a lost or refused connection. */
export function isConnectionLoss(e: unknown): boolean {
  for (let x = e, i = 0; x && i < 5; x = (x as { cause?: unknown }).cause, i++) if (x instanceof PgConnectionError) return true;
  return false;
}

type Param = string | number | bigint | boolean | Buffer | Uint8Array | null | undefined | object;

// SQLite's `?` placeholders as PostgreSQL's `$n`, skipping quoted text, quoted names and comments.
export function numberPlaceholders(sql: string): { text: string; count: number } {
  let out = '';
  let n = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end < 0 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '?') {
      out += `$${++n}`;
    } else out += c;
  }
  return { text: out, count: n };
}

// drizzle's SQLite builder names a conflict target's columns with their table ("t"."c"), which SQLite
// accepts and PostgreSQL refuses: there the target is bare column names.
export function unqualifyConflictTarget(sql: string): string {
  return sql.replace(/\bon conflict \(([^)]*)\)/gi, (_, cols: string) => `on conflict (${cols.replace(/"[^"]+"\./g, '')})`);
}

function toText(v: Param): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return `\\x${Buffer.from(v).toString('hex')}`;
  return JSON.stringify(v);
}

// Type oids (pg_type): what SQLite would have returned for each.
const INT = new Set([20, 21, 23, 26]);
const FLOAT = new Set([700, 701, 1700]);
const BOOL = 16;
const BYTEA = 17;

function fromText(oid: number, v: string): unknown {
  if (INT.has(oid) || FLOAT.has(oid)) return Number(v);
  if (oid === BOOL) return v === 't' ? 1 : 0;
  if (oid === BYTEA) return Buffer.from(v.slice(2), 'hex');
  return v;
}

// A statement run this many times is prepared on the server (parsed and planned once); the cap keeps a
// builder's varying IN-lists from piling up server-side statements.
const PREPARE_AFTER = 2;
const MAX_PREPARED = 500;

export class PgStatement {
  private readonly text: string;
  private readonly count: number;
  private arrays = false;
  constructor(
    private readonly conn: PgConnection,
    readonly source: string,
  ) {
    const { text, count } = numberPlaceholders(source);
    this.text = unqualifyConflictTarget(text);
    this.count = count;
  }
  /** Rows as arrays of values, for the builder's selects (a join's columns may share a name). */
  raw(on = true): PgStatement {
    const s = new PgStatement(this.conn, this.source);
    s.arrays = on;
    return s;
  }
  run(...params: Param[]): { changes: number; lastInsertRowid: number } {
    const pq = this.conn.execute(this.text, this.count, params);
    return { changes: Number(pq.cmdTuples() || 0), lastInsertRowid: 0 };
  }
  all(...params: Param[]): unknown[] {
    const pq = this.conn.execute(this.text, this.count, params);
    const rows: unknown[] = [];
    for (let r = 0; r < pq.ntuples(); r++) rows.push(this.row(pq, r));
    return rows;
  }
  get(...params: Param[]): unknown {
    const pq = this.conn.execute(this.text, this.count, params);
    return pq.ntuples() > 0 ? this.row(pq, 0) : undefined;
  }
  private row(pq: LibpqResult, r: number): unknown {
    const n = pq.nfields();
    if (this.arrays) {
      const out: unknown[] = new Array(n);
      for (let c = 0; c < n; c++) out[c] = pq.getisnull(r, c) ? null : fromText(pq.ftype(c), pq.getvalue(r, c));
      return out;
    }
    const out: Record<string, unknown> = {};
    for (let c = 0; c < n; c++) out[pq.fname(c)] = pq.getisnull(r, c) ? null : fromText(pq.ftype(c), pq.getvalue(r, c));
    return out;
  }
}

const FINISHED = new Set<Libpq>();

type TxFn<A extends unknown[], R> = ((...args: A) => R) & {
  deferred: (...args: A) => R;
  immediate: (...args: A) => R;
  exclusive: (...args: A) => R;
};

// PQTRANS_IDLE and PQTRANS_UNKNOWN (the connection is gone) of libpq's PQtransactionStatus.
const TRANS_IDLE = 0;
const TRANS_INTRANS = 2;
const TRANS_INERROR = 3;
const TRANS_UNKNOWN = 4;
// The server ended the session (administrator, crash, shutdown): the connection is gone, as with 08xxx.
const SESSION_ENDED = /^(08|57P0[123])/;
// Tries of a reconnection made for a statement that had nothing uncommitted, and the pause before each.
const QUIET_RECONNECT_MS = [0, 500, 2_000];

export class PgConnection {
  private pq: Libpq;
  private readonly seen = new Map<string, number>();
  private readonly names = new Map<string, string>();
  private depth = 0;
  /** Writes sent in pipeline mode whose answers are not read yet (`defer`). */
  private piped = 0;
  /** Lost inside a transaction: its writes are gone, so no statement runs until the owner reconnects. */
  private lostInTransaction = false;
  open = true;

  constructor(private readonly url: string) {
    this.pq = PgConnection.connect(url);
  }

  private static connect(url: string): Libpq {
    const Ctor = require('libpq') as new () => Libpq;
    const pq = new Ctor();
    try {
      pq.connectSync(url);
    } catch (e) {
      throw new PgConnectionError((e as Error).message.trim());
    }
    return pq;
  }

  /**
   * A new session in place of a lost one. Its owner calls it knowing what the lost transaction held (a
   * crawl's open window of pages is fetched again); a loss between transactions is mended by `execute`.
   */
  reconnect(): void {
    const pq = PgConnection.connect(this.url);
    this.piped = 0;
    this.retire(this.pq);
    this.pq = pq;
    this.names.clear();
    this.seen.clear();
    this.depth = 0;
    this.lostInTransaction = false;
    this.open = true;
  }

  get inTransaction(): boolean {
    this.drain();
    // PQTRANS_INTRANS (2) or PQTRANS_INERROR (3).
    const s = this.pq.transactionStatus();
    return s === 2 || s === 3;
  }

  /**
   * A write whose answer nobody reads (a crawl's page and its links), inside an open transaction: sent
   * without waiting for the server (libpq's pipeline mode) and answered when the next statement that
   * needs an answer, or the commit, drains the pipeline; an error there fails that statement or the
   * commit, as it would have failed the transaction. Outside a transaction it runs as any statement.
   * The crawl's thread waited on these round trips for about half of its time.
   */
  defer(text: string, params: Param[]): void {
    const { text: sql, count } = numberPlaceholders(text);
    if (this.piped === 0 && this.pq.transactionStatus() !== TRANS_INTRANS) {
      this.execute(sql, count, params);
      return;
    }
    const values = params.map(toText);
    if (values.length !== count) throw new PgError(`Expected ${count} parameters, got ${values.length}`, undefined, sql);
    let name = this.names.get(sql);
    if (name === undefined) {
      // Prepared before the pipeline: a statement is named once, on its own.
      this.drain();
      name = `choucha_${this.names.size + 1}`;
      this.pq.prepare(name, sql, count);
      this.check(sql);
      this.names.set(sql, name);
    }
    if (this.piped === 0) this.pq.enterPipelineMode();
    this.piped++;
    if (!this.pq.sendQueryPrepared(name, values)) this.drain();
  }

  /** Reads the answers of the writes sent in the pipeline, and leaves it; the first error is thrown. */
  private drain(): void {
    if (this.piped === 0) return;
    const sent = this.piped;
    this.piped = 0;
    this.pq.pipelineSync();
    let error: Error | null = null;
    for (let i = 0; i < sent; i++)
      while (this.pq.getResult()) {
        const status = this.pq.resultStatus();
        if (status !== 'PGRES_COMMAND_OK' && status !== 'PGRES_TUPLES_OK' && error === null) error = this.errorOfResult(status);
      }
    // The sync point's own result, then out of pipeline mode.
    this.pq.getResult();
    this.pq.exitPipelineMode();
    if (error === null) return;
    // A refused write aborted the transaction. Inside transaction() the body is undone to its savepoint
    // there; outside one it ends here, whole (a group commit whose COMMIT was never sent would otherwise
    // leave the session in an aborted transaction).
    if (this.depth === 0 && !(error instanceof PgConnectionError) && this.pq.transactionStatus() === TRANS_INERROR)
      this.pq.exec('ROLLBACK');
    throw error;
  }

  private errorOfResult(status: string): Error {
    if (status === 'PGRES_PIPELINE_ABORTED')
      return new PgError('A statement before this one failed; the transaction is aborted', '25P02', '');
    const message = (this.pq.resultErrorMessage() || this.pq.errorMessage() || status).trim();
    const code = this.pq.resultErrorFields()?.sqlState;
    return code === undefined || SESSION_ENDED.test(code) ? new PgConnectionError(message) : new PgError(message, code, '');
  }

  prepare(sql: string): PgStatement {
    return new PgStatement(this, sql);
  }

  exec(sql: string): void {
    this.guarded(() => {
      this.pq.exec(sql);
      this.check(sql);
    });
  }

  /** SQLite's pragmas have no meaning here. */
  pragma(): undefined {
    return undefined;
  }

  execute(text: string, count: number, params: Param[]): LibpqResult {
    const values = params.map(toText);
    if (values.length !== count) throw new PgError(`Expected ${count} parameters, got ${values.length}`, undefined, text);
    return this.guarded(() => this.send(text, count, values));
  }

  /**
   * Runs a statement; a session lost between transactions is replaced and the statement run again, one
   * lost inside a transaction stays lost (its writes are gone) until the owner calls `reconnect`.
   */
  private guarded<T>(run: () => T): T {
    if (this.lostInTransaction)
      throw new PgConnectionError('The connection to PostgreSQL was lost inside a transaction; its writes were rolled back');
    if (this.piped > 0)
      try {
        this.drain();
      } catch (e) {
        // The pipeline's writes were in a transaction: lost with the connection, they stay lost.
        if (e instanceof PgConnectionError) this.lostInTransaction = true;
        throw e;
      }
    const before = this.pq.transactionStatus();
    if (before === TRANS_UNKNOWN) this.mend();
    try {
      return run();
    } catch (e) {
      if (!(e instanceof PgConnectionError)) throw e;
      if (before !== TRANS_IDLE && before !== TRANS_UNKNOWN) {
        this.lostInTransaction = true;
        throw e;
      }
      this.mend();
      return run();
    }
  }

  /** A new session for one that is gone while nothing was uncommitted: a few quick tries, then the error. */
  private mend(): void {
    let last: unknown = null;
    for (const pause of QUIET_RECONNECT_MS) {
      if (pause > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
      try {
        this.reconnect();
        return;
      } catch (e) {
        last = e;
      }
    }
    throw last;
  }

  private send(text: string, count: number, values: (string | null)[]): LibpqResult {
    const name = this.names.get(text);
    if (name !== undefined) this.pq.execPrepared(name, values);
    else {
      const times = (this.seen.get(text) ?? 0) + 1;
      this.seen.set(text, times);
      if (times >= PREPARE_AFTER && this.names.size < MAX_PREPARED) {
        const next = `choucha_${this.names.size + 1}`;
        this.pq.prepare(next, text, count);
        this.check(text);
        this.names.set(text, next);
        this.pq.execPrepared(next, values);
      } else this.pq.execParams(text, values);
    }
    this.check(text);
    return this.pq;
  }

  private check(sql: string): void {
    const status = this.pq.resultStatus();
    if (status === 'PGRES_COMMAND_OK' || status === 'PGRES_TUPLES_OK' || status === 'PGRES_EMPTY_QUERY') return;
    const message = (this.pq.resultErrorMessage() || this.pq.errorMessage() || status).trim();
    const code = this.pq.resultErrorFields()?.sqlState;
    if (code === undefined || SESSION_ENDED.test(code)) throw new PgConnectionError(message);
    throw new PgError(message, code, sql);
  }

  /** better-sqlite3's transaction(): nested calls become savepoints; a throw rolls back and rethrows. */
  transaction<A extends unknown[], R>(fn: (...args: A) => R): TxFn<A, R> {
    const run = (...args: A): R => {
      // A transaction already open (a group commit's BEGIN, or an outer call) nests as a savepoint.
      const savepoint = this.inTransaction ? `choucha_sp${this.depth}` : null;
      this.exec(savepoint ? `SAVEPOINT ${savepoint}` : 'BEGIN');
      this.depth++;
      let out: R;
      try {
        out = fn(...args);
        // The body's deferred writes are answered here, inside it: one refused is undone with the body
        // alone (ROLLBACK TO SAVEPOINT), not with the whole transaction around it.
        this.drain();
      } catch (e) {
        if (this.open && this.inTransaction) this.exec(savepoint ? `ROLLBACK TO SAVEPOINT ${savepoint}` : 'ROLLBACK');
        throw e;
      } finally {
        this.depth--;
      }
      this.exec(savepoint ? `RELEASE SAVEPOINT ${savepoint}` : 'COMMIT');
      return out;
    };
    return Object.assign(run, { deferred: run, immediate: run, exclusive: run });
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    this.retire(this.pq);
  }

  private retire(pq: Libpq): void {
    pq.finish();
    // finish() starts closing a libuv handle that lives inside the binding's object; collected before
    // the close completes, the process aborts (uv__finish_close). Kept until the loop has turned.
    FINISHED.add(pq);
    setTimeout(() => FINISHED.delete(pq), 1_000).unref();
  }
}
