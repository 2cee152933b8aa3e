import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_feedback_site_page" AS ENUM('ten-top-tips');
  ALTER TABLE "feedback" ALTER COLUMN "page_id" DROP NOT NULL;
  ALTER TABLE "feedback" ADD COLUMN "site_page" "enum_feedback_site_page";
  CREATE INDEX "feedback_site_page_idx" ON "feedback" USING btree ("site_page");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "feedback_site_page_idx";
  DELETE FROM "feedback" WHERE "page_id" IS NULL;
  ALTER TABLE "feedback" ALTER COLUMN "page_id" SET NOT NULL;
  ALTER TABLE "feedback" DROP COLUMN "site_page";
  DROP TYPE "public"."enum_feedback_site_page";`)
}
