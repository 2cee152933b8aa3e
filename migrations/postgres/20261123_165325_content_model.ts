import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_care_areas_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__care_areas_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_pages_audience" AS ENUM('public', 'professional');
  CREATE TYPE "public"."enum_pages_sign_off_status" AS ENUM('draft', 'awaiting-sign-off', 'signed-off');
  CREATE TYPE "public"."enum_pages_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__pages_v_version_audience" AS ENUM('public', 'professional');
  CREATE TYPE "public"."enum__pages_v_version_sign_off_status" AS ENUM('draft', 'awaiting-sign-off', 'signed-off');
  CREATE TYPE "public"."enum__pages_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_commissioning_tips_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__commissioning_tips_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_parliamentary_questions_house" AS ENUM('Commons', 'Lords');
  CREATE TYPE "public"."enum_parliamentary_questions_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__parliamentary_questions_v_version_house" AS ENUM('Commons', 'Lords');
  CREATE TYPE "public"."enum__parliamentary_questions_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_documents_audience" AS ENUM('public', 'professional');
  CREATE TYPE "public"."enum_documents_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__documents_v_version_audience" AS ENUM('public', 'professional');
  CREATE TYPE "public"."enum__documents_v_version_status" AS ENUM('draft', 'published');
  CREATE TABLE "care_areas" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"step" numeric,
  	"title" varchar,
  	"slug" varchar,
  	"summary" varchar,
  	"image_id" integer,
  	"body" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_care_areas_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_care_areas_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_step" numeric,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_summary" varchar,
  	"version_image_id" integer,
  	"version_body" jsonb,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__care_areas_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "pages_review_evidence_sources" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"url" varchar
  );
  
  CREATE TABLE "pages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"slug" varchar,
  	"care_area_id" integer,
  	"parent_id" integer,
  	"order" numeric DEFAULT 10,
  	"audience" "enum_pages_audience" DEFAULT 'public',
  	"summary" varchar,
  	"body" jsonb,
  	"review_last_reviewed" timestamp(3) with time zone,
  	"review_next_review_due" timestamp(3) with time zone,
  	"review_content_owner_id" integer,
  	"review_clinical_approver_id" integer,
  	"sign_off_status" "enum_pages_sign_off_status" DEFAULT 'draft',
  	"sign_off_requested_by_id" integer,
  	"sign_off_requested_at" timestamp(3) with time zone,
  	"sign_off_signed_off_by_id" integer,
  	"sign_off_signed_off_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_pages_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "pages_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"documents_id" integer
  );
  
  CREATE TABLE "_pages_v_version_review_evidence_sources" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"url" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_pages_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_care_area_id" integer,
  	"version_parent_id" integer,
  	"version_order" numeric DEFAULT 10,
  	"version_audience" "enum__pages_v_version_audience" DEFAULT 'public',
  	"version_summary" varchar,
  	"version_body" jsonb,
  	"version_review_last_reviewed" timestamp(3) with time zone,
  	"version_review_next_review_due" timestamp(3) with time zone,
  	"version_review_content_owner_id" integer,
  	"version_review_clinical_approver_id" integer,
  	"version_sign_off_status" "enum__pages_v_version_sign_off_status" DEFAULT 'draft',
  	"version_sign_off_requested_by_id" integer,
  	"version_sign_off_requested_at" timestamp(3) with time zone,
  	"version_sign_off_signed_off_by_id" integer,
  	"version_sign_off_signed_off_at" timestamp(3) with time zone,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__pages_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_pages_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"documents_id" integer
  );
  
  CREATE TABLE "commissioning_tips" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"rank" numeric,
  	"title" varchar,
  	"slug" varchar,
  	"body" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_commissioning_tips_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_commissioning_tips_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_rank" numeric,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_body" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__commissioning_tips_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "updates_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"documents_id" integer,
  	"people_id" integer
  );
  
  CREATE TABLE "_updates_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"documents_id" integer,
  	"people_id" integer
  );
  
  CREATE TABLE "parliamentary_questions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"slug" varchar,
  	"uin" varchar,
  	"house" "enum_parliamentary_questions_house",
  	"date_asked" timestamp(3) with time zone,
  	"date_answered" timestamp(3) with time zone,
  	"asking_member" varchar,
  	"answering_body" varchar,
  	"answering_member" varchar,
  	"question" varchar,
  	"answer" varchar,
  	"source_url" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_parliamentary_questions_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "parliamentary_questions_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "_parliamentary_questions_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_heading" varchar,
  	"version_slug" varchar,
  	"version_uin" varchar,
  	"version_house" "enum__parliamentary_questions_v_version_house",
  	"version_date_asked" timestamp(3) with time zone,
  	"version_date_answered" timestamp(3) with time zone,
  	"version_asking_member" varchar,
  	"version_answering_body" varchar,
  	"version_answering_member" varchar,
  	"version_question" varchar,
  	"version_answer" varchar,
  	"version_source_url" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__parliamentary_questions_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_parliamentary_questions_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"summary" varchar,
  	"publication_date" timestamp(3) with time zone,
  	"audience" "enum_documents_audience" DEFAULT 'public',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_documents_status" DEFAULT 'draft',
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "_documents_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_summary" varchar,
  	"version_publication_date" timestamp(3) with time zone,
  	"version_audience" "enum__documents_v_version_audience" DEFAULT 'public',
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__documents_v_version_status" DEFAULT 'draft',
  	"version_url" varchar,
  	"version_thumbnail_u_r_l" varchar,
  	"version_filename" varchar,
  	"version_mime_type" varchar,
  	"version_filesize" numeric,
  	"version_width" numeric,
  	"version_height" numeric,
  	"version_focal_x" numeric,
  	"version_focal_y" numeric,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"alt" varchar NOT NULL,
  	"caption" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_card_url" varchar,
  	"sizes_card_width" numeric,
  	"sizes_card_height" numeric,
  	"sizes_card_mime_type" varchar,
  	"sizes_card_filesize" numeric,
  	"sizes_card_filename" varchar,
  	"sizes_wide_url" varchar,
  	"sizes_wide_width" numeric,
  	"sizes_wide_height" numeric,
  	"sizes_wide_mime_type" varchar,
  	"sizes_wide_filesize" numeric,
  	"sizes_wide_filename" varchar
  );
  
  CREATE TABLE "people" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"job_title" varchar,
  	"organisation_id" integer,
  	"email" varchar,
  	"telephone" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "organisations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"short_name" varchar,
  	"website" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "feedback" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"page_id" integer NOT NULL,
  	"useful" boolean DEFAULT false NOT NULL,
  	"comment" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sign_offs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"page_id" integer NOT NULL,
  	"page_title" varchar NOT NULL,
  	"version" varchar,
  	"reviewer_id" integer,
  	"signed_off_at" timestamp(3) with time zone NOT NULL,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "navigation_header" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"href" varchar NOT NULL
  );
  
  CREATE TABLE "navigation_footer" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"href" varchar NOT NULL
  );
  
  CREATE TABLE "navigation" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "updates" ADD COLUMN "from" varchar;
  ALTER TABLE "updates" ADD COLUMN "from_organisation_id" integer;
  ALTER TABLE "updates" ADD COLUMN "is_consultation" boolean DEFAULT false;
  ALTER TABLE "updates" ADD COLUMN "consultation_feedback_deadline" timestamp(3) with time zone;
  ALTER TABLE "updates" ADD COLUMN "consultation_feedback_to_id" integer;
  ALTER TABLE "updates" ADD COLUMN "consultation_feedback_instructions" varchar;
  ALTER TABLE "updates" ADD COLUMN "consultation_feedback_url" varchar;
  ALTER TABLE "_updates_v" ADD COLUMN "version_from" varchar;
  ALTER TABLE "_updates_v" ADD COLUMN "version_from_organisation_id" integer;
  ALTER TABLE "_updates_v" ADD COLUMN "version_is_consultation" boolean DEFAULT false;
  ALTER TABLE "_updates_v" ADD COLUMN "version_consultation_feedback_deadline" timestamp(3) with time zone;
  ALTER TABLE "_updates_v" ADD COLUMN "version_consultation_feedback_to_id" integer;
  ALTER TABLE "_updates_v" ADD COLUMN "version_consultation_feedback_instructions" varchar;
  ALTER TABLE "_updates_v" ADD COLUMN "version_consultation_feedback_url" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "care_areas_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "pages_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "commissioning_tips_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "parliamentary_questions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "documents_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "media_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "people_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "organisations_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "feedback_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sign_offs_id" integer;
  ALTER TABLE "care_areas" ADD CONSTRAINT "care_areas_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_care_areas_v" ADD CONSTRAINT "_care_areas_v_parent_id_care_areas_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."care_areas"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_care_areas_v" ADD CONSTRAINT "_care_areas_v_version_image_id_media_id_fk" FOREIGN KEY ("version_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pages_review_evidence_sources" ADD CONSTRAINT "pages_review_evidence_sources_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "pages" ADD CONSTRAINT "pages_care_area_id_care_areas_id_fk" FOREIGN KEY ("care_area_id") REFERENCES "public"."care_areas"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pages" ADD CONSTRAINT "pages_parent_id_pages_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pages" ADD CONSTRAINT "pages_review_content_owner_id_users_id_fk" FOREIGN KEY ("review_content_owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pages" ADD CONSTRAINT "pages_review_clinical_approver_id_users_id_fk" FOREIGN KEY ("review_clinical_approver_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pages" ADD CONSTRAINT "pages_sign_off_requested_by_id_users_id_fk" FOREIGN KEY ("sign_off_requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pages" ADD CONSTRAINT "pages_sign_off_signed_off_by_id_users_id_fk" FOREIGN KEY ("sign_off_signed_off_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pages_rels" ADD CONSTRAINT "pages_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "pages_rels" ADD CONSTRAINT "pages_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_pages_v_version_review_evidence_sources" ADD CONSTRAINT "_pages_v_version_review_evidence_sources_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_pages_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_parent_id_pages_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_version_care_area_id_care_areas_id_fk" FOREIGN KEY ("version_care_area_id") REFERENCES "public"."care_areas"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_version_parent_id_pages_id_fk" FOREIGN KEY ("version_parent_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_version_review_content_owner_id_users_id_fk" FOREIGN KEY ("version_review_content_owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_version_review_clinical_approver_id_users_id_fk" FOREIGN KEY ("version_review_clinical_approver_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_version_sign_off_requested_by_id_users_id_fk" FOREIGN KEY ("version_sign_off_requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_version_sign_off_signed_off_by_id_users_id_fk" FOREIGN KEY ("version_sign_off_signed_off_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v_rels" ADD CONSTRAINT "_pages_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_pages_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_pages_v_rels" ADD CONSTRAINT "_pages_v_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_commissioning_tips_v" ADD CONSTRAINT "_commissioning_tips_v_parent_id_commissioning_tips_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."commissioning_tips"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "updates_rels" ADD CONSTRAINT "updates_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "updates_rels" ADD CONSTRAINT "updates_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "updates_rels" ADD CONSTRAINT "updates_rels_people_fk" FOREIGN KEY ("people_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_updates_v_rels" ADD CONSTRAINT "_updates_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_updates_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_updates_v_rels" ADD CONSTRAINT "_updates_v_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_updates_v_rels" ADD CONSTRAINT "_updates_v_rels_people_fk" FOREIGN KEY ("people_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "parliamentary_questions_texts" ADD CONSTRAINT "parliamentary_questions_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."parliamentary_questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_parliamentary_questions_v" ADD CONSTRAINT "_parliamentary_questions_v_parent_id_parliamentary_questions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."parliamentary_questions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_parliamentary_questions_v_texts" ADD CONSTRAINT "_parliamentary_questions_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_parliamentary_questions_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_documents_v" ADD CONSTRAINT "_documents_v_parent_id_documents_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "people" ADD CONSTRAINT "people_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "feedback" ADD CONSTRAINT "feedback_page_id_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sign_offs" ADD CONSTRAINT "sign_offs_page_id_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sign_offs" ADD CONSTRAINT "sign_offs_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "navigation_header" ADD CONSTRAINT "navigation_header_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."navigation"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "navigation_footer" ADD CONSTRAINT "navigation_footer_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."navigation"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "care_areas_step_idx" ON "care_areas" USING btree ("step");
  CREATE UNIQUE INDEX "care_areas_slug_idx" ON "care_areas" USING btree ("slug");
  CREATE INDEX "care_areas_image_idx" ON "care_areas" USING btree ("image_id");
  CREATE INDEX "care_areas_updated_at_idx" ON "care_areas" USING btree ("updated_at");
  CREATE INDEX "care_areas_created_at_idx" ON "care_areas" USING btree ("created_at");
  CREATE INDEX "care_areas__status_idx" ON "care_areas" USING btree ("_status");
  CREATE INDEX "_care_areas_v_parent_idx" ON "_care_areas_v" USING btree ("parent_id");
  CREATE INDEX "_care_areas_v_version_version_step_idx" ON "_care_areas_v" USING btree ("version_step");
  CREATE INDEX "_care_areas_v_version_version_slug_idx" ON "_care_areas_v" USING btree ("version_slug");
  CREATE INDEX "_care_areas_v_version_version_image_idx" ON "_care_areas_v" USING btree ("version_image_id");
  CREATE INDEX "_care_areas_v_version_version_updated_at_idx" ON "_care_areas_v" USING btree ("version_updated_at");
  CREATE INDEX "_care_areas_v_version_version_created_at_idx" ON "_care_areas_v" USING btree ("version_created_at");
  CREATE INDEX "_care_areas_v_version_version__status_idx" ON "_care_areas_v" USING btree ("version__status");
  CREATE INDEX "_care_areas_v_created_at_idx" ON "_care_areas_v" USING btree ("created_at");
  CREATE INDEX "_care_areas_v_updated_at_idx" ON "_care_areas_v" USING btree ("updated_at");
  CREATE INDEX "_care_areas_v_latest_idx" ON "_care_areas_v" USING btree ("latest");
  CREATE INDEX "pages_review_evidence_sources_order_idx" ON "pages_review_evidence_sources" USING btree ("_order");
  CREATE INDEX "pages_review_evidence_sources_parent_id_idx" ON "pages_review_evidence_sources" USING btree ("_parent_id");
  CREATE INDEX "pages_slug_idx" ON "pages" USING btree ("slug");
  CREATE INDEX "pages_care_area_idx" ON "pages" USING btree ("care_area_id");
  CREATE INDEX "pages_parent_idx" ON "pages" USING btree ("parent_id");
  CREATE INDEX "pages_audience_idx" ON "pages" USING btree ("audience");
  CREATE INDEX "pages_review_review_next_review_due_idx" ON "pages" USING btree ("review_next_review_due");
  CREATE INDEX "pages_review_review_content_owner_idx" ON "pages" USING btree ("review_content_owner_id");
  CREATE INDEX "pages_review_review_clinical_approver_idx" ON "pages" USING btree ("review_clinical_approver_id");
  CREATE INDEX "pages_sign_off_sign_off_requested_by_idx" ON "pages" USING btree ("sign_off_requested_by_id");
  CREATE INDEX "pages_sign_off_sign_off_signed_off_by_idx" ON "pages" USING btree ("sign_off_signed_off_by_id");
  CREATE INDEX "pages_updated_at_idx" ON "pages" USING btree ("updated_at");
  CREATE INDEX "pages_created_at_idx" ON "pages" USING btree ("created_at");
  CREATE INDEX "pages__status_idx" ON "pages" USING btree ("_status");
  CREATE INDEX "pages_rels_order_idx" ON "pages_rels" USING btree ("order");
  CREATE INDEX "pages_rels_parent_idx" ON "pages_rels" USING btree ("parent_id");
  CREATE INDEX "pages_rels_path_idx" ON "pages_rels" USING btree ("path");
  CREATE INDEX "pages_rels_documents_id_idx" ON "pages_rels" USING btree ("documents_id");
  CREATE INDEX "_pages_v_version_review_evidence_sources_order_idx" ON "_pages_v_version_review_evidence_sources" USING btree ("_order");
  CREATE INDEX "_pages_v_version_review_evidence_sources_parent_id_idx" ON "_pages_v_version_review_evidence_sources" USING btree ("_parent_id");
  CREATE INDEX "_pages_v_parent_idx" ON "_pages_v" USING btree ("parent_id");
  CREATE INDEX "_pages_v_version_version_slug_idx" ON "_pages_v" USING btree ("version_slug");
  CREATE INDEX "_pages_v_version_version_care_area_idx" ON "_pages_v" USING btree ("version_care_area_id");
  CREATE INDEX "_pages_v_version_version_parent_idx" ON "_pages_v" USING btree ("version_parent_id");
  CREATE INDEX "_pages_v_version_version_audience_idx" ON "_pages_v" USING btree ("version_audience");
  CREATE INDEX "_pages_v_version_review_version_review_next_review_due_idx" ON "_pages_v" USING btree ("version_review_next_review_due");
  CREATE INDEX "_pages_v_version_review_version_review_content_owner_idx" ON "_pages_v" USING btree ("version_review_content_owner_id");
  CREATE INDEX "_pages_v_version_review_version_review_clinical_approver_idx" ON "_pages_v" USING btree ("version_review_clinical_approver_id");
  CREATE INDEX "_pages_v_version_sign_off_version_sign_off_requested_by_idx" ON "_pages_v" USING btree ("version_sign_off_requested_by_id");
  CREATE INDEX "_pages_v_version_sign_off_version_sign_off_signed_off_by_idx" ON "_pages_v" USING btree ("version_sign_off_signed_off_by_id");
  CREATE INDEX "_pages_v_version_version_updated_at_idx" ON "_pages_v" USING btree ("version_updated_at");
  CREATE INDEX "_pages_v_version_version_created_at_idx" ON "_pages_v" USING btree ("version_created_at");
  CREATE INDEX "_pages_v_version_version__status_idx" ON "_pages_v" USING btree ("version__status");
  CREATE INDEX "_pages_v_created_at_idx" ON "_pages_v" USING btree ("created_at");
  CREATE INDEX "_pages_v_updated_at_idx" ON "_pages_v" USING btree ("updated_at");
  CREATE INDEX "_pages_v_latest_idx" ON "_pages_v" USING btree ("latest");
  CREATE INDEX "_pages_v_rels_order_idx" ON "_pages_v_rels" USING btree ("order");
  CREATE INDEX "_pages_v_rels_parent_idx" ON "_pages_v_rels" USING btree ("parent_id");
  CREATE INDEX "_pages_v_rels_path_idx" ON "_pages_v_rels" USING btree ("path");
  CREATE INDEX "_pages_v_rels_documents_id_idx" ON "_pages_v_rels" USING btree ("documents_id");
  CREATE UNIQUE INDEX "commissioning_tips_rank_idx" ON "commissioning_tips" USING btree ("rank");
  CREATE UNIQUE INDEX "commissioning_tips_slug_idx" ON "commissioning_tips" USING btree ("slug");
  CREATE INDEX "commissioning_tips_updated_at_idx" ON "commissioning_tips" USING btree ("updated_at");
  CREATE INDEX "commissioning_tips_created_at_idx" ON "commissioning_tips" USING btree ("created_at");
  CREATE INDEX "commissioning_tips__status_idx" ON "commissioning_tips" USING btree ("_status");
  CREATE INDEX "_commissioning_tips_v_parent_idx" ON "_commissioning_tips_v" USING btree ("parent_id");
  CREATE INDEX "_commissioning_tips_v_version_version_rank_idx" ON "_commissioning_tips_v" USING btree ("version_rank");
  CREATE INDEX "_commissioning_tips_v_version_version_slug_idx" ON "_commissioning_tips_v" USING btree ("version_slug");
  CREATE INDEX "_commissioning_tips_v_version_version_updated_at_idx" ON "_commissioning_tips_v" USING btree ("version_updated_at");
  CREATE INDEX "_commissioning_tips_v_version_version_created_at_idx" ON "_commissioning_tips_v" USING btree ("version_created_at");
  CREATE INDEX "_commissioning_tips_v_version_version__status_idx" ON "_commissioning_tips_v" USING btree ("version__status");
  CREATE INDEX "_commissioning_tips_v_created_at_idx" ON "_commissioning_tips_v" USING btree ("created_at");
  CREATE INDEX "_commissioning_tips_v_updated_at_idx" ON "_commissioning_tips_v" USING btree ("updated_at");
  CREATE INDEX "_commissioning_tips_v_latest_idx" ON "_commissioning_tips_v" USING btree ("latest");
  CREATE INDEX "updates_rels_order_idx" ON "updates_rels" USING btree ("order");
  CREATE INDEX "updates_rels_parent_idx" ON "updates_rels" USING btree ("parent_id");
  CREATE INDEX "updates_rels_path_idx" ON "updates_rels" USING btree ("path");
  CREATE INDEX "updates_rels_documents_id_idx" ON "updates_rels" USING btree ("documents_id");
  CREATE INDEX "updates_rels_people_id_idx" ON "updates_rels" USING btree ("people_id");
  CREATE INDEX "_updates_v_rels_order_idx" ON "_updates_v_rels" USING btree ("order");
  CREATE INDEX "_updates_v_rels_parent_idx" ON "_updates_v_rels" USING btree ("parent_id");
  CREATE INDEX "_updates_v_rels_path_idx" ON "_updates_v_rels" USING btree ("path");
  CREATE INDEX "_updates_v_rels_documents_id_idx" ON "_updates_v_rels" USING btree ("documents_id");
  CREATE INDEX "_updates_v_rels_people_id_idx" ON "_updates_v_rels" USING btree ("people_id");
  CREATE UNIQUE INDEX "parliamentary_questions_slug_idx" ON "parliamentary_questions" USING btree ("slug");
  CREATE INDEX "parliamentary_questions_uin_idx" ON "parliamentary_questions" USING btree ("uin");
  CREATE INDEX "parliamentary_questions_date_asked_idx" ON "parliamentary_questions" USING btree ("date_asked");
  CREATE INDEX "parliamentary_questions_updated_at_idx" ON "parliamentary_questions" USING btree ("updated_at");
  CREATE INDEX "parliamentary_questions_created_at_idx" ON "parliamentary_questions" USING btree ("created_at");
  CREATE INDEX "parliamentary_questions__status_idx" ON "parliamentary_questions" USING btree ("_status");
  CREATE INDEX "parliamentary_questions_texts_order_parent" ON "parliamentary_questions_texts" USING btree ("order","parent_id");
  CREATE INDEX "_parliamentary_questions_v_parent_idx" ON "_parliamentary_questions_v" USING btree ("parent_id");
  CREATE INDEX "_parliamentary_questions_v_version_version_slug_idx" ON "_parliamentary_questions_v" USING btree ("version_slug");
  CREATE INDEX "_parliamentary_questions_v_version_version_uin_idx" ON "_parliamentary_questions_v" USING btree ("version_uin");
  CREATE INDEX "_parliamentary_questions_v_version_version_date_asked_idx" ON "_parliamentary_questions_v" USING btree ("version_date_asked");
  CREATE INDEX "_parliamentary_questions_v_version_version_updated_at_idx" ON "_parliamentary_questions_v" USING btree ("version_updated_at");
  CREATE INDEX "_parliamentary_questions_v_version_version_created_at_idx" ON "_parliamentary_questions_v" USING btree ("version_created_at");
  CREATE INDEX "_parliamentary_questions_v_version_version__status_idx" ON "_parliamentary_questions_v" USING btree ("version__status");
  CREATE INDEX "_parliamentary_questions_v_created_at_idx" ON "_parliamentary_questions_v" USING btree ("created_at");
  CREATE INDEX "_parliamentary_questions_v_updated_at_idx" ON "_parliamentary_questions_v" USING btree ("updated_at");
  CREATE INDEX "_parliamentary_questions_v_latest_idx" ON "_parliamentary_questions_v" USING btree ("latest");
  CREATE INDEX "_parliamentary_questions_v_texts_order_parent" ON "_parliamentary_questions_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "documents_publication_date_idx" ON "documents" USING btree ("publication_date");
  CREATE INDEX "documents_audience_idx" ON "documents" USING btree ("audience");
  CREATE INDEX "documents_updated_at_idx" ON "documents" USING btree ("updated_at");
  CREATE INDEX "documents_created_at_idx" ON "documents" USING btree ("created_at");
  CREATE INDEX "documents__status_idx" ON "documents" USING btree ("_status");
  CREATE UNIQUE INDEX "documents_filename_idx" ON "documents" USING btree ("filename");
  CREATE INDEX "_documents_v_parent_idx" ON "_documents_v" USING btree ("parent_id");
  CREATE INDEX "_documents_v_version_version_publication_date_idx" ON "_documents_v" USING btree ("version_publication_date");
  CREATE INDEX "_documents_v_version_version_audience_idx" ON "_documents_v" USING btree ("version_audience");
  CREATE INDEX "_documents_v_version_version_updated_at_idx" ON "_documents_v" USING btree ("version_updated_at");
  CREATE INDEX "_documents_v_version_version_created_at_idx" ON "_documents_v" USING btree ("version_created_at");
  CREATE INDEX "_documents_v_version_version__status_idx" ON "_documents_v" USING btree ("version__status");
  CREATE INDEX "_documents_v_version_version_filename_idx" ON "_documents_v" USING btree ("version_filename");
  CREATE INDEX "_documents_v_created_at_idx" ON "_documents_v" USING btree ("created_at");
  CREATE INDEX "_documents_v_updated_at_idx" ON "_documents_v" USING btree ("updated_at");
  CREATE INDEX "_documents_v_latest_idx" ON "_documents_v" USING btree ("latest");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "media" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "media_sizes_card_sizes_card_filename_idx" ON "media" USING btree ("sizes_card_filename");
  CREATE INDEX "media_sizes_wide_sizes_wide_filename_idx" ON "media" USING btree ("sizes_wide_filename");
  CREATE INDEX "people_organisation_idx" ON "people" USING btree ("organisation_id");
  CREATE INDEX "people_updated_at_idx" ON "people" USING btree ("updated_at");
  CREATE INDEX "people_created_at_idx" ON "people" USING btree ("created_at");
  CREATE UNIQUE INDEX "organisations_name_idx" ON "organisations" USING btree ("name");
  CREATE INDEX "organisations_updated_at_idx" ON "organisations" USING btree ("updated_at");
  CREATE INDEX "organisations_created_at_idx" ON "organisations" USING btree ("created_at");
  CREATE INDEX "feedback_page_idx" ON "feedback" USING btree ("page_id");
  CREATE INDEX "feedback_useful_idx" ON "feedback" USING btree ("useful");
  CREATE INDEX "feedback_updated_at_idx" ON "feedback" USING btree ("updated_at");
  CREATE INDEX "feedback_created_at_idx" ON "feedback" USING btree ("created_at");
  CREATE INDEX "sign_offs_page_idx" ON "sign_offs" USING btree ("page_id");
  CREATE INDEX "sign_offs_reviewer_idx" ON "sign_offs" USING btree ("reviewer_id");
  CREATE INDEX "sign_offs_updated_at_idx" ON "sign_offs" USING btree ("updated_at");
  CREATE INDEX "sign_offs_created_at_idx" ON "sign_offs" USING btree ("created_at");
  CREATE INDEX "navigation_header_order_idx" ON "navigation_header" USING btree ("_order");
  CREATE INDEX "navigation_header_parent_id_idx" ON "navigation_header" USING btree ("_parent_id");
  CREATE INDEX "navigation_footer_order_idx" ON "navigation_footer" USING btree ("_order");
  CREATE INDEX "navigation_footer_parent_id_idx" ON "navigation_footer" USING btree ("_parent_id");
  ALTER TABLE "updates" ADD CONSTRAINT "updates_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "updates" ADD CONSTRAINT "updates_consultation_feedback_to_id_people_id_fk" FOREIGN KEY ("consultation_feedback_to_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_updates_v" ADD CONSTRAINT "_updates_v_version_from_organisation_id_organisations_id_fk" FOREIGN KEY ("version_from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_updates_v" ADD CONSTRAINT "_updates_v_version_consultation_feedback_to_id_people_id_fk" FOREIGN KEY ("version_consultation_feedback_to_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_care_areas_fk" FOREIGN KEY ("care_areas_id") REFERENCES "public"."care_areas"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_pages_fk" FOREIGN KEY ("pages_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_commissioning_tips_fk" FOREIGN KEY ("commissioning_tips_id") REFERENCES "public"."commissioning_tips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parliamentary_questions_fk" FOREIGN KEY ("parliamentary_questions_id") REFERENCES "public"."parliamentary_questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_people_fk" FOREIGN KEY ("people_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_organisations_fk" FOREIGN KEY ("organisations_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_feedback_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sign_offs_fk" FOREIGN KEY ("sign_offs_id") REFERENCES "public"."sign_offs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "updates_from_organisation_idx" ON "updates" USING btree ("from_organisation_id");
  CREATE INDEX "updates_is_consultation_idx" ON "updates" USING btree ("is_consultation");
  CREATE INDEX "updates_consultation_consultation_feedback_deadline_idx" ON "updates" USING btree ("consultation_feedback_deadline");
  CREATE INDEX "updates_consultation_consultation_feedback_to_idx" ON "updates" USING btree ("consultation_feedback_to_id");
  CREATE INDEX "_updates_v_version_version_from_organisation_idx" ON "_updates_v" USING btree ("version_from_organisation_id");
  CREATE INDEX "_updates_v_version_version_is_consultation_idx" ON "_updates_v" USING btree ("version_is_consultation");
  CREATE INDEX "_updates_v_version_consultation_version_consultation_fee_idx" ON "_updates_v" USING btree ("version_consultation_feedback_deadline");
  CREATE INDEX "_updates_v_version_consultation_version_consultation_f_1_idx" ON "_updates_v" USING btree ("version_consultation_feedback_to_id");
  CREATE INDEX "payload_locked_documents_rels_care_areas_id_idx" ON "payload_locked_documents_rels" USING btree ("care_areas_id");
  CREATE INDEX "payload_locked_documents_rels_pages_id_idx" ON "payload_locked_documents_rels" USING btree ("pages_id");
  CREATE INDEX "payload_locked_documents_rels_commissioning_tips_id_idx" ON "payload_locked_documents_rels" USING btree ("commissioning_tips_id");
  CREATE INDEX "payload_locked_documents_rels_parliamentary_questions_id_idx" ON "payload_locked_documents_rels" USING btree ("parliamentary_questions_id");
  CREATE INDEX "payload_locked_documents_rels_documents_id_idx" ON "payload_locked_documents_rels" USING btree ("documents_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_people_id_idx" ON "payload_locked_documents_rels" USING btree ("people_id");
  CREATE INDEX "payload_locked_documents_rels_organisations_id_idx" ON "payload_locked_documents_rels" USING btree ("organisations_id");
  CREATE INDEX "payload_locked_documents_rels_feedback_id_idx" ON "payload_locked_documents_rels" USING btree ("feedback_id");
  CREATE INDEX "payload_locked_documents_rels_sign_offs_id_idx" ON "payload_locked_documents_rels" USING btree ("sign_offs_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "care_areas" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_care_areas_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "pages_review_evidence_sources" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "pages" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "pages_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_pages_v_version_review_evidence_sources" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_pages_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_pages_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "commissioning_tips" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_commissioning_tips_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "updates_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_updates_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "parliamentary_questions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "parliamentary_questions_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_parliamentary_questions_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_parliamentary_questions_v_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "documents" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_documents_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "media" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "people" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "organisations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "feedback" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sign_offs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "navigation_header" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "navigation_footer" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "navigation" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "care_areas" CASCADE;
  DROP TABLE "_care_areas_v" CASCADE;
  DROP TABLE "pages_review_evidence_sources" CASCADE;
  DROP TABLE "pages" CASCADE;
  DROP TABLE "pages_rels" CASCADE;
  DROP TABLE "_pages_v_version_review_evidence_sources" CASCADE;
  DROP TABLE "_pages_v" CASCADE;
  DROP TABLE "_pages_v_rels" CASCADE;
  DROP TABLE "commissioning_tips" CASCADE;
  DROP TABLE "_commissioning_tips_v" CASCADE;
  DROP TABLE "updates_rels" CASCADE;
  DROP TABLE "_updates_v_rels" CASCADE;
  DROP TABLE "parliamentary_questions" CASCADE;
  DROP TABLE "parliamentary_questions_texts" CASCADE;
  DROP TABLE "_parliamentary_questions_v" CASCADE;
  DROP TABLE "_parliamentary_questions_v_texts" CASCADE;
  DROP TABLE "documents" CASCADE;
  DROP TABLE "_documents_v" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "people" CASCADE;
  DROP TABLE "organisations" CASCADE;
  DROP TABLE "feedback" CASCADE;
  DROP TABLE "sign_offs" CASCADE;
  DROP TABLE "navigation_header" CASCADE;
  DROP TABLE "navigation_footer" CASCADE;
  DROP TABLE "navigation" CASCADE;
  ALTER TABLE "updates" DROP CONSTRAINT "updates_from_organisation_id_organisations_id_fk";
  
  ALTER TABLE "updates" DROP CONSTRAINT "updates_consultation_feedback_to_id_people_id_fk";
  
  ALTER TABLE "_updates_v" DROP CONSTRAINT "_updates_v_version_from_organisation_id_organisations_id_fk";
  
  ALTER TABLE "_updates_v" DROP CONSTRAINT "_updates_v_version_consultation_feedback_to_id_people_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_care_areas_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_pages_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_commissioning_tips_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_parliamentary_questions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_documents_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_media_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_people_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_organisations_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_feedback_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sign_offs_fk";
  
  DROP INDEX "updates_from_organisation_idx";
  DROP INDEX "updates_is_consultation_idx";
  DROP INDEX "updates_consultation_consultation_feedback_deadline_idx";
  DROP INDEX "updates_consultation_consultation_feedback_to_idx";
  DROP INDEX "_updates_v_version_version_from_organisation_idx";
  DROP INDEX "_updates_v_version_version_is_consultation_idx";
  DROP INDEX "_updates_v_version_consultation_version_consultation_fee_idx";
  DROP INDEX "_updates_v_version_consultation_version_consultation_f_1_idx";
  DROP INDEX "payload_locked_documents_rels_care_areas_id_idx";
  DROP INDEX "payload_locked_documents_rels_pages_id_idx";
  DROP INDEX "payload_locked_documents_rels_commissioning_tips_id_idx";
  DROP INDEX "payload_locked_documents_rels_parliamentary_questions_id_idx";
  DROP INDEX "payload_locked_documents_rels_documents_id_idx";
  DROP INDEX "payload_locked_documents_rels_media_id_idx";
  DROP INDEX "payload_locked_documents_rels_people_id_idx";
  DROP INDEX "payload_locked_documents_rels_organisations_id_idx";
  DROP INDEX "payload_locked_documents_rels_feedback_id_idx";
  DROP INDEX "payload_locked_documents_rels_sign_offs_id_idx";
  ALTER TABLE "updates" DROP COLUMN "from";
  ALTER TABLE "updates" DROP COLUMN "from_organisation_id";
  ALTER TABLE "updates" DROP COLUMN "is_consultation";
  ALTER TABLE "updates" DROP COLUMN "consultation_feedback_deadline";
  ALTER TABLE "updates" DROP COLUMN "consultation_feedback_to_id";
  ALTER TABLE "updates" DROP COLUMN "consultation_feedback_instructions";
  ALTER TABLE "updates" DROP COLUMN "consultation_feedback_url";
  ALTER TABLE "_updates_v" DROP COLUMN "version_from";
  ALTER TABLE "_updates_v" DROP COLUMN "version_from_organisation_id";
  ALTER TABLE "_updates_v" DROP COLUMN "version_is_consultation";
  ALTER TABLE "_updates_v" DROP COLUMN "version_consultation_feedback_deadline";
  ALTER TABLE "_updates_v" DROP COLUMN "version_consultation_feedback_to_id";
  ALTER TABLE "_updates_v" DROP COLUMN "version_consultation_feedback_instructions";
  ALTER TABLE "_updates_v" DROP COLUMN "version_consultation_feedback_url";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "care_areas_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "pages_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "commissioning_tips_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "parliamentary_questions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "documents_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "media_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "people_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "organisations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "feedback_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sign_offs_id";
  DROP TYPE "public"."enum_care_areas_status";
  DROP TYPE "public"."enum__care_areas_v_version_status";
  DROP TYPE "public"."enum_pages_audience";
  DROP TYPE "public"."enum_pages_sign_off_status";
  DROP TYPE "public"."enum_pages_status";
  DROP TYPE "public"."enum__pages_v_version_audience";
  DROP TYPE "public"."enum__pages_v_version_sign_off_status";
  DROP TYPE "public"."enum__pages_v_version_status";
  DROP TYPE "public"."enum_commissioning_tips_status";
  DROP TYPE "public"."enum__commissioning_tips_v_version_status";
  DROP TYPE "public"."enum_parliamentary_questions_house";
  DROP TYPE "public"."enum_parliamentary_questions_status";
  DROP TYPE "public"."enum__parliamentary_questions_v_version_house";
  DROP TYPE "public"."enum__parliamentary_questions_v_version_status";
  DROP TYPE "public"."enum_documents_audience";
  DROP TYPE "public"."enum_documents_status";
  DROP TYPE "public"."enum__documents_v_version_audience";
  DROP TYPE "public"."enum__documents_v_version_status";`)
}
