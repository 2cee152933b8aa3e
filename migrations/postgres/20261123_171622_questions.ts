import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_questions_status" AS ENUM('new', 'assigned', 'awaiting-requester', 'answered', 'closed');
  CREATE TABLE "questions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"reference" varchar,
  	"name" varchar NOT NULL,
  	"email" varchar NOT NULL,
  	"job_title" varchar,
  	"organisation" varchar,
  	"telephone" varchar,
  	"question" varchar NOT NULL,
  	"source_path" varchar,
  	"care_area_id" integer,
  	"newsletter_opt_in" boolean DEFAULT false,
  	"status" "enum_questions_status" DEFAULT 'new' NOT NULL,
  	"assignee_id" integer,
  	"received_at" timestamp(3) with time zone,
  	"internal_notes" varchar,
  	"answer" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "questions_id" integer;
  ALTER TABLE "questions" ADD CONSTRAINT "questions_care_area_id_care_areas_id_fk" FOREIGN KEY ("care_area_id") REFERENCES "public"."care_areas"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "questions" ADD CONSTRAINT "questions_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "questions_reference_idx" ON "questions" USING btree ("reference");
  CREATE INDEX "questions_care_area_idx" ON "questions" USING btree ("care_area_id");
  CREATE INDEX "questions_status_idx" ON "questions" USING btree ("status");
  CREATE INDEX "questions_assignee_idx" ON "questions" USING btree ("assignee_id");
  CREATE INDEX "questions_received_at_idx" ON "questions" USING btree ("received_at");
  CREATE INDEX "questions_updated_at_idx" ON "questions" USING btree ("updated_at");
  CREATE INDEX "questions_created_at_idx" ON "questions" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_questions_fk" FOREIGN KEY ("questions_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_questions_id_idx" ON "payload_locked_documents_rels" USING btree ("questions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "questions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "questions" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_questions_fk";
  
  DROP INDEX "payload_locked_documents_rels_questions_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "questions_id";
  DROP TYPE "public"."enum_questions_status";`)
}
