import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_link_checks_outcome" AS ENUM('ok', 'broken', 'redirected', 'retired');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'checkLinks' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'checkLinks' BEFORE 'schedulePublish';
  CREATE TABLE "link_checks_redirects" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"status" numeric NOT NULL,
  	"url" varchar NOT NULL
  );
  
  CREATE TABLE "link_checks_used_by" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"collection" varchar NOT NULL,
  	"doc_id" varchar NOT NULL,
  	"title" varchar,
  	"key" varchar NOT NULL
  );
  
  CREATE TABLE "link_checks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"url" varchar NOT NULL,
  	"outcome" "enum_link_checks_outcome" NOT NULL,
  	"status_code" numeric,
  	"error" varchar,
  	"retired_service" varchar,
  	"final_url" varchar,
  	"host" varchar,
  	"last_checked_at" timestamp(3) with time zone,
  	"last_checked_day" varchar,
  	"problem_since" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "retired_services_services" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"replacement" varchar NOT NULL
  );
  
  CREATE TABLE "retired_services" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "retired_services_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "link_checks_id" integer;
  ALTER TABLE "link_checks_redirects" ADD CONSTRAINT "link_checks_redirects_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."link_checks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "link_checks_used_by" ADD CONSTRAINT "link_checks_used_by_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."link_checks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "retired_services_services" ADD CONSTRAINT "retired_services_services_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."retired_services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "retired_services_texts" ADD CONSTRAINT "retired_services_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."retired_services"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "link_checks_redirects_order_idx" ON "link_checks_redirects" USING btree ("_order");
  CREATE INDEX "link_checks_redirects_parent_id_idx" ON "link_checks_redirects" USING btree ("_parent_id");
  CREATE INDEX "link_checks_used_by_order_idx" ON "link_checks_used_by" USING btree ("_order");
  CREATE INDEX "link_checks_used_by_parent_id_idx" ON "link_checks_used_by" USING btree ("_parent_id");
  CREATE INDEX "link_checks_used_by_key_idx" ON "link_checks_used_by" USING btree ("key");
  CREATE UNIQUE INDEX "link_checks_url_idx" ON "link_checks" USING btree ("url");
  CREATE INDEX "link_checks_outcome_idx" ON "link_checks" USING btree ("outcome");
  CREATE INDEX "link_checks_host_idx" ON "link_checks" USING btree ("host");
  CREATE INDEX "link_checks_last_checked_day_idx" ON "link_checks" USING btree ("last_checked_day");
  CREATE INDEX "link_checks_updated_at_idx" ON "link_checks" USING btree ("updated_at");
  CREATE INDEX "link_checks_created_at_idx" ON "link_checks" USING btree ("created_at");
  CREATE INDEX "retired_services_services_order_idx" ON "retired_services_services" USING btree ("_order");
  CREATE INDEX "retired_services_services_parent_id_idx" ON "retired_services_services" USING btree ("_parent_id");
  CREATE INDEX "retired_services_texts_order_parent" ON "retired_services_texts" USING btree ("order","parent_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_link_checks_fk" FOREIGN KEY ("link_checks_id") REFERENCES "public"."link_checks"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_link_checks_id_idx" ON "payload_locked_documents_rels" USING btree ("link_checks_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "link_checks_redirects" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "link_checks_used_by" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "link_checks" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "retired_services_services" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "retired_services" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "retired_services_texts" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "link_checks_redirects" CASCADE;
  DROP TABLE "link_checks_used_by" CASCADE;
  DROP TABLE "link_checks" CASCADE;
  DROP TABLE "retired_services_services" CASCADE;
  DROP TABLE "retired_services" CASCADE;
  DROP TABLE "retired_services_texts" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_link_checks_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendEmail', 'watchQuestionDeadlines', 'eraseExpiredQuestions', 'remindOverdueActions', 'sendNewsletters', 'newsletterOptInFromQuestion', 'eraseUnconfirmedSubscribers', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendEmail', 'watchQuestionDeadlines', 'eraseExpiredQuestions', 'remindOverdueActions', 'sendNewsletters', 'newsletterOptInFromQuestion', 'eraseUnconfirmedSubscribers', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_link_checks_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "link_checks_id";
  DROP TYPE "public"."enum_link_checks_outcome";`)
}
