import { Redis } from 'ioredis'

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

async function probe(): Promise<string | undefined> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null })
  client.on('error', () => undefined)
  try {
    await client.connect()
    await client.ping()
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  } finally {
    client.disconnect()
  }
}

const redisError = await probe()
if (redisError) {
  // Like PostgreSQL: CI must prove the shared rate limit, a laptop may lack Redis.
  if (process.env.CI === 'true') throw new Error(`Redis unreachable at ${REDIS_URL} in CI: ${redisError}`)
  console.warn(`\n!!! Redis unreachable at ${REDIS_URL} (${redisError}): multi-process tests SKIPPED !!!\n`)
}
export const redisAvailable = redisError === undefined
