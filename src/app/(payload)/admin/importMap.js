import { LinkHealthPanel as LinkHealthPanel_4fcbd39fecb1808875b0de101d4a779f } from '../../../../src/components/admin/LinkHealthPanel'
import { SlugField as SlugField_2b8867833a34864a02ddf429b0728a40 } from '@payloadcms/next/client'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlocksFeatureClient as BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SignOffPanel as SignOffPanel_01076a81707828e8287c7ce935186e79 } from '../../../../src/components/admin/SignOffPanel'
import { DueDayCell as DueDayCell_6cb14ad3d83e9b5d637c7c66456a026a } from '../../../../src/components/admin/DueDayCell'
import { ProposeAnswer as ProposeAnswer_02446b4dcbd0104c417b7298ada89c0d } from '../../../../src/components/admin/ProposeAnswer'
import { NewsletterPanel as NewsletterPanel_5e9651e3e1c75f8de1e87a8a9a711218 } from '../../../../src/components/admin/NewsletterPanel'
import { RedirectsImport as RedirectsImport_65429060a36ab909b4bd011907ff07af } from '../../../../src/components/admin/RedirectsImport'
import { LinkChecksActions as LinkChecksActions_5aebffa07e46066f76691868ee5a092d } from '../../../../src/components/admin/LinkChecksActions'
import { HubIcon as HubIcon_32175da4e38e0afb3868f30ed37acb89 } from '../../../../src/components/admin/brand/Icon'
import { HubLogo as HubLogo_ebbfbe3df3b5d716e3c5038d75f756d2 } from '../../../../src/components/admin/brand/Logo'
import { StaffNavLinks as StaffNavLinks_58deb97975acbde0f41e030989c80eb3 } from '../../../../src/components/admin/StaffNavLinks'
import { WorkDashboard as WorkDashboard_cb4b59376346dfec5039bc4ca1d1901a } from '../../../../src/components/admin/WorkDashboard'
import { ReviewsDueView as ReviewsDueView_40d877d771cc8a697849f62fa7d0660e } from '../../../../src/components/admin/ReviewsDueView'
import { SignOffView as SignOffView_1bcddcdfa41fd62a312a31bdb7ac781a } from '../../../../src/components/admin/SignOffView'
import { PageFeedbackView as PageFeedbackView_72878d03afae682d25823a6b4fbea8fe } from '../../../../src/components/admin/PageFeedbackView'
import { QuestionReportView as QuestionReportView_dc15776d02f795d0d96f0463d8b4c2ee } from '../../../../src/components/admin/QuestionReportView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/components/admin/LinkHealthPanel#LinkHealthPanel": LinkHealthPanel_4fcbd39fecb1808875b0de101d4a779f,
  "@payloadcms/next/client#SlugField": SlugField_2b8867833a34864a02ddf429b0728a40,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlocksFeatureClient": BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/components/admin/SignOffPanel#SignOffPanel": SignOffPanel_01076a81707828e8287c7ce935186e79,
  "/src/components/admin/DueDayCell#DueDayCell": DueDayCell_6cb14ad3d83e9b5d637c7c66456a026a,
  "/src/components/admin/ProposeAnswer#ProposeAnswer": ProposeAnswer_02446b4dcbd0104c417b7298ada89c0d,
  "/src/components/admin/NewsletterPanel#NewsletterPanel": NewsletterPanel_5e9651e3e1c75f8de1e87a8a9a711218,
  "/src/components/admin/RedirectsImport#RedirectsImport": RedirectsImport_65429060a36ab909b4bd011907ff07af,
  "/src/components/admin/LinkChecksActions#LinkChecksActions": LinkChecksActions_5aebffa07e46066f76691868ee5a092d,
  "/src/components/admin/brand/Icon#HubIcon": HubIcon_32175da4e38e0afb3868f30ed37acb89,
  "/src/components/admin/brand/Logo#HubLogo": HubLogo_ebbfbe3df3b5d716e3c5038d75f756d2,
  "/src/components/admin/StaffNavLinks#StaffNavLinks": StaffNavLinks_58deb97975acbde0f41e030989c80eb3,
  "/src/components/admin/WorkDashboard#WorkDashboard": WorkDashboard_cb4b59376346dfec5039bc4ca1d1901a,
  "/src/components/admin/ReviewsDueView#ReviewsDueView": ReviewsDueView_40d877d771cc8a697849f62fa7d0660e,
  "/src/components/admin/SignOffView#SignOffView": SignOffView_1bcddcdfa41fd62a312a31bdb7ac781a,
  "/src/components/admin/PageFeedbackView#PageFeedbackView": PageFeedbackView_72878d03afae682d25823a6b4fbea8fe,
  "/src/components/admin/QuestionReportView#QuestionReportView": QuestionReportView_dc15776d02f795d0d96f0463d8b4c2ee,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
