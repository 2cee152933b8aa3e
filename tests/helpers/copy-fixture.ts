/** What tests/helpers/copy-source.ts puts in the SQLite database, for the db:copy test to look for in the copy. */
export const COPY_SEARCH_QUERIES = ['retinopathy screening', 'diabetes', 'T2DM foot care']
export const COPY_USER = { email: 'copy.editor@example.org', password: 'copy test passphrase 4821' }
export const COPY_JOB_MESSAGE_ID = '<queued-before-copy@diabetes-hub.local>'
