export type DatabaseKind = 'mongodb' | 'postgres' | 'sqlite'

/** The adapter a DATABASE_URL selects; unset means the embedded SQLite file. */
export const databaseKind = (url: string): DatabaseKind => {
  if (!url || url.startsWith('file:')) return 'sqlite'
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres'
  if (/^mongodb(\+srv)?:\/\//.test(url)) return 'mongodb'
  throw new Error(
    `DATABASE_URL must start with postgres://, postgresql://, mongodb://, mongodb+srv:// or file: (got "${url.split(':')[0]}:")`,
  )
}
