import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_groups_visibility" AS ENUM('public', 'professional', 'members');
  CREATE TYPE "public"."enum_meetings_attendance_attendance" AS ENUM('present', 'apologies', 'in-attendance');
  CREATE TYPE "public"."enum_meetings_format" AS ENUM('in-person', 'online', 'hybrid');
  CREATE TYPE "public"."enum_meetings_status" AS ENUM('scheduled', 'held');
  CREATE TYPE "public"."enum_meetings_minutes_status" AS ENUM('draft', 'unconfirmed', 'approved');
  CREATE TYPE "public"."enum_actions_status" AS ENUM('open', 'done', 'dropped', 'carried-forward');
  CREATE TYPE "public"."enum_recommendations_status" AS ENUM('not-started', 'in-progress', 'implemented', 'not-accepted');
  CREATE TYPE "public"."enum_recommendations_audience" AS ENUM('public', 'professional');
  ALTER TYPE "public"."enum_users_roles" ADD VALUE 'secretary' BEFORE 'professional';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'remindOverdueActions' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'remindOverdueActions' BEFORE 'schedulePublish';
  CREATE TABLE "groups_members" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"person_id" integer NOT NULL,
  	"organisation_id" integer,
  	"role" varchar
  );
  
  CREATE TABLE "groups" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"purpose" varchar,
  	"parent_id" integer,
  	"visibility" "enum_groups_visibility" DEFAULT 'public' NOT NULL,
  	"quorum" numeric,
  	"terms_of_reference_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "groups_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"people_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "meetings_attendance" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"person_id" integer NOT NULL,
  	"attendance" "enum_meetings_attendance_attendance" DEFAULT 'present' NOT NULL,
  	"organisation_id" integer
  );
  
  CREATE TABLE "meetings_declarations" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"person_id" integer NOT NULL,
  	"interest" varchar NOT NULL,
  	"agenda_item" numeric
  );
  
  CREATE TABLE "meetings_agenda_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"number" numeric,
  	"title" varchar NOT NULL,
  	"minute" varchar,
  	"decision" varchar
  );
  
  CREATE TABLE "meetings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"group_id" integer NOT NULL,
  	"starts_at" timestamp(3) with time zone NOT NULL,
  	"ends_at" timestamp(3) with time zone,
  	"day" varchar,
  	"all_day" boolean DEFAULT false,
  	"provisional" boolean DEFAULT false,
  	"date_note" varchar,
  	"format" "enum_meetings_format" DEFAULT 'in-person' NOT NULL,
  	"venue" varchar,
  	"status" "enum_meetings_status" DEFAULT 'scheduled' NOT NULL,
  	"minutes_status" "enum_meetings_minutes_status" DEFAULT 'draft' NOT NULL,
  	"confirms_minutes_of_id" integer,
  	"minutes_approval_approved_at" timestamp(3) with time zone,
  	"minutes_approval_approved_by_id" integer,
  	"minutes_approval_confirmed_by_id" integer,
  	"next_meeting_date" timestamp(3) with time zone,
  	"next_meeting_note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "meetings_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"documents_id" integer
  );
  
  CREATE TABLE "actions_updates" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"note" varchar NOT NULL,
  	"at" timestamp(3) with time zone,
  	"by_id" integer
  );
  
  CREATE TABLE "actions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"meeting_id" integer NOT NULL,
  	"agenda_item" numeric,
  	"group_id" integer,
  	"due_date" timestamp(3) with time zone,
  	"status" "enum_actions_status" DEFAULT 'open' NOT NULL,
  	"reminder_due_date" varchar,
  	"reminder_sent_at" timestamp(3) with time zone,
  	"reminder_to" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "actions_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"people_id" integer,
  	"organisations_id" integer,
  	"meetings_id" integer
  );
  
  CREATE TABLE "recommendations_sub_points" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"text" varchar NOT NULL
  );
  
  CREATE TABLE "recommendations_progress_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone NOT NULL,
  	"evidence_id" integer,
  	"note" varchar NOT NULL
  );
  
  CREATE TABLE "recommendations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"review" varchar NOT NULL,
  	"source_document_id" integer,
  	"number" numeric NOT NULL,
  	"title" varchar NOT NULL,
  	"detail" varchar,
  	"status" "enum_recommendations_status" DEFAULT 'not-started' NOT NULL,
  	"audience" "enum_recommendations_audience" DEFAULT 'public' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "recommendations_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"organisations_id" integer,
  	"actions_id" integer
  );
  
  ALTER TABLE "users" ADD COLUMN "person_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "groups_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "meetings_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "actions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "recommendations_id" integer;
  ALTER TABLE "groups_members" ADD CONSTRAINT "groups_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "groups_members" ADD CONSTRAINT "groups_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "groups_members" ADD CONSTRAINT "groups_members_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "groups" ADD CONSTRAINT "groups_parent_id_groups_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."groups"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "groups" ADD CONSTRAINT "groups_terms_of_reference_id_documents_id_fk" FOREIGN KEY ("terms_of_reference_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "groups_rels" ADD CONSTRAINT "groups_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "groups_rels" ADD CONSTRAINT "groups_rels_people_fk" FOREIGN KEY ("people_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "groups_rels" ADD CONSTRAINT "groups_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "meetings_attendance" ADD CONSTRAINT "meetings_attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "meetings_attendance" ADD CONSTRAINT "meetings_attendance_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "meetings_attendance" ADD CONSTRAINT "meetings_attendance_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "meetings_declarations" ADD CONSTRAINT "meetings_declarations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "meetings_declarations" ADD CONSTRAINT "meetings_declarations_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "meetings_agenda_items" ADD CONSTRAINT "meetings_agenda_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "meetings" ADD CONSTRAINT "meetings_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "meetings" ADD CONSTRAINT "meetings_confirms_minutes_of_id_meetings_id_fk" FOREIGN KEY ("confirms_minutes_of_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "meetings" ADD CONSTRAINT "meetings_minutes_approval_approved_by_id_users_id_fk" FOREIGN KEY ("minutes_approval_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "meetings" ADD CONSTRAINT "meetings_minutes_approval_confirmed_by_id_meetings_id_fk" FOREIGN KEY ("minutes_approval_confirmed_by_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "meetings_rels" ADD CONSTRAINT "meetings_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "meetings_rels" ADD CONSTRAINT "meetings_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "actions_updates" ADD CONSTRAINT "actions_updates_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "actions_updates" ADD CONSTRAINT "actions_updates_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "actions" ADD CONSTRAINT "actions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "actions" ADD CONSTRAINT "actions_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "actions_rels" ADD CONSTRAINT "actions_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "actions_rels" ADD CONSTRAINT "actions_rels_people_fk" FOREIGN KEY ("people_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "actions_rels" ADD CONSTRAINT "actions_rels_organisations_fk" FOREIGN KEY ("organisations_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "actions_rels" ADD CONSTRAINT "actions_rels_meetings_fk" FOREIGN KEY ("meetings_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "recommendations_sub_points" ADD CONSTRAINT "recommendations_sub_points_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "recommendations_progress_notes" ADD CONSTRAINT "recommendations_progress_notes_evidence_id_documents_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recommendations_progress_notes" ADD CONSTRAINT "recommendations_progress_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_source_document_id_documents_id_fk" FOREIGN KEY ("source_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recommendations_rels" ADD CONSTRAINT "recommendations_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "recommendations_rels" ADD CONSTRAINT "recommendations_rels_organisations_fk" FOREIGN KEY ("organisations_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "recommendations_rels" ADD CONSTRAINT "recommendations_rels_actions_fk" FOREIGN KEY ("actions_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "groups_members_order_idx" ON "groups_members" USING btree ("_order");
  CREATE INDEX "groups_members_parent_id_idx" ON "groups_members" USING btree ("_parent_id");
  CREATE INDEX "groups_members_person_idx" ON "groups_members" USING btree ("person_id");
  CREATE INDEX "groups_members_organisation_idx" ON "groups_members" USING btree ("organisation_id");
  CREATE UNIQUE INDEX "groups_name_idx" ON "groups" USING btree ("name");
  CREATE UNIQUE INDEX "groups_slug_idx" ON "groups" USING btree ("slug");
  CREATE INDEX "groups_parent_idx" ON "groups" USING btree ("parent_id");
  CREATE INDEX "groups_visibility_idx" ON "groups" USING btree ("visibility");
  CREATE INDEX "groups_terms_of_reference_idx" ON "groups" USING btree ("terms_of_reference_id");
  CREATE INDEX "groups_updated_at_idx" ON "groups" USING btree ("updated_at");
  CREATE INDEX "groups_created_at_idx" ON "groups" USING btree ("created_at");
  CREATE INDEX "groups_rels_order_idx" ON "groups_rels" USING btree ("order");
  CREATE INDEX "groups_rels_parent_idx" ON "groups_rels" USING btree ("parent_id");
  CREATE INDEX "groups_rels_path_idx" ON "groups_rels" USING btree ("path");
  CREATE INDEX "groups_rels_people_id_idx" ON "groups_rels" USING btree ("people_id");
  CREATE INDEX "groups_rels_users_id_idx" ON "groups_rels" USING btree ("users_id");
  CREATE INDEX "meetings_attendance_order_idx" ON "meetings_attendance" USING btree ("_order");
  CREATE INDEX "meetings_attendance_parent_id_idx" ON "meetings_attendance" USING btree ("_parent_id");
  CREATE INDEX "meetings_attendance_person_idx" ON "meetings_attendance" USING btree ("person_id");
  CREATE INDEX "meetings_attendance_organisation_idx" ON "meetings_attendance" USING btree ("organisation_id");
  CREATE INDEX "meetings_declarations_order_idx" ON "meetings_declarations" USING btree ("_order");
  CREATE INDEX "meetings_declarations_parent_id_idx" ON "meetings_declarations" USING btree ("_parent_id");
  CREATE INDEX "meetings_declarations_person_idx" ON "meetings_declarations" USING btree ("person_id");
  CREATE INDEX "meetings_agenda_items_order_idx" ON "meetings_agenda_items" USING btree ("_order");
  CREATE INDEX "meetings_agenda_items_parent_id_idx" ON "meetings_agenda_items" USING btree ("_parent_id");
  CREATE INDEX "meetings_group_idx" ON "meetings" USING btree ("group_id");
  CREATE INDEX "meetings_starts_at_idx" ON "meetings" USING btree ("starts_at");
  CREATE INDEX "meetings_day_idx" ON "meetings" USING btree ("day");
  CREATE INDEX "meetings_status_idx" ON "meetings" USING btree ("status");
  CREATE INDEX "meetings_minutes_status_idx" ON "meetings" USING btree ("minutes_status");
  CREATE INDEX "meetings_confirms_minutes_of_idx" ON "meetings" USING btree ("confirms_minutes_of_id");
  CREATE INDEX "meetings_minutes_approval_minutes_approval_approved_by_idx" ON "meetings" USING btree ("minutes_approval_approved_by_id");
  CREATE INDEX "meetings_minutes_approval_minutes_approval_confirmed_by_idx" ON "meetings" USING btree ("minutes_approval_confirmed_by_id");
  CREATE INDEX "meetings_updated_at_idx" ON "meetings" USING btree ("updated_at");
  CREATE INDEX "meetings_created_at_idx" ON "meetings" USING btree ("created_at");
  CREATE INDEX "meetings_rels_order_idx" ON "meetings_rels" USING btree ("order");
  CREATE INDEX "meetings_rels_parent_idx" ON "meetings_rels" USING btree ("parent_id");
  CREATE INDEX "meetings_rels_path_idx" ON "meetings_rels" USING btree ("path");
  CREATE INDEX "meetings_rels_documents_id_idx" ON "meetings_rels" USING btree ("documents_id");
  CREATE INDEX "actions_updates_order_idx" ON "actions_updates" USING btree ("_order");
  CREATE INDEX "actions_updates_parent_id_idx" ON "actions_updates" USING btree ("_parent_id");
  CREATE INDEX "actions_updates_by_idx" ON "actions_updates" USING btree ("by_id");
  CREATE INDEX "actions_meeting_idx" ON "actions" USING btree ("meeting_id");
  CREATE INDEX "actions_group_idx" ON "actions" USING btree ("group_id");
  CREATE INDEX "actions_due_date_idx" ON "actions" USING btree ("due_date");
  CREATE INDEX "actions_status_idx" ON "actions" USING btree ("status");
  CREATE INDEX "actions_updated_at_idx" ON "actions" USING btree ("updated_at");
  CREATE INDEX "actions_created_at_idx" ON "actions" USING btree ("created_at");
  CREATE INDEX "actions_rels_order_idx" ON "actions_rels" USING btree ("order");
  CREATE INDEX "actions_rels_parent_idx" ON "actions_rels" USING btree ("parent_id");
  CREATE INDEX "actions_rels_path_idx" ON "actions_rels" USING btree ("path");
  CREATE INDEX "actions_rels_people_id_idx" ON "actions_rels" USING btree ("people_id");
  CREATE INDEX "actions_rels_organisations_id_idx" ON "actions_rels" USING btree ("organisations_id");
  CREATE INDEX "actions_rels_meetings_id_idx" ON "actions_rels" USING btree ("meetings_id");
  CREATE INDEX "recommendations_sub_points_order_idx" ON "recommendations_sub_points" USING btree ("_order");
  CREATE INDEX "recommendations_sub_points_parent_id_idx" ON "recommendations_sub_points" USING btree ("_parent_id");
  CREATE INDEX "recommendations_progress_notes_order_idx" ON "recommendations_progress_notes" USING btree ("_order");
  CREATE INDEX "recommendations_progress_notes_parent_id_idx" ON "recommendations_progress_notes" USING btree ("_parent_id");
  CREATE INDEX "recommendations_progress_notes_evidence_idx" ON "recommendations_progress_notes" USING btree ("evidence_id");
  CREATE INDEX "recommendations_review_idx" ON "recommendations" USING btree ("review");
  CREATE INDEX "recommendations_source_document_idx" ON "recommendations" USING btree ("source_document_id");
  CREATE INDEX "recommendations_number_idx" ON "recommendations" USING btree ("number");
  CREATE INDEX "recommendations_status_idx" ON "recommendations" USING btree ("status");
  CREATE INDEX "recommendations_audience_idx" ON "recommendations" USING btree ("audience");
  CREATE INDEX "recommendations_updated_at_idx" ON "recommendations" USING btree ("updated_at");
  CREATE INDEX "recommendations_created_at_idx" ON "recommendations" USING btree ("created_at");
  CREATE INDEX "recommendations_rels_order_idx" ON "recommendations_rels" USING btree ("order");
  CREATE INDEX "recommendations_rels_parent_idx" ON "recommendations_rels" USING btree ("parent_id");
  CREATE INDEX "recommendations_rels_path_idx" ON "recommendations_rels" USING btree ("path");
  CREATE INDEX "recommendations_rels_organisations_id_idx" ON "recommendations_rels" USING btree ("organisations_id");
  CREATE INDEX "recommendations_rels_actions_id_idx" ON "recommendations_rels" USING btree ("actions_id");
  ALTER TABLE "users" ADD CONSTRAINT "users_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_groups_fk" FOREIGN KEY ("groups_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_meetings_fk" FOREIGN KEY ("meetings_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_actions_fk" FOREIGN KEY ("actions_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_recommendations_fk" FOREIGN KEY ("recommendations_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_person_idx" ON "users" USING btree ("person_id");
  CREATE INDEX "payload_locked_documents_rels_groups_id_idx" ON "payload_locked_documents_rels" USING btree ("groups_id");
  CREATE INDEX "payload_locked_documents_rels_meetings_id_idx" ON "payload_locked_documents_rels" USING btree ("meetings_id");
  CREATE INDEX "payload_locked_documents_rels_actions_id_idx" ON "payload_locked_documents_rels" USING btree ("actions_id");
  CREATE INDEX "payload_locked_documents_rels_recommendations_id_idx" ON "payload_locked_documents_rels" USING btree ("recommendations_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "groups_members" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "groups" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "groups_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "meetings_attendance" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "meetings_declarations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "meetings_agenda_items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "meetings" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "meetings_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "actions_updates" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "actions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "actions_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "recommendations_sub_points" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "recommendations_progress_notes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "recommendations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "recommendations_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "groups_members" CASCADE;
  DROP TABLE "groups" CASCADE;
  DROP TABLE "groups_rels" CASCADE;
  DROP TABLE "meetings_attendance" CASCADE;
  DROP TABLE "meetings_declarations" CASCADE;
  DROP TABLE "meetings_agenda_items" CASCADE;
  DROP TABLE "meetings" CASCADE;
  DROP TABLE "meetings_rels" CASCADE;
  DROP TABLE "actions_updates" CASCADE;
  DROP TABLE "actions" CASCADE;
  DROP TABLE "actions_rels" CASCADE;
  DROP TABLE "recommendations_sub_points" CASCADE;
  DROP TABLE "recommendations_progress_notes" CASCADE;
  DROP TABLE "recommendations" CASCADE;
  DROP TABLE "recommendations_rels" CASCADE;
  ALTER TABLE "users" DROP CONSTRAINT "users_person_id_people_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_groups_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_meetings_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_actions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_recommendations_fk";
  
  ALTER TABLE "users_roles" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_users_roles";
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'editor', 'clinical-reviewer', 'responder', 'professional');
  ALTER TABLE "users_roles" ALTER COLUMN "value" SET DATA TYPE "public"."enum_users_roles" USING "value"::"public"."enum_users_roles";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendEmail', 'watchQuestionDeadlines', 'eraseExpiredQuestions', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendEmail', 'watchQuestionDeadlines', 'eraseExpiredQuestions', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "users_person_idx";
  DROP INDEX "payload_locked_documents_rels_groups_id_idx";
  DROP INDEX "payload_locked_documents_rels_meetings_id_idx";
  DROP INDEX "payload_locked_documents_rels_actions_id_idx";
  DROP INDEX "payload_locked_documents_rels_recommendations_id_idx";
  ALTER TABLE "users" DROP COLUMN "person_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "groups_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "meetings_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "actions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "recommendations_id";
  DROP TYPE "public"."enum_groups_visibility";
  DROP TYPE "public"."enum_meetings_attendance_attendance";
  DROP TYPE "public"."enum_meetings_format";
  DROP TYPE "public"."enum_meetings_status";
  DROP TYPE "public"."enum_meetings_minutes_status";
  DROP TYPE "public"."enum_actions_status";
  DROP TYPE "public"."enum_recommendations_status";
  DROP TYPE "public"."enum_recommendations_audience";`)
}
