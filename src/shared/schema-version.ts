/** Schema version written into every fact by this client (kept apart from zod so the tap path stays light). */
export const FACT_SCHEMA_VERSION = 1
/** The server accepts the current and the previous client schema versions (docs/sync-protocol.md, "Records"). */
export const SUPPORTED_FACT_SCHEMA_VERSIONS: readonly number[] = [1]
