/** The emails of the sign-off workflow: plain text, each naming the page and linking where the next step is taken. */

type Who = { name?: null | string }

const nameOf = (user: Who | null | undefined): string => user?.name?.trim() || 'A colleague'

export const signOffRequestedEmail = ({ link, note, page, requester }: { link: string; note: string; page: string; requester: Who }) => ({
  subject: `Clinical sign-off requested: ${page}`,
  text: [
    `${nameOf(requester)} asks you to sign off the guidance page "${page}".`,
    '',
    'Their note:',
    note || '(none)',
    '',
    'Read the draft as the public will see it, and what changed since the published version, then sign it off or return it:',
    link,
  ].join('\n'),
})

export const signOffReturnedEmail = ({ link, page, reason, reviewer }: { link: string; page: string; reason: string; reviewer: Who }) => ({
  subject: `Returned for changes: ${page}`,
  text: [
    `${nameOf(reviewer)} returned the guidance page "${page}" without signing it off.`,
    '',
    'Their reason:',
    reason,
    '',
    'Make the changes, save, and send it for sign-off again:',
    link,
  ].join('\n'),
})

export const signedOffEmail = ({ link, page, reviewer }: { link: string; page: string; reviewer: Who }) => ({
  subject: `Signed off and published: ${page}`,
  text: [`${nameOf(reviewer)} signed off the guidance page "${page}". It is now published:`, link].join('\n'),
})
