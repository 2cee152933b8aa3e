import { HOME } from '../routes'

/**
 * How a header link relates to the page being read: 'page' when it is that page, 'true' when the page is in its
 * section (the longest link that the path starts with), else undefined. Home is current only on the home page.
 */
export const currentMarks = ({ hrefs, path }: { hrefs: string[]; path: null | string }): Map<string, 'page' | 'true'> => {
  const marks = new Map<string, 'page' | 'true'>()
  if (!path) return marks
  const within = hrefs
    .filter((href) => href.startsWith('/') && !href.startsWith('//'))
    .filter((href) => (href === HOME ? path === HOME : path === href || path.startsWith(`${href}/`)))
    .sort((a, b) => b.length - a.length)
  const best = within[0]
  if (best) marks.set(best, best === path ? 'page' : 'true')
  return marks
}
