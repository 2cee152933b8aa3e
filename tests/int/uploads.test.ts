import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { minimalPdf } from '../helpers/files'
import { startTestHub } from '../helpers/hub'

let hub: TestHub
let payload: Payload

beforeAll(async () => {
  hub = await startTestHub()
  payload = hub.payload
})

afterAll(async () => {
  await hub?.cleanup()
})

const fileOf = ({ data, mimetype, name }: { data: Buffer; mimetype: string; name: string }) => ({ data, mimetype, name, size: data.length })

const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise
  } catch (error) {
    const { data, status } = error as { data?: { errors?: { message: string; path: string }[] }; status?: number }
    return { message: data?.errors?.[0]?.message ?? '', path: data?.errors?.[0]?.path, status }
  }
  throw new Error('the upload was accepted')
}

/** A published public document, its file sent as a PDF whatever it holds. */
const uploadDocument = ({ data, name, title }: { data: Buffer; name: string; title: string }) =>
  payload.create({
    collection: 'documents',
    data: { _status: 'published' as const, audience: 'public' as const, publicationDate: '2026-01-01', title },
    file: fileOf({ data, mimetype: 'application/pdf', name }),
  })

describe('documents', () => {
  it('accepts a real PDF and reports its type and size', async () => {
    const doc = await uploadDocument({ data: minimalPdf(), name: 'strategy.pdf', title: 'Strategy' })
    expect(doc.mimeType).toBe('application/pdf')
    expect(doc.filesize).toBe(minimalPdf().length)
    expect(fs.existsSync(path.join(hub.dataDir, 'media', 'documents', doc.filename!))).toBe(true)
  })

  it('rejects an image renamed to .pdf, naming the file field, and stores nothing', async () => {
    const png = await sharp({ create: { background: '#fff', channels: 3, height: 4, width: 4 } })
      .png()
      .toBuffer()
    const before = (await payload.count({ collection: 'documents' })).totalDocs
    const result = await rejection(uploadDocument({ data: png, name: 'report.pdf', title: 'Not a PDF' }))
    expect(result.status).toBe(400)
    expect(result.path).toBe('file')
    expect(result.message).toMatch(/PNG/)
    expect((await payload.count({ collection: 'documents' })).totalDocs).toBe(before)
  })

  it('rejects a file over the size limit with both sizes in the message', async () => {
    const big = Buffer.concat([minimalPdf(), Buffer.alloc(21 * 1024 * 1024)])
    const result = await rejection(uploadDocument({ data: big, name: 'big.pdf', title: 'Too big' }))
    expect(result.status).toBe(400)
    expect(result.message).toMatch(/21(\.\d)? MB.*20 MB/)
  })
})

describe('images', () => {
  it('requires alt text', async () => {
    const jpeg = await sharp({ create: { background: '#f00', channels: 3, height: 8, width: 8 } })
      .jpeg()
      .toBuffer()
    const result = await rejection(
      payload.create({ collection: 'media', data: {} as never, file: fileOf({ data: jpeg, mimetype: 'image/jpeg', name: 'a.jpg' }) }),
    )
    expect(result.path).toBe('alt')
  })

  it('strips EXIF (camera, location) from the stored original and makes WebP sizes', async () => {
    const photo = await sharp({ create: { background: '#0af', channels: 3, height: 900, width: 1600 } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Somebody', Copyright: 'Private' } })
      .toBuffer()
    expect((await sharp(photo).metadata()).exif).toBeDefined()
    const image = await payload.create({
      collection: 'media',
      data: { alt: 'A blue rectangle' },
      file: fileOf({ data: photo, mimetype: 'image/jpeg', name: 'photo.jpg' }),
    })
    const dir = path.join(hub.dataDir, 'media', 'images')
    const stored = await sharp(path.join(dir, image.filename!)).metadata()
    expect(stored.exif).toBeUndefined()
    expect(stored.width).toBe(1600)
    for (const size of ['thumbnail', 'card', 'wide'] as const) {
      const entry = image.sizes?.[size]
      expect(entry?.mimeType).toBe('image/webp')
      const meta = await sharp(path.join(dir, entry!.filename!)).metadata()
      expect(meta.format).toBe('webp')
      expect(meta.exif).toBeUndefined()
    }
    expect(image.sizes?.thumbnail?.width).toBe(320)
  })

  it('rejects a document uploaded as an image', async () => {
    const result = await rejection(
      payload.create({
        collection: 'media',
        data: { alt: 'x' },
        file: fileOf({ data: minimalPdf(), mimetype: 'image/jpeg', name: 'fake.jpg' }),
      }),
    )
    expect(result.status).toBe(400)
    expect(result.path).toBe('file')
  })
})
