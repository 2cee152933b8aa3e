import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { guardGraphql } from '@/lib/input/graphql'

// Malformed JSON and cyclic fragments are a 400 before Payload's handler (see guardGraphql).
export const POST = guardGraphql(GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
