import { policyRoute } from '@/components/site/PolicyArticle'

export const dynamic = 'force-dynamic'

const { generateMetadata, Page } = policyRoute({ kind: 'contact' })

export { generateMetadata }
export default Page
