import type { Media } from '@/payload-types'

/**
 * An uploaded image with its WebP sizes as a srcset, so phones download the small one. Renders nothing
 * for an unpopulated value (an id) or a missing file.
 */
export const ResponsiveImage = ({ image, sizes }: { image: unknown; sizes: string }) => {
  if (typeof image !== 'object' || image === null || !(image as Media).url) return null
  const media = image as Media
  const candidates = Object.values(media.sizes ?? {})
    .filter((size): size is { url: string; width: number } => Boolean(size?.url && size.width))
    .map((size) => `${size.url} ${size.width}w`)
  return (
    <figure className="nhsuk-image">
      <img
        alt={media.alt}
        className="nhsuk-image__img"
        height={media.height ?? undefined}
        loading="lazy"
        sizes={candidates.length ? sizes : undefined}
        src={media.url!}
        srcSet={candidates.length ? candidates.join(', ') : undefined}
        width={media.width ?? undefined}
      />
      {media.caption ? <figcaption className="nhsuk-image__caption">{media.caption}</figcaption> : null}
    </figure>
  )
}
