import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "questions" ADD COLUMN "due_day" varchar;
  ALTER TABLE "site_settings" ADD COLUMN "desk_reply_to" varchar;
  CREATE INDEX "questions_due_day_idx" ON "questions" USING btree ("due_day");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "questions_due_day_idx";
  ALTER TABLE "questions" DROP COLUMN "due_day";
  ALTER TABLE "site_settings" DROP COLUMN "desk_reply_to";`)
}
