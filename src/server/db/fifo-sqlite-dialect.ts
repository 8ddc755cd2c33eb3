import { CompiledQuery, SqliteDialect, type DatabaseConnection, type Driver, type TransactionSettings } from 'kysely'

/** A first-come, first-served lock: ownership passes straight to the next waiter. */
class FifoLock {
  #locked = false
  #waiters: (() => void)[] = []

  async lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true
      return
    }
    await new Promise<void>((resolve) => this.#waiters.push(resolve))
  }

  unlock(): void {
    const next = this.#waiters.shift()
    // setImmediate, not a direct call: better-sqlite3 is synchronous, so handing over inside
    // the microtask queue would run every queued transaction back to back without ever
    // reading the sockets of the tablets still waiting.
    if (next) setImmediate(next)
    else this.#locked = false
  }
}

/**
 * Kysely's SQLite driver guards its one connection with a mutex that lets a newcomer jump
 * the queue; under 50 tablets pushing at once some batches then wait for seconds. This
 * wrapper queues callers in arrival order, so latency is shared fairly.
 */
class FifoDriver implements Driver {
  readonly #inner: Driver
  readonly #lock = new FifoLock()

  constructor(inner: Driver) {
    this.#inner = inner
  }

  init(): Promise<void> {
    return this.#inner.init()
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#lock.lock()
    return this.#inner.acquireConnection()
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.#inner.releaseConnection(connection)
    this.#lock.unlock()
  }

  /**
   * IMMEDIATE takes the write lock at BEGIN. A DEFERRED transaction that reads first and then
   * writes cannot wait for another writer (busy_timeout does not apply to the upgrade), so it
   * would fail at once with SQLITE_BUSY instead of waiting its turn.
   */
  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.commitTransaction(connection)
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.rollbackTransaction(connection)
  }

  destroy(): Promise<void> {
    return this.#inner.destroy()
  }
}

export class FifoSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    return new FifoDriver(super.createDriver())
  }
}
