import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "care_areas" ADD COLUMN "generate_slug" boolean DEFAULT true;
  ALTER TABLE "_care_areas_v" ADD COLUMN "version_generate_slug" boolean DEFAULT true;
  ALTER TABLE "pages" ADD COLUMN "generate_slug" boolean DEFAULT true;
  ALTER TABLE "_pages_v" ADD COLUMN "version_generate_slug" boolean DEFAULT true;
  ALTER TABLE "commissioning_tips" ADD COLUMN "generate_slug" boolean DEFAULT true;
  ALTER TABLE "_commissioning_tips_v" ADD COLUMN "version_generate_slug" boolean DEFAULT true;
  ALTER TABLE "updates" ADD COLUMN "generate_slug" boolean DEFAULT true;
  ALTER TABLE "_updates_v" ADD COLUMN "version_generate_slug" boolean DEFAULT true;
  ALTER TABLE "parliamentary_questions" ADD COLUMN "generate_slug" boolean DEFAULT true;
  ALTER TABLE "_parliamentary_questions_v" ADD COLUMN "version_generate_slug" boolean DEFAULT true;
  ALTER TABLE "newsletters" ADD COLUMN "generate_slug" boolean DEFAULT true;
  ALTER TABLE "groups" ADD COLUMN "generate_slug" boolean DEFAULT true;
  -- Documents stored before the slug lock existed keep their addresses: their slugs are not made again from a title.
  UPDATE "care_areas" SET "generate_slug" = false;
  UPDATE "_care_areas_v" SET "version_generate_slug" = false;
  UPDATE "pages" SET "generate_slug" = false;
  UPDATE "_pages_v" SET "version_generate_slug" = false;
  UPDATE "commissioning_tips" SET "generate_slug" = false;
  UPDATE "_commissioning_tips_v" SET "version_generate_slug" = false;
  UPDATE "updates" SET "generate_slug" = false;
  UPDATE "_updates_v" SET "version_generate_slug" = false;
  UPDATE "parliamentary_questions" SET "generate_slug" = false;
  UPDATE "_parliamentary_questions_v" SET "version_generate_slug" = false;
  UPDATE "newsletters" SET "generate_slug" = false;
  UPDATE "groups" SET "generate_slug" = false;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "care_areas" DROP COLUMN "generate_slug";
  ALTER TABLE "_care_areas_v" DROP COLUMN "version_generate_slug";
  ALTER TABLE "pages" DROP COLUMN "generate_slug";
  ALTER TABLE "_pages_v" DROP COLUMN "version_generate_slug";
  ALTER TABLE "commissioning_tips" DROP COLUMN "generate_slug";
  ALTER TABLE "_commissioning_tips_v" DROP COLUMN "version_generate_slug";
  ALTER TABLE "updates" DROP COLUMN "generate_slug";
  ALTER TABLE "_updates_v" DROP COLUMN "version_generate_slug";
  ALTER TABLE "parliamentary_questions" DROP COLUMN "generate_slug";
  ALTER TABLE "_parliamentary_questions_v" DROP COLUMN "version_generate_slug";
  ALTER TABLE "groups" DROP COLUMN "generate_slug";
  ALTER TABLE "newsletters" DROP COLUMN "generate_slug";`)
}
