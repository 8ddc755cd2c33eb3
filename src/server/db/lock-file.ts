import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * One server per SQLite file: a second one would fight the first for the write lock and
 * share no in-memory state (rate limits). Taken with O_EXCL; a lock left by a killed
 * process (its pid gone) is taken over. Returns the release function.
 */
export function acquireLockFile(path: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return () => rmSync(path, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(readFileSync(path, 'utf8').trim())
      if (Number.isInteger(holder) && holder > 0 && alive(holder)) {
        throw new Error(`Another server (pid ${holder}) is using this data directory (${path}). Stop it first, or set another DATA_DIR.`, { cause: error })
      }
      rmSync(path, { force: true })
    }
  }
  throw new Error(`Could not take the lock ${path}`)
}
