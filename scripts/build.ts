import { nextBuild } from '../src/lib/build/next-build'

await nextBuild({ root: process.cwd() })
