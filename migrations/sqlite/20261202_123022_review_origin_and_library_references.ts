import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`pages\` ADD \`review_awaiting_clinical_review\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`review_origin\` text;`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`review_origin_year\` numeric;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_review_awaiting_clinical_review\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_review_origin\` text;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_review_origin_year\` numeric;`)
  await db.run(sql`ALTER TABLE \`documents\` ADD \`publisher\` text;`)
  await db.run(sql`ALTER TABLE \`documents\` ADD \`publication_year\` numeric;`)
  await db.run(sql`CREATE INDEX \`documents_publication_year_idx\` ON \`documents\` (\`publication_year\`);`)
  await db.run(sql`ALTER TABLE \`_documents_v\` ADD \`version_publisher\` text;`)
  await db.run(sql`ALTER TABLE \`_documents_v\` ADD \`version_publication_year\` numeric;`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version_publication_year_idx\` ON \`_documents_v\` (\`version_publication_year\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`documents_publication_year_idx\`;`)
  await db.run(sql`ALTER TABLE \`documents\` DROP COLUMN \`publisher\`;`)
  await db.run(sql`ALTER TABLE \`documents\` DROP COLUMN \`publication_year\`;`)
  await db.run(sql`DROP INDEX \`_documents_v_version_version_publication_year_idx\`;`)
  await db.run(sql`ALTER TABLE \`_documents_v\` DROP COLUMN \`version_publisher\`;`)
  await db.run(sql`ALTER TABLE \`_documents_v\` DROP COLUMN \`version_publication_year\`;`)
  await db.run(sql`ALTER TABLE \`pages\` DROP COLUMN \`review_awaiting_clinical_review\`;`)
  await db.run(sql`ALTER TABLE \`pages\` DROP COLUMN \`review_origin\`;`)
  await db.run(sql`ALTER TABLE \`pages\` DROP COLUMN \`review_origin_year\`;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` DROP COLUMN \`version_review_awaiting_clinical_review\`;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` DROP COLUMN \`version_review_origin\`;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` DROP COLUMN \`version_review_origin_year\`;`)
}
