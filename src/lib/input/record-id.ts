/**
 * Whether a value from an address or a body can be a record's id: a number (SQLite, PostgreSQL) or an ObjectId
 * (MongoDB). Anything else is refused before it reaches a query, which would answer it with a 500 or a scan.
 */
export const isRecordId = (value: unknown): value is number | string =>
  (typeof value === 'number' || typeof value === 'string') && /^[0-9]{1,15}$|^[0-9a-f]{24}$/.test(String(value))
