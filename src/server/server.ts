import cluster from 'node:cluster'
import { configFromEnv, describeDatabase } from './config.js'
import { startServer } from './start-server.js'

const config = configFromEnv()

/** With WEB_CONCURRENCY=N (PostgreSQL), the primary only forks N workers that share the port. */
if (config.workers > 1 && cluster.isPrimary) {
  console.log(`Starting ${config.workers} worker processes (${describeDatabase(config)})`)
  for (let i = 0; i < config.workers; i++) cluster.fork()
  let stopping = false
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return
    console.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`)
    cluster.fork()
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopping = true
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
    })
  }
} else {
  const server = await startServer({
    ...config,
    onAdminCreated: ({ username, password, generated }) => {
      // Printed once, on the first start only: the only place this password ever appears.
      console.log(`\nCoordinator account created: ${username}`)
      console.log(generated ? `Password (shown once, change it after login): ${password}\n` : 'Password: from ADMIN_PASSWORD\n')
    },
  })
  if (cluster.isPrimary) {
    console.log(`Health Promotion Corner listening on ${server.url} (${describeDatabase(config)})`)
    if (config.host === '127.0.0.1') console.log('Only this machine can connect; tablets on the LAN need HOST=0.0.0.0 and TLS_CERT/TLS_KEY.')
  } else {
    console.log(`worker ${process.pid} listening on ${server.url}`)
  }

  let closing = false
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (closing) return
      closing = true
      // Stop accepting, let in-flight pushes commit, then close the database.
      server.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error)
          process.exit(1)
        },
      )
    })
  }
}
