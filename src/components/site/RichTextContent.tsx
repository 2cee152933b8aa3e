import type { JSXConvertersFunction } from '@payloadcms/richtext-lexical/react'

import { RichText } from '@payloadcms/richtext-lexical/react'

import type { CommissioningTip, Document, Page } from '@/payload-types'

import { documentPath } from '@/lib/routes'
import { anchorId } from '@/lib/site/format'
import { blocksUnderSameHeading } from '@/lib/site/repeats'

import { DocumentLink } from './DocumentLink'
import { TipsList } from './TipsList'

type BlockArgs = { node: { fields: Record<string, unknown> } }

type LexicalNode = { children?: LexicalNode[]; tag?: string; text?: string; type: string }
export type RichTextValue = { root: LexicalNode } | null | undefined

const textOf = (node: LexicalNode): string => (node.text ?? '') + (node.children ?? []).map(textOf).join('')

/** The h2 headings of a rich text value, for the contents list and the headings' own anchors. */
export const headingsOf = (value: RichTextValue): { id: string; text: string }[] =>
  (value?.root.children ?? [])
    .filter((node) => node.type === 'heading' && node.tag === 'h2')
    .map((node) => ({ id: anchorId(textOf(node)), text: textOf(node) }))

export const ContentsList = ({ headings }: { headings: { id: string; text: string }[] }) =>
  headings.length ? (
    <nav aria-label="Contents" className="nhsuk-contents-list" role="navigation">
      <h2 className="nhsuk-u-visually-hidden">Contents</h2>
      <ol className="nhsuk-contents-list__list">
        {headings.map((heading) => (
          <li className="nhsuk-contents-list__item" key={heading.id}>
            <a className="nhsuk-contents-list__link" href={`#${heading.id}`}>
              {heading.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  ) : null

type Related = Pick<Page, 'id' | 'title'> & { href: string }

type LinkNode = {
  children: never[]
  fields: { doc?: { relationTo?: string; value?: unknown }; linkType?: string; newTab?: boolean; url?: string }
}

/**
 * Where an internal link goes on the site: a mention of a library document opens its entry (which offers
 * the file when there is one). Null when the visitor may not see the target (it was not populated for them)
 * or the site has no page for it, and the words are then shown without a link.
 */
const internalHref = ({ doc }: { doc?: { relationTo?: string; value?: unknown } }): null | string => {
  const target = doc?.value
  if (!target || typeof target !== 'object') return null
  if (doc?.relationTo === 'documents' && (target as Document)._status === 'published') return documentPath({ id: (target as Document).id })
  return null
}

/**
 * Renders guidance rich text with the NHS.UK styles and the guidance blocks. Data the blocks need
 * (tips, related page addresses) is loaded by the page beforehand, through the visitor's access.
 */
export const RichTextContent = ({
  relatedHref = () => null,
  tips = [],
  value,
}: {
  relatedHref?: (page: unknown) => null | Related
  tips?: CommissioningTip[]
  value: RichTextValue
}) => {
  if (!value?.root) return null
  const headings = headingsOf(value)
  const tipsUnderSameHeading = blocksUnderSameHeading({ blockType: 'commissioningTips', value })
  const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
    ...defaultConverters,
    blocks: {
      callout: ({ node }: BlockArgs) => {
        const { heading, text, variant } = node.fields as unknown as { heading?: string; text: string; variant: string }
        if (variant === 'warning') {
          return (
            <div className="nhsuk-warning-callout">
              <h3 className="nhsuk-warning-callout__label">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Important: </span>
                  {heading || 'Important'}
                </span>
              </h3>
              <p>{text}</p>
            </div>
          )
        }
        return (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            {heading ? <h3>{heading}</h3> : null}
            <p>{text}</p>
          </div>
        )
      },
      commissioningTips: ({ node }: BlockArgs) => {
        const { heading, id } = node.fields as unknown as { heading?: null | string; id?: string }
        // Emptied by the author, or the section heading above already says it: the tips sit under that heading.
        const own = heading === undefined || heading === null ? 'Ten top tips for commissioning' : heading.trim()
        return <TipsList headingLevel={2} heading={tipsUnderSameHeading.has(String(id)) ? undefined : own || undefined} tips={tips} />
      },
      contentsList: () => <ContentsList headings={headings} />,
      documentLink: ({ node }: BlockArgs) => {
        const { document } = node.fields as unknown as { document: Document | number | string }
        // An id instead of a document means the visitor may not see it.
        return typeof document === 'object' && document._status === 'published' ? (
          <p>
            <DocumentLink document={document} />
          </p>
        ) : null
      },
      relatedPages: ({ node }: BlockArgs) => {
        const { heading, pages } = node.fields as unknown as { heading?: string; pages: unknown[] }
        const links = (pages ?? []).map(relatedHref).filter((page): page is Related => page !== null)
        if (!links.length) return null
        return (
          <nav aria-label={heading || 'Related pages'} className="nhsuk-related-nav">
            <h2 className="nhsuk-related-nav__heading">{heading || 'Related pages'}</h2>
            <ul className="nhsuk-related-nav__list">
              {links.map((link) => (
                <li className="nhsuk-related-nav__item" key={link.id}>
                  <a className="nhsuk-related-nav__link" href={link.href}>
                    {link.title}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )
      },
    },
    link: ({ node, nodesToJSX }) => {
      const { fields } = node as unknown as LinkNode
      const children = nodesToJSX({ nodes: (node as unknown as LinkNode).children })
      const href = fields.linkType === 'internal' ? internalHref({ doc: fields.doc }) : fields.url
      if (!href) return <>{children}</>
      return (
        <a href={href} rel={fields.newTab ? 'noopener noreferrer' : undefined} target={fields.newTab ? '_blank' : undefined}>
          {children}
        </a>
      )
    },
    heading: ({ node, nodesToJSX }) => {
      const children = nodesToJSX({ nodes: node.children })
      const text = textOf(node as unknown as LexicalNode)
      const Tag = (['h2', 'h3', 'h4'].includes(node.tag) ? node.tag : 'h2') as 'h2' | 'h3' | 'h4'
      return <Tag id={node.tag === 'h2' ? anchorId(text) : undefined}>{children}</Tag>
    },
  })
  return <RichText className="nhsuk-body" converters={converters} data={value as never} disableIndent disableTextAlign />
}
