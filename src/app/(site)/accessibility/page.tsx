import { policyRoute } from '@/components/site/PolicyArticle'

export const dynamic = 'force-dynamic'

const { generateMetadata, Page } = policyRoute({ kind: 'accessibility' })

export { generateMetadata }
export default Page
