import { buildCalendar } from '@/lib/governance/ical'
import { findGroup, meetingEvent, upcomingMeetings } from '@/lib/governance/site'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

const notFound = () => new Response('Not found', { headers: { 'content-type': 'text/plain; charset=utf-8' }, status: 404 })

/**
 * GET /governance/<group>/meetings.ics: the group's upcoming meetings as an iCalendar feed, for whoever may
 * see the group (a members-only group's feed needs the member's session; anyone else gets a 404).
 */
export const GET = async (_request: Request, { params }: { params: Promise<{ group: string }> }) => {
  const { payload, user } = await currentViewer()
  // A hub without governance (its plugin left out) has no groups: the feed is not found, like an unknown group.
  if (!('groups' in payload.collections)) return notFound()
  const group = await findGroup({ payload, slug: (await params).group, user })
  if (!group) return notFound()
  const meetings = await upcomingMeetings({ group, payload, user })
  const body = buildCalendar({ events: meetings.map((meeting) => meetingEvent({ group, meeting })), name: group.name })
  return new Response(body, {
    headers: {
      'cache-control': user ? 'private, no-store' : 'public, max-age=300',
      'content-disposition': `inline; filename="${group.slug}-meetings.ics"`,
      'content-type': 'text/calendar; charset=utf-8',
    },
  })
}
