import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`questions\` ADD \`due_day\` text;`)
  await db.run(sql`CREATE INDEX \`questions_due_day_idx\` ON \`questions\` (\`due_day\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`desk_reply_to\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`questions_due_day_idx\`;`)
  await db.run(sql`ALTER TABLE \`questions\` DROP COLUMN \`due_day\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`desk_reply_to\`;`)
}
