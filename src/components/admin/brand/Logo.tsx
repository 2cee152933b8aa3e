import { HubMark } from './Mark'

export const HUB_NAME = 'Diabetes Network Hub'

/**
 * The login page's logo: the mark and the hub's name as text (read out and readable when zoomed). Payload's
 * theme text colour keeps the contrast above 4.5:1 on the page in both the light and the dark theme.
 */
export const HubLogo = () => (
  <span style={{ alignItems: 'center', color: 'var(--theme-text)', display: 'inline-flex', flexWrap: 'wrap', gap: '0.6em' }}>
    <HubMark size="2.4em" />
    <span style={{ fontSize: '1.75em', fontWeight: 600, letterSpacing: '-0.01em', lineHeight: 1.2 }}>{HUB_NAME}</span>
  </span>
)
