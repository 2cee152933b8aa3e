import type {
  CollectionBeforeOperationHook,
  CollectionBeforeValidateHook,
  CollectionConfig,
  Config,
  Field,
  GlobalBeforeValidateHook,
  GlobalConfig,
  PayloadRequest,
} from 'payload'

import { APIError, NotFound, ValidationError } from 'payload'

import { mediaType } from './media-type'
import { containsNul, describeTextProblem } from './text'

export type ValueProblem = { message: string; path: string }

const STRING_FIELDS = new Set(['code', 'email', 'text', 'textarea'])
const AUTH_OPERATIONS = new Set(['forgotPassword', 'login', 'resetPassword', 'unlock'])

const joinPath = (base: string, key: number | string): string => (base ? `${base}.${key}` : String(key))

const labelOf = (field: Field): string => {
  const label = 'label' in field && typeof field.label === 'string' ? field.label : undefined
  return label ?? ('name' in field ? field.name : 'This field')
}

const isRecord = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value)

/**
 * Values that cannot be stored as given, field by field, with Payload's path for each (`review.sources.0.title`):
 * a text field given something other than text (Payload would store `{"a":1}` as the string), and a NUL
 * anywhere (PostgreSQL refuses it in text and JSON; SQLite would keep a string that ends early elsewhere).
 * Only what `data` holds is checked, so a partial update is judged on what it changes.
 */
export const unstorableValues = ({ data, fields, path = '' }: { data: unknown; fields: Field[]; path?: string }): ValueProblem[] =>
  isRecord(data) ? fields.flatMap((field) => fieldProblems({ field, path, record: data })) : []

const fieldProblems = ({ field, path, record }: { field: Field; path: string; record: Record<string, unknown> }): ValueProblem[] => {
  if (field.type === 'row' || field.type === 'collapsible') return unstorableValues({ data: record, fields: field.fields, path })
  if (field.type === 'tabs') {
    return field.tabs.flatMap((tab) =>
      'name' in tab && tab.name
        ? unstorableValues({ data: record[tab.name], fields: tab.fields, path: joinPath(path, tab.name) })
        : unstorableValues({ data: record, fields: tab.fields, path }),
    )
  }
  if (field.type === 'group' && !('name' in field && field.name)) return unstorableValues({ data: record, fields: field.fields, path })
  if (field.type === 'ui' || field.type === 'join' || !('name' in field) || (field as { virtual?: unknown }).virtual) return []
  const value = record[field.name]
  if (value === undefined || value === null) return []
  const fieldPath = joinPath(path, field.name)
  const problem = (kind: 'not-text' | 'nul'): ValueProblem[] => [
    { message: describeTextProblem({ label: labelOf(field), problem: kind }), path: fieldPath },
  ]
  if (field.type === 'group') return unstorableValues({ data: value, fields: field.fields, path: fieldPath })
  if (field.type === 'array') {
    if (!Array.isArray(value)) return [{ message: `${labelOf(field)} must be a list`, path: fieldPath }]
    return value.flatMap((row, index) => unstorableValues({ data: row, fields: field.fields, path: joinPath(fieldPath, index) }))
  }
  if (field.type === 'blocks') {
    if (!Array.isArray(value)) return [{ message: `${labelOf(field)} must be a list`, path: fieldPath }]
    return value.flatMap((row, index) => {
      const block = field.blocks?.find((each) => isRecord(row) && each.slug === row.blockType)
      if (block) return unstorableValues({ data: row, fields: block.fields, path: joinPath(fieldPath, index) })
      return containsNul(row) ? problem('nul') : []
    })
  }
  if (STRING_FIELDS.has(field.type)) {
    const many = field.type === 'text' && field.hasMany
    const texts = many && Array.isArray(value) ? value : [value]
    if ((many && !Array.isArray(value)) || texts.some((each) => typeof each !== 'string')) return problem('not-text')
  }
  return containsNul(value) ? problem('nul') : []
}

const refuseCollectionValues: CollectionBeforeValidateHook = ({ collection, data, req }) => {
  const errors = unstorableValues({ data, fields: collection.fields })
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors, req }, req.t)
  return data
}

const refuseGlobalValues: GlobalBeforeValidateHook = ({ data, global, req }) => {
  const errors = unstorableValues({ data, fields: global.fields })
  if (errors.length) throw new ValidationError({ errors, global: global.slug, req }, req.t)
  return data
}

const sentAsJson = (req: PayloadRequest): boolean => {
  const type = mediaType(req.headers?.get?.('content-type'))
  return !type || type === 'application/json' || type === 'multipart/form-data'
}

/**
 * Before Payload works on a document: a create or update needs one JSON object (a body sent as text/plain
 * reaches Payload as no data at all, and used to fail deep inside with a 500), sign-in data holds no NUL,
 * and a document address with an id that cannot exist on a SQL database (`/api/pages/abc`) is not found.
 */
const refuseMalformedOperation: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  const { data } = args as { data?: unknown }
  if ((operation === 'create' || operation === 'update') && !isRecord(data) && !(operation === 'create' && req.file)) {
    if (!sentAsJson(req)) throw new APIError('Send the document as JSON (Content-Type: application/json).', 415, null, true)
    throw new APIError('Send the document as one JSON object.', 400, null, true)
  }
  // Sign-in and password resets query by what is sent, before any validation: a NUL there is refused by name.
  if (AUTH_OPERATIONS.has(operation) && isRecord(data)) {
    const errors = Object.entries(data)
      .filter(([, value]) => containsNul(value))
      .map(([path]) => ({
        message: describeTextProblem({ label: `${path.charAt(0).toUpperCase()}${path.slice(1)}`, problem: 'nul' }),
        path,
      }))
    if (errors.length) throw new ValidationError({ collection: collection.slug, errors, req }, req.t)
  }
  const numericIds = (req.payload.collections[collection.slug]?.customIDType ?? req.payload.db.defaultIDType) === 'number'
  if (numericIds && 'id' in args && args.id !== undefined && args.id !== null && !/^\d{1,15}$/.test(String(args.id)))
    throw new NotFound(req.t)
  return args
}

/**
 * Every collection and global refuses values it cannot store (see unstorableValues), whoever sends them and
 * whether or not the document is a draft (Payload skips field validation for drafts, not hooks).
 */
export const guardStoredInput = (config: Config): Config => ({
  ...config,
  collections: config.collections?.map((collection): CollectionConfig => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [refuseMalformedOperation, ...(collection.hooks?.beforeOperation ?? [])],
      beforeValidate: [refuseCollectionValues, ...(collection.hooks?.beforeValidate ?? [])],
    },
  })),
  globals: config.globals?.map((global): GlobalConfig => ({
    ...global,
    hooks: { ...global.hooks, beforeValidate: [refuseGlobalValues, ...(global.hooks?.beforeValidate ?? [])] },
  })),
})
