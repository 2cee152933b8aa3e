import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`care_areas\` ADD \`generate_slug\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`_care_areas_v\` ADD \`version_generate_slug\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`generate_slug\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_generate_slug\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`commissioning_tips\` ADD \`generate_slug\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`_commissioning_tips_v\` ADD \`version_generate_slug\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`updates\` ADD \`generate_slug\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`_updates_v\` ADD \`version_generate_slug\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`parliamentary_questions\` ADD \`generate_slug\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`_parliamentary_questions_v\` ADD \`version_generate_slug\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`newsletters\` ADD \`generate_slug\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`groups\` ADD \`generate_slug\` integer DEFAULT true;`)
  // Documents stored before the slug lock existed keep their addresses: their slugs are not made again from a title.
  await db.run(sql`UPDATE \`care_areas\` SET \`generate_slug\` = false;`)
  await db.run(sql`UPDATE \`_care_areas_v\` SET \`version_generate_slug\` = false;`)
  await db.run(sql`UPDATE \`pages\` SET \`generate_slug\` = false;`)
  await db.run(sql`UPDATE \`_pages_v\` SET \`version_generate_slug\` = false;`)
  await db.run(sql`UPDATE \`commissioning_tips\` SET \`generate_slug\` = false;`)
  await db.run(sql`UPDATE \`_commissioning_tips_v\` SET \`version_generate_slug\` = false;`)
  await db.run(sql`UPDATE \`updates\` SET \`generate_slug\` = false;`)
  await db.run(sql`UPDATE \`_updates_v\` SET \`version_generate_slug\` = false;`)
  await db.run(sql`UPDATE \`parliamentary_questions\` SET \`generate_slug\` = false;`)
  await db.run(sql`UPDATE \`_parliamentary_questions_v\` SET \`version_generate_slug\` = false;`)
  await db.run(sql`UPDATE \`newsletters\` SET \`generate_slug\` = false;`)
  await db.run(sql`UPDATE \`groups\` SET \`generate_slug\` = false;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`care_areas\` DROP COLUMN \`generate_slug\`;`)
  await db.run(sql`ALTER TABLE \`_care_areas_v\` DROP COLUMN \`version_generate_slug\`;`)
  await db.run(sql`ALTER TABLE \`pages\` DROP COLUMN \`generate_slug\`;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` DROP COLUMN \`version_generate_slug\`;`)
  await db.run(sql`ALTER TABLE \`commissioning_tips\` DROP COLUMN \`generate_slug\`;`)
  await db.run(sql`ALTER TABLE \`_commissioning_tips_v\` DROP COLUMN \`version_generate_slug\`;`)
  await db.run(sql`ALTER TABLE \`updates\` DROP COLUMN \`generate_slug\`;`)
  await db.run(sql`ALTER TABLE \`_updates_v\` DROP COLUMN \`version_generate_slug\`;`)
  await db.run(sql`ALTER TABLE \`parliamentary_questions\` DROP COLUMN \`generate_slug\`;`)
  await db.run(sql`ALTER TABLE \`_parliamentary_questions_v\` DROP COLUMN \`version_generate_slug\`;`)
  await db.run(sql`ALTER TABLE \`groups\` DROP COLUMN \`generate_slug\`;`)
  await db.run(sql`ALTER TABLE \`newsletters\` DROP COLUMN \`generate_slug\`;`)
}
