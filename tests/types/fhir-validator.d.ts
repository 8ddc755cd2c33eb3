declare module '@asymmetrik/fhir-json-schema-validator' {
  /** Validates FHIR R4 resources against the official fhir.schema.json; returns the errors (none: valid). */
  export default class JSONSchemaValidator {
    constructor(schema?: unknown, ajvSettings?: unknown)
    validate(resource: unknown, verbose?: boolean): unknown[]
  }
}
