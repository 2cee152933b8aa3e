import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_answers_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__answers_v_version_status" AS ENUM('draft', 'published');
  CREATE TABLE "answers_review_evidence_sources" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"url" varchar
  );
  
  CREATE TABLE "answers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"question" varchar,
  	"generate_slug" boolean DEFAULT true,
  	"slug" varchar,
  	"answer" jsonb,
  	"care_area_id" integer,
  	"gives_clinical_information" boolean DEFAULT false,
  	"review_awaiting_clinical_review" boolean DEFAULT false,
  	"review_origin" varchar,
  	"review_origin_year" numeric,
  	"review_last_reviewed" timestamp(3) with time zone,
  	"review_next_review_due" timestamp(3) with time zone,
  	"review_content_owner_id" integer,
  	"review_clinical_approver_id" integer,
  	"clinical_sign_off_signed_off_by_id" integer,
  	"clinical_sign_off_signed_off_at" timestamp(3) with time zone,
  	"proposal_proposed_by_id" integer,
  	"proposal_proposed_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_answers_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_answers_v_version_review_evidence_sources" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"url" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_answers_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_question" varchar,
  	"version_generate_slug" boolean DEFAULT true,
  	"version_slug" varchar,
  	"version_answer" jsonb,
  	"version_care_area_id" integer,
  	"version_gives_clinical_information" boolean DEFAULT false,
  	"version_review_awaiting_clinical_review" boolean DEFAULT false,
  	"version_review_origin" varchar,
  	"version_review_origin_year" numeric,
  	"version_review_last_reviewed" timestamp(3) with time zone,
  	"version_review_next_review_due" timestamp(3) with time zone,
  	"version_review_content_owner_id" integer,
  	"version_review_clinical_approver_id" integer,
  	"version_clinical_sign_off_signed_off_by_id" integer,
  	"version_clinical_sign_off_signed_off_at" timestamp(3) with time zone,
  	"version_proposal_proposed_by_id" integer,
  	"version_proposal_proposed_at" timestamp(3) with time zone,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__answers_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  ALTER TABLE "feedback" ADD COLUMN "answer_id" integer;
  ALTER TABLE "questions" ADD COLUMN "publication_consent" boolean DEFAULT false;
  ALTER TABLE "questions" ADD COLUMN "answered_from_id" integer;
  ALTER TABLE "questions" ADD COLUMN "published_as_id" integer;
  ALTER TABLE "redirects_rels" ADD COLUMN "answers_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "answers_id" integer;
  ALTER TABLE "answers_review_evidence_sources" ADD CONSTRAINT "answers_review_evidence_sources_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."answers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "answers" ADD CONSTRAINT "answers_care_area_id_care_areas_id_fk" FOREIGN KEY ("care_area_id") REFERENCES "public"."care_areas"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "answers" ADD CONSTRAINT "answers_review_content_owner_id_users_id_fk" FOREIGN KEY ("review_content_owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "answers" ADD CONSTRAINT "answers_review_clinical_approver_id_users_id_fk" FOREIGN KEY ("review_clinical_approver_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "answers" ADD CONSTRAINT "answers_clinical_sign_off_signed_off_by_id_users_id_fk" FOREIGN KEY ("clinical_sign_off_signed_off_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "answers" ADD CONSTRAINT "answers_proposal_proposed_by_id_users_id_fk" FOREIGN KEY ("proposal_proposed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_answers_v_version_review_evidence_sources" ADD CONSTRAINT "_answers_v_version_review_evidence_sources_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_answers_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_answers_v" ADD CONSTRAINT "_answers_v_parent_id_answers_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."answers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_answers_v" ADD CONSTRAINT "_answers_v_version_care_area_id_care_areas_id_fk" FOREIGN KEY ("version_care_area_id") REFERENCES "public"."care_areas"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_answers_v" ADD CONSTRAINT "_answers_v_version_review_content_owner_id_users_id_fk" FOREIGN KEY ("version_review_content_owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_answers_v" ADD CONSTRAINT "_answers_v_version_review_clinical_approver_id_users_id_fk" FOREIGN KEY ("version_review_clinical_approver_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_answers_v" ADD CONSTRAINT "_answers_v_version_clinical_sign_off_signed_off_by_id_users_id_fk" FOREIGN KEY ("version_clinical_sign_off_signed_off_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_answers_v" ADD CONSTRAINT "_answers_v_version_proposal_proposed_by_id_users_id_fk" FOREIGN KEY ("version_proposal_proposed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "answers_review_evidence_sources_order_idx" ON "answers_review_evidence_sources" USING btree ("_order");
  CREATE INDEX "answers_review_evidence_sources_parent_id_idx" ON "answers_review_evidence_sources" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "answers_slug_idx" ON "answers" USING btree ("slug");
  CREATE INDEX "answers_care_area_idx" ON "answers" USING btree ("care_area_id");
  CREATE INDEX "answers_gives_clinical_information_idx" ON "answers" USING btree ("gives_clinical_information");
  CREATE INDEX "answers_review_review_next_review_due_idx" ON "answers" USING btree ("review_next_review_due");
  CREATE INDEX "answers_review_review_content_owner_idx" ON "answers" USING btree ("review_content_owner_id");
  CREATE INDEX "answers_review_review_clinical_approver_idx" ON "answers" USING btree ("review_clinical_approver_id");
  CREATE INDEX "answers_clinical_sign_off_clinical_sign_off_signed_off_b_idx" ON "answers" USING btree ("clinical_sign_off_signed_off_by_id");
  CREATE INDEX "answers_proposal_proposal_proposed_by_idx" ON "answers" USING btree ("proposal_proposed_by_id");
  CREATE INDEX "answers_updated_at_idx" ON "answers" USING btree ("updated_at");
  CREATE INDEX "answers_created_at_idx" ON "answers" USING btree ("created_at");
  CREATE INDEX "answers__status_idx" ON "answers" USING btree ("_status");
  CREATE INDEX "_answers_v_version_review_evidence_sources_order_idx" ON "_answers_v_version_review_evidence_sources" USING btree ("_order");
  CREATE INDEX "_answers_v_version_review_evidence_sources_parent_id_idx" ON "_answers_v_version_review_evidence_sources" USING btree ("_parent_id");
  CREATE INDEX "_answers_v_parent_idx" ON "_answers_v" USING btree ("parent_id");
  CREATE INDEX "_answers_v_version_version_slug_idx" ON "_answers_v" USING btree ("version_slug");
  CREATE INDEX "_answers_v_version_version_care_area_idx" ON "_answers_v" USING btree ("version_care_area_id");
  CREATE INDEX "_answers_v_version_version_gives_clinical_information_idx" ON "_answers_v" USING btree ("version_gives_clinical_information");
  CREATE INDEX "_answers_v_version_review_version_review_next_review_due_idx" ON "_answers_v" USING btree ("version_review_next_review_due");
  CREATE INDEX "_answers_v_version_review_version_review_content_owner_idx" ON "_answers_v" USING btree ("version_review_content_owner_id");
  CREATE INDEX "_answers_v_version_review_version_review_clinical_approv_idx" ON "_answers_v" USING btree ("version_review_clinical_approver_id");
  CREATE INDEX "_answers_v_version_clinical_sign_off_version_clinical_si_idx" ON "_answers_v" USING btree ("version_clinical_sign_off_signed_off_by_id");
  CREATE INDEX "_answers_v_version_proposal_version_proposal_proposed_by_idx" ON "_answers_v" USING btree ("version_proposal_proposed_by_id");
  CREATE INDEX "_answers_v_version_version_updated_at_idx" ON "_answers_v" USING btree ("version_updated_at");
  CREATE INDEX "_answers_v_version_version_created_at_idx" ON "_answers_v" USING btree ("version_created_at");
  CREATE INDEX "_answers_v_version_version__status_idx" ON "_answers_v" USING btree ("version__status");
  CREATE INDEX "_answers_v_created_at_idx" ON "_answers_v" USING btree ("created_at");
  CREATE INDEX "_answers_v_updated_at_idx" ON "_answers_v" USING btree ("updated_at");
  CREATE INDEX "_answers_v_latest_idx" ON "_answers_v" USING btree ("latest");
  ALTER TABLE "feedback" ADD CONSTRAINT "feedback_answer_id_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "questions" ADD CONSTRAINT "questions_answered_from_id_answers_id_fk" FOREIGN KEY ("answered_from_id") REFERENCES "public"."answers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "questions" ADD CONSTRAINT "questions_published_as_id_answers_id_fk" FOREIGN KEY ("published_as_id") REFERENCES "public"."answers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "redirects_rels" ADD CONSTRAINT "redirects_rels_questions_and_answers_fk" FOREIGN KEY ("answers_id") REFERENCES "public"."answers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_questions_and_answers_fk" FOREIGN KEY ("answers_id") REFERENCES "public"."answers"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "feedback_answer_idx" ON "feedback" USING btree ("answer_id");
  CREATE INDEX "questions_answered_from_idx" ON "questions" USING btree ("answered_from_id");
  CREATE INDEX "questions_published_as_idx" ON "questions" USING btree ("published_as_id");
  CREATE INDEX "redirects_rels_answers_id_idx" ON "redirects_rels" USING btree ("answers_id");
  CREATE INDEX "payload_locked_documents_rels_answers_id_idx" ON "payload_locked_documents_rels" USING btree ("answers_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "answers_review_evidence_sources" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "answers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_answers_v_version_review_evidence_sources" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_answers_v" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "answers_review_evidence_sources" CASCADE;
  DROP TABLE "answers" CASCADE;
  DROP TABLE "_answers_v_version_review_evidence_sources" CASCADE;
  DROP TABLE "_answers_v" CASCADE;
  ALTER TABLE "feedback" DROP CONSTRAINT "feedback_answer_id_answers_id_fk";
  
  ALTER TABLE "questions" DROP CONSTRAINT "questions_answered_from_id_answers_id_fk";
  
  ALTER TABLE "questions" DROP CONSTRAINT "questions_published_as_id_answers_id_fk";
  
  ALTER TABLE "redirects_rels" DROP CONSTRAINT "redirects_rels_questions_and_answers_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_questions_and_answers_fk";
  
  DROP INDEX "feedback_answer_idx";
  DROP INDEX "questions_answered_from_idx";
  DROP INDEX "questions_published_as_idx";
  DROP INDEX "redirects_rels_answers_id_idx";
  DROP INDEX "payload_locked_documents_rels_answers_id_idx";
  ALTER TABLE "feedback" DROP COLUMN "answer_id";
  ALTER TABLE "questions" DROP COLUMN "publication_consent";
  ALTER TABLE "questions" DROP COLUMN "answered_from_id";
  ALTER TABLE "questions" DROP COLUMN "published_as_id";
  ALTER TABLE "redirects_rels" DROP COLUMN "answers_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "answers_id";
  DROP TYPE "public"."enum_answers_status";
  DROP TYPE "public"."enum__answers_v_version_status";`)
}
