import { HubMark } from './Mark'

/**
 * The mark alone, in the 18px slot at the start of the breadcrumbs (a link Payload titles "Dashboard", which
 * names it) and in Payload's Open Graph images, which pass a `fill` as they cannot resolve CSS variables.
 */
export const HubIcon = ({ fill = 'var(--theme-text)' }: { fill?: string }) => <HubMark fill={fill} size="100%" />
