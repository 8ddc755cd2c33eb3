/**
 * The fact schema version of this build (kept apart from zod so the tap path stays light).
 * Version 2 added survey responses. Each fact is written with the oldest version that
 * describes its kind (`FACT_KIND_SCHEMA_VERSION` below): taps still say 1, so a server
 * that only knows version 1 keeps taking them.
 */
export const FACT_SCHEMA_VERSION = 2
/** Taps and voids: unchanged since version 1. */
export const TAP_SCHEMA_VERSION = 1
/** The server accepts the current and the previous schema versions (docs/sync-protocol.md). */
export const SUPPORTED_FACT_SCHEMA_VERSIONS: readonly number[] = [1, 2]
/**
 * The oldest fact schema version that describes each kind: a fact is written with it, so a
 * server that knows the kind but not a later version still takes it (the protocol only grows).
 */
export const FACT_KIND_SCHEMA_VERSION = { interaction: 1, void: 1, survey_response: 2 } as const
