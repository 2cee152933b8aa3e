import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "pages" ADD COLUMN "review_awaiting_clinical_review" boolean DEFAULT false;
  ALTER TABLE "pages" ADD COLUMN "review_origin" varchar;
  ALTER TABLE "pages" ADD COLUMN "review_origin_year" numeric;
  ALTER TABLE "_pages_v" ADD COLUMN "version_review_awaiting_clinical_review" boolean DEFAULT false;
  ALTER TABLE "_pages_v" ADD COLUMN "version_review_origin" varchar;
  ALTER TABLE "_pages_v" ADD COLUMN "version_review_origin_year" numeric;
  ALTER TABLE "documents" ADD COLUMN "publisher" varchar;
  ALTER TABLE "documents" ADD COLUMN "publication_year" numeric;
  ALTER TABLE "_documents_v" ADD COLUMN "version_publisher" varchar;
  ALTER TABLE "_documents_v" ADD COLUMN "version_publication_year" numeric;
  CREATE INDEX "documents_publication_year_idx" ON "documents" USING btree ("publication_year");
  CREATE INDEX "_documents_v_version_version_publication_year_idx" ON "_documents_v" USING btree ("version_publication_year");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "documents_publication_year_idx";
  DROP INDEX "_documents_v_version_version_publication_year_idx";
  ALTER TABLE "pages" DROP COLUMN "review_awaiting_clinical_review";
  ALTER TABLE "pages" DROP COLUMN "review_origin";
  ALTER TABLE "pages" DROP COLUMN "review_origin_year";
  ALTER TABLE "_pages_v" DROP COLUMN "version_review_awaiting_clinical_review";
  ALTER TABLE "_pages_v" DROP COLUMN "version_review_origin";
  ALTER TABLE "_pages_v" DROP COLUMN "version_review_origin_year";
  ALTER TABLE "documents" DROP COLUMN "publisher";
  ALTER TABLE "documents" DROP COLUMN "publication_year";
  ALTER TABLE "_documents_v" DROP COLUMN "version_publisher";
  ALTER TABLE "_documents_v" DROP COLUMN "version_publication_year";`)
}
