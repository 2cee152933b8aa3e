import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_sign_offs_decision" AS ENUM('signed-off', 'returned');
  ALTER TYPE "public"."enum_pages_sign_off_status" ADD VALUE 'returned' BEFORE 'signed-off';
  ALTER TYPE "public"."enum__pages_v_version_sign_off_status" ADD VALUE 'returned' BEFORE 'signed-off';
  ALTER TABLE "pages" ADD COLUMN "sign_off_request_note" varchar;
  ALTER TABLE "pages" ADD COLUMN "sign_off_reviewer_id" integer;
  ALTER TABLE "pages" ADD COLUMN "sign_off_return_reason" varchar;
  ALTER TABLE "pages" ADD COLUMN "sign_off_returned_by_id" integer;
  ALTER TABLE "pages" ADD COLUMN "sign_off_returned_at" timestamp(3) with time zone;
  ALTER TABLE "_pages_v" ADD COLUMN "version_sign_off_request_note" varchar;
  ALTER TABLE "_pages_v" ADD COLUMN "version_sign_off_reviewer_id" integer;
  ALTER TABLE "_pages_v" ADD COLUMN "version_sign_off_return_reason" varchar;
  ALTER TABLE "_pages_v" ADD COLUMN "version_sign_off_returned_by_id" integer;
  ALTER TABLE "_pages_v" ADD COLUMN "version_sign_off_returned_at" timestamp(3) with time zone;
  ALTER TABLE "sign_offs" ADD COLUMN "decision" "enum_sign_offs_decision" DEFAULT 'signed-off' NOT NULL;
  ALTER TABLE "sign_offs" ADD COLUMN "request_note" varchar;
  ALTER TABLE "sign_offs" ADD COLUMN "reason" varchar;
  ALTER TABLE "sign_offs" ADD COLUMN "reviewed_version" varchar;
  ALTER TABLE "sign_offs" ADD COLUMN "compared_with" varchar;
  ALTER TABLE "pages" ADD CONSTRAINT "pages_sign_off_reviewer_id_users_id_fk" FOREIGN KEY ("sign_off_reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pages" ADD CONSTRAINT "pages_sign_off_returned_by_id_users_id_fk" FOREIGN KEY ("sign_off_returned_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_version_sign_off_reviewer_id_users_id_fk" FOREIGN KEY ("version_sign_off_reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_version_sign_off_returned_by_id_users_id_fk" FOREIGN KEY ("version_sign_off_returned_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "pages_sign_off_sign_off_reviewer_idx" ON "pages" USING btree ("sign_off_reviewer_id");
  CREATE INDEX "pages_sign_off_sign_off_returned_by_idx" ON "pages" USING btree ("sign_off_returned_by_id");
  CREATE INDEX "_pages_v_version_sign_off_version_sign_off_reviewer_idx" ON "_pages_v" USING btree ("version_sign_off_reviewer_id");
  CREATE INDEX "_pages_v_version_sign_off_version_sign_off_returned_by_idx" ON "_pages_v" USING btree ("version_sign_off_returned_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "pages" DROP CONSTRAINT "pages_sign_off_reviewer_id_users_id_fk";
  
  ALTER TABLE "pages" DROP CONSTRAINT "pages_sign_off_returned_by_id_users_id_fk";
  
  ALTER TABLE "_pages_v" DROP CONSTRAINT "_pages_v_version_sign_off_reviewer_id_users_id_fk";
  
  ALTER TABLE "_pages_v" DROP CONSTRAINT "_pages_v_version_sign_off_returned_by_id_users_id_fk";
  
  ALTER TABLE "pages" ALTER COLUMN "sign_off_status" SET DATA TYPE text;
  ALTER TABLE "pages" ALTER COLUMN "sign_off_status" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum_pages_sign_off_status";
  CREATE TYPE "public"."enum_pages_sign_off_status" AS ENUM('draft', 'awaiting-sign-off', 'signed-off');
  ALTER TABLE "pages" ALTER COLUMN "sign_off_status" SET DEFAULT 'draft'::"public"."enum_pages_sign_off_status";
  ALTER TABLE "pages" ALTER COLUMN "sign_off_status" SET DATA TYPE "public"."enum_pages_sign_off_status" USING "sign_off_status"::"public"."enum_pages_sign_off_status";
  ALTER TABLE "_pages_v" ALTER COLUMN "version_sign_off_status" SET DATA TYPE text;
  ALTER TABLE "_pages_v" ALTER COLUMN "version_sign_off_status" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum__pages_v_version_sign_off_status";
  CREATE TYPE "public"."enum__pages_v_version_sign_off_status" AS ENUM('draft', 'awaiting-sign-off', 'signed-off');
  ALTER TABLE "_pages_v" ALTER COLUMN "version_sign_off_status" SET DEFAULT 'draft'::"public"."enum__pages_v_version_sign_off_status";
  ALTER TABLE "_pages_v" ALTER COLUMN "version_sign_off_status" SET DATA TYPE "public"."enum__pages_v_version_sign_off_status" USING "version_sign_off_status"::"public"."enum__pages_v_version_sign_off_status";
  DROP INDEX "pages_sign_off_sign_off_reviewer_idx";
  DROP INDEX "pages_sign_off_sign_off_returned_by_idx";
  DROP INDEX "_pages_v_version_sign_off_version_sign_off_reviewer_idx";
  DROP INDEX "_pages_v_version_sign_off_version_sign_off_returned_by_idx";
  ALTER TABLE "pages" DROP COLUMN "sign_off_request_note";
  ALTER TABLE "pages" DROP COLUMN "sign_off_reviewer_id";
  ALTER TABLE "pages" DROP COLUMN "sign_off_return_reason";
  ALTER TABLE "pages" DROP COLUMN "sign_off_returned_by_id";
  ALTER TABLE "pages" DROP COLUMN "sign_off_returned_at";
  ALTER TABLE "_pages_v" DROP COLUMN "version_sign_off_request_note";
  ALTER TABLE "_pages_v" DROP COLUMN "version_sign_off_reviewer_id";
  ALTER TABLE "_pages_v" DROP COLUMN "version_sign_off_return_reason";
  ALTER TABLE "_pages_v" DROP COLUMN "version_sign_off_returned_by_id";
  ALTER TABLE "_pages_v" DROP COLUMN "version_sign_off_returned_at";
  ALTER TABLE "sign_offs" DROP COLUMN "decision";
  ALTER TABLE "sign_offs" DROP COLUMN "request_note";
  ALTER TABLE "sign_offs" DROP COLUMN "reason";
  ALTER TABLE "sign_offs" DROP COLUMN "reviewed_version";
  ALTER TABLE "sign_offs" DROP COLUMN "compared_with";
  DROP TYPE "public"."enum_sign_offs_decision";`)
}
