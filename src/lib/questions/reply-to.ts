import type { Payload, PayloadRequest } from 'payload'

/**
 * The address askers' replies go to: the desk's mailbox from the site settings, else the desk lead; null when
 * neither is set. Kept apart from the site-wide settings read, which pages use, so the address never reaches one.
 */
export const deskReplyAddress = async ({ payload, req }: { payload: Payload; req?: PayloadRequest }): Promise<null | string> => {
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true, req })
  return settings.deskReplyTo || settings.deskEmail || null
}
