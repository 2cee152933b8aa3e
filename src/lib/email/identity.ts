/**
 * The domain the hub's mail is identified by (Message-ID, List-Id): the host of PUBLIC_URL, so replies,
 * threading and list filters point at the site's own name. `localhost` when no public address is set
 * (development, tests). A leaf module: it reads the environment directly so that anything may import it.
 */
export const mailDomain = (): string => {
  const configured = process.env.PUBLIC_URL
  if (!configured) return 'localhost'
  try {
    return new URL(configured).hostname || 'localhost'
  } catch {
    return 'localhost'
  }
}
