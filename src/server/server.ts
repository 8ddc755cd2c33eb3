import { configFromEnv, describeDatabase } from './config.js'
import { startServer } from './start-server.js'

const options = configFromEnv()
const server = await startServer({
  ...options,
  onAdminCreated: ({ username, password, generated }) => {
    // Printed once, on the first start only: the only place this password ever appears.
    console.log(`\nCoordinator account created: ${username}`)
    console.log(generated ? `Password (shown once, change it after login): ${password}\n` : 'Password: from ADMIN_PASSWORD\n')
  },
})
console.log(`Health Promotion Corner listening on ${server.url} (${describeDatabase(options)})`)
if (options.host === '127.0.0.1') console.log('Only this machine can connect; tablets on the LAN need HOST=0.0.0.0 and TLS_CERT/TLS_KEY.')

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
