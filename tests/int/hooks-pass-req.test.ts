import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * Hooks and access rules run inside the operation's transaction, on a connection held for it. A Local API
 * call there without `req` asks the pool for a second connection while holding the first: with enough
 * requests at once every connection is held and every request waits for ever. This check reads the source
 * and names each call that forgets `req` wherever a request is in scope.
 *
 * Task and endpoint `handler`s run outside any transaction and are not checked.
 */
const ROOTS = ['collections', 'globals', 'src/lib', 'payload.config.ts']
const LOCAL_API =
  /(^|\.)payload\.(count|countVersions|create|delete|duplicate|find|findByID|findDistinct|findGlobal|findVersions|jobs\.queue|update|updateGlobal)$/

const sourceFiles = (entry: string): string[] => {
  if (!fs.statSync(entry).isDirectory()) return [entry]
  return fs.readdirSync(entry, { withFileTypes: true }).flatMap((item) => {
    const full = path.join(entry, item.name)
    if (item.isDirectory()) return sourceFiles(full)
    return /\.tsx?$/.test(item.name) ? [full] : []
  })
}

type Binding = 'none' | 'req' | 'unpacked'

/** How a function's parameters take the request: as `req`, unpacked (`req: { payload }`), or not at all. */
const requestBinding = (fn: ts.SignatureDeclaration): Binding => {
  let found: Binding = 'none'
  const visit = (name: ts.BindingName) => {
    if (ts.isIdentifier(name)) {
      if (name.text === 'req') found = 'req'
      return
    }
    for (const element of name.elements) {
      if (ts.isOmittedExpression(element)) continue
      const key = element.propertyName?.getText() ?? (ts.isIdentifier(element.name) ? element.name.text : '')
      if (key === 'req' && !ts.isIdentifier(element.name) && found === 'none') found = 'unpacked'
      visit(element.name)
    }
  }
  for (const parameter of fn.parameters) visit(parameter.name)
  return found
}

const isHandler = (node: ts.Node) => ts.isPropertyAssignment(node) && node.name.getText() === 'handler'

const passesReq = (object: ts.ObjectLiteralExpression) =>
  object.properties.some(
    (property) =>
      ts.isSpreadAssignment(property) ||
      ((ts.isShorthandPropertyAssignment(property) || ts.isPropertyAssignment(property)) && property.name.getText() === 'req'),
  )

const findProblems = (file: string): string[] => {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const problems: string[] = []
  const where = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
  const visit = (node: ts.Node, reqInScope: boolean) => {
    // A task's or endpoint's handler, and all it contains, runs outside any transaction.
    if (isHandler(node)) return
    let inScope = reqInScope
    if (ts.isFunctionLike(node)) {
      const binding = requestBinding(node)
      if (binding === 'req') inScope = true
      if (binding === 'unpacked') problems.push(`${where(node)} unpacks req: keep it whole to pass it on`)
    }
    if (inScope && ts.isCallExpression(node) && LOCAL_API.test(node.expression.getText())) {
      const [options] = node.arguments
      if (!options || !ts.isObjectLiteralExpression(options) || !passesReq(options)) {
        problems.push(`${where(node)} ${node.expression.getText()}(…) without req`)
      }
    }
    if (inScope && ts.isObjectLiteralExpression(node) && !passesReq(node)) {
      const handsOverPayload = node.properties.some(
        (property) =>
          ts.isPropertyAssignment(property) && property.name.getText() === 'payload' && property.initializer.getText() === 'req.payload',
      )
      if (handsOverPayload) problems.push(`${where(node)} passes req.payload without req`)
    }
    ts.forEachChild(node, (child) => visit(child, inScope))
  }
  visit(source, false)
  return problems
}

describe('Local API calls inside a request pass it on', () => {
  it('every call in hooks, access rules and helpers given a request passes `req`', () => {
    const problems = ROOTS.flatMap(sourceFiles).flatMap(findProblems)
    expect(problems).toEqual([])
  })

  it('the check itself finds a call that forgets req, and an unpacked req', () => {
    const dir = fs.mkdtempSync(path.join(process.cwd(), 'tests', '.tmp-hooks-'))
    try {
      const file = path.join(dir, 'sample.ts')
      fs.writeFileSync(
        file,
        [
          'export const hook = async ({ req }) => req.payload.find({ collection: "pages" })',
          'export const helper = async ({ req }) => readSettings({ payload: req.payload })',
          'export const unpacked = async ({ req: { payload } }) => payload.count({ collection: "pages" })',
          'export const fine = async ({ req }) => req.payload.find({ collection: "pages", req })',
          'export const task = { handler: async ({ req }) => req.payload.find({ collection: "pages" }) }',
          'export const endpoint = { handler: wrap({ run: async ({ req }) => readSettings({ payload: req.payload }) }) }',
        ].join('\n'),
      )
      const problems = findProblems(file).map((problem) => problem.replace(/^.*:(\d+) /, '$1 '))
      expect(problems).toEqual([
        '1 req.payload.find(…) without req',
        '2 passes req.payload without req',
        '3 unpacks req: keep it whole to pass it on',
      ])
    } finally {
      fs.rmSync(dir, { force: true, recursive: true })
    }
  })
})
