import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`pages\` ADD \`sign_off_request_note\` text;`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`sign_off_reviewer_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`sign_off_return_reason\` text;`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`sign_off_returned_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`sign_off_returned_at\` text;`)
  await db.run(sql`CREATE INDEX \`pages_sign_off_sign_off_reviewer_idx\` ON \`pages\` (\`sign_off_reviewer_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_sign_off_sign_off_returned_by_idx\` ON \`pages\` (\`sign_off_returned_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_sign_off_request_note\` text;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_sign_off_reviewer_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_sign_off_return_reason\` text;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_sign_off_returned_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_sign_off_returned_at\` text;`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_sign_off_version_sign_off_reviewer_idx\` ON \`_pages_v\` (\`version_sign_off_reviewer_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_sign_off_version_sign_off_returned_by_idx\` ON \`_pages_v\` (\`version_sign_off_returned_by_id\`);`)
  await db.run(sql`ALTER TABLE \`sign_offs\` ADD \`decision\` text DEFAULT 'signed-off' NOT NULL;`)
  await db.run(sql`ALTER TABLE \`sign_offs\` ADD \`request_note\` text;`)
  await db.run(sql`ALTER TABLE \`sign_offs\` ADD \`reason\` text;`)
  await db.run(sql`ALTER TABLE \`sign_offs\` ADD \`reviewed_version\` text;`)
  await db.run(sql`ALTER TABLE \`sign_offs\` ADD \`compared_with\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_pages\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`care_area_id\` integer,
  	\`parent_id\` integer,
  	\`order\` numeric DEFAULT 10,
  	\`audience\` text DEFAULT 'public',
  	\`summary\` text,
  	\`body\` text,
  	\`review_awaiting_clinical_review\` integer DEFAULT false,
  	\`review_origin\` text,
  	\`review_origin_year\` numeric,
  	\`review_last_reviewed\` text,
  	\`review_next_review_due\` text,
  	\`review_content_owner_id\` integer,
  	\`review_clinical_approver_id\` integer,
  	\`sign_off_status\` text DEFAULT 'draft',
  	\`sign_off_requested_by_id\` integer,
  	\`sign_off_requested_at\` text,
  	\`sign_off_signed_off_by_id\` integer,
  	\`sign_off_signed_off_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`care_area_id\`) REFERENCES \`care_areas\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`review_content_owner_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`review_clinical_approver_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`sign_off_requested_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`sign_off_signed_off_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_pages\`("id", "title", "generate_slug", "slug", "care_area_id", "parent_id", "order", "audience", "summary", "body", "review_awaiting_clinical_review", "review_origin", "review_origin_year", "review_last_reviewed", "review_next_review_due", "review_content_owner_id", "review_clinical_approver_id", "sign_off_status", "sign_off_requested_by_id", "sign_off_requested_at", "sign_off_signed_off_by_id", "sign_off_signed_off_at", "updated_at", "created_at", "_status") SELECT "id", "title", "generate_slug", "slug", "care_area_id", "parent_id", "order", "audience", "summary", "body", "review_awaiting_clinical_review", "review_origin", "review_origin_year", "review_last_reviewed", "review_next_review_due", "review_content_owner_id", "review_clinical_approver_id", "sign_off_status", "sign_off_requested_by_id", "sign_off_requested_at", "sign_off_signed_off_by_id", "sign_off_signed_off_at", "updated_at", "created_at", "_status" FROM \`pages\`;`)
  await db.run(sql`DROP TABLE \`pages\`;`)
  await db.run(sql`ALTER TABLE \`__new_pages\` RENAME TO \`pages\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`pages_slug_idx\` ON \`pages\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`pages_care_area_idx\` ON \`pages\` (\`care_area_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_parent_idx\` ON \`pages\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_audience_idx\` ON \`pages\` (\`audience\`);`)
  await db.run(sql`CREATE INDEX \`pages_review_review_next_review_due_idx\` ON \`pages\` (\`review_next_review_due\`);`)
  await db.run(sql`CREATE INDEX \`pages_review_review_content_owner_idx\` ON \`pages\` (\`review_content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_review_review_clinical_approver_idx\` ON \`pages\` (\`review_clinical_approver_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_sign_off_sign_off_requested_by_idx\` ON \`pages\` (\`sign_off_requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_sign_off_sign_off_signed_off_by_idx\` ON \`pages\` (\`sign_off_signed_off_by_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_updated_at_idx\` ON \`pages\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`pages_created_at_idx\` ON \`pages\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`pages__status_idx\` ON \`pages\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__pages_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_generate_slug\` integer DEFAULT true,
  	\`version_slug\` text,
  	\`version_care_area_id\` integer,
  	\`version_parent_id\` integer,
  	\`version_order\` numeric DEFAULT 10,
  	\`version_audience\` text DEFAULT 'public',
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_review_awaiting_clinical_review\` integer DEFAULT false,
  	\`version_review_origin\` text,
  	\`version_review_origin_year\` numeric,
  	\`version_review_last_reviewed\` text,
  	\`version_review_next_review_due\` text,
  	\`version_review_content_owner_id\` integer,
  	\`version_review_clinical_approver_id\` integer,
  	\`version_sign_off_status\` text DEFAULT 'draft',
  	\`version_sign_off_requested_by_id\` integer,
  	\`version_sign_off_requested_at\` text,
  	\`version_sign_off_signed_off_by_id\` integer,
  	\`version_sign_off_signed_off_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_care_area_id\`) REFERENCES \`care_areas\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_review_content_owner_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_review_clinical_approver_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_sign_off_requested_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_sign_off_signed_off_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__pages_v\`("id", "parent_id", "version_title", "version_generate_slug", "version_slug", "version_care_area_id", "version_parent_id", "version_order", "version_audience", "version_summary", "version_body", "version_review_awaiting_clinical_review", "version_review_origin", "version_review_origin_year", "version_review_last_reviewed", "version_review_next_review_due", "version_review_content_owner_id", "version_review_clinical_approver_id", "version_sign_off_status", "version_sign_off_requested_by_id", "version_sign_off_requested_at", "version_sign_off_signed_off_by_id", "version_sign_off_signed_off_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_generate_slug", "version_slug", "version_care_area_id", "version_parent_id", "version_order", "version_audience", "version_summary", "version_body", "version_review_awaiting_clinical_review", "version_review_origin", "version_review_origin_year", "version_review_last_reviewed", "version_review_next_review_due", "version_review_content_owner_id", "version_review_clinical_approver_id", "version_sign_off_status", "version_sign_off_requested_by_id", "version_sign_off_requested_at", "version_sign_off_signed_off_by_id", "version_sign_off_signed_off_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_pages_v\`;`)
  await db.run(sql`DROP TABLE \`_pages_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__pages_v\` RENAME TO \`_pages_v\`;`)
  await db.run(sql`CREATE INDEX \`_pages_v_parent_idx\` ON \`_pages_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_slug_idx\` ON \`_pages_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_care_area_idx\` ON \`_pages_v\` (\`version_care_area_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_parent_idx\` ON \`_pages_v\` (\`version_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_audience_idx\` ON \`_pages_v\` (\`version_audience\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_review_version_review_next_review_due_idx\` ON \`_pages_v\` (\`version_review_next_review_due\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_review_version_review_content_owner_idx\` ON \`_pages_v\` (\`version_review_content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_review_version_review_clinical_approver_idx\` ON \`_pages_v\` (\`version_review_clinical_approver_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_sign_off_version_sign_off_requested_by_idx\` ON \`_pages_v\` (\`version_sign_off_requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_sign_off_version_sign_off_signed_off_by_idx\` ON \`_pages_v\` (\`version_sign_off_signed_off_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_updated_at_idx\` ON \`_pages_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_created_at_idx\` ON \`_pages_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version__status_idx\` ON \`_pages_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_created_at_idx\` ON \`_pages_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_updated_at_idx\` ON \`_pages_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_latest_idx\` ON \`_pages_v\` (\`latest\`);`)
  await db.run(sql`ALTER TABLE \`sign_offs\` DROP COLUMN \`decision\`;`)
  await db.run(sql`ALTER TABLE \`sign_offs\` DROP COLUMN \`request_note\`;`)
  await db.run(sql`ALTER TABLE \`sign_offs\` DROP COLUMN \`reason\`;`)
  await db.run(sql`ALTER TABLE \`sign_offs\` DROP COLUMN \`reviewed_version\`;`)
  await db.run(sql`ALTER TABLE \`sign_offs\` DROP COLUMN \`compared_with\`;`)
}
