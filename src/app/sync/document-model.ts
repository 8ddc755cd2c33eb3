/**
 * What this app version reads from a pull. The readers drop fields and kinds they do not know
 * and skip documents they cannot read, so bump this whenever the app learns a new document
 * kind or field: a tablet that pulled with an older model then re-reads everything from
 * cursor 0 once, and picks up what its older self left out.
 */
// Model 1 stores kits and events. Pulls also bring surveys and contents, which this version
// reads but does not store yet: the version that stores them bumps this to re-read them.
export const DOCUMENT_MODEL = 1
