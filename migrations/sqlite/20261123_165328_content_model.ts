import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`care_areas\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`step\` numeric,
  	\`title\` text,
  	\`slug\` text,
  	\`summary\` text,
  	\`image_id\` integer,
  	\`body\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`care_areas_step_idx\` ON \`care_areas\` (\`step\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`care_areas_slug_idx\` ON \`care_areas\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`care_areas_image_idx\` ON \`care_areas\` (\`image_id\`);`)
  await db.run(sql`CREATE INDEX \`care_areas_updated_at_idx\` ON \`care_areas\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`care_areas_created_at_idx\` ON \`care_areas\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`care_areas__status_idx\` ON \`care_areas\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_care_areas_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_step\` numeric,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_summary\` text,
  	\`version_image_id\` integer,
  	\`version_body\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`care_areas\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_care_areas_v_parent_idx\` ON \`_care_areas_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_care_areas_v_version_version_step_idx\` ON \`_care_areas_v\` (\`version_step\`);`)
  await db.run(sql`CREATE INDEX \`_care_areas_v_version_version_slug_idx\` ON \`_care_areas_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_care_areas_v_version_version_image_idx\` ON \`_care_areas_v\` (\`version_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_care_areas_v_version_version_updated_at_idx\` ON \`_care_areas_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_care_areas_v_version_version_created_at_idx\` ON \`_care_areas_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_care_areas_v_version_version__status_idx\` ON \`_care_areas_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_care_areas_v_created_at_idx\` ON \`_care_areas_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_care_areas_v_updated_at_idx\` ON \`_care_areas_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_care_areas_v_latest_idx\` ON \`_care_areas_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`pages_review_evidence_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`url\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`pages_review_evidence_sources_order_idx\` ON \`pages_review_evidence_sources\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`pages_review_evidence_sources_parent_id_idx\` ON \`pages_review_evidence_sources\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`pages\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`care_area_id\` integer,
  	\`parent_id\` integer,
  	\`order\` numeric DEFAULT 10,
  	\`audience\` text DEFAULT 'public',
  	\`summary\` text,
  	\`body\` text,
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
  await db.run(sql`CREATE TABLE \`pages_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`documents_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`documents_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`pages_rels_order_idx\` ON \`pages_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`pages_rels_parent_idx\` ON \`pages_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_rels_path_idx\` ON \`pages_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`pages_rels_documents_id_idx\` ON \`pages_rels\` (\`documents_id\`);`)
  await db.run(sql`CREATE TABLE \`_pages_v_version_review_evidence_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`url\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_pages_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_pages_v_version_review_evidence_sources_order_idx\` ON \`_pages_v_version_review_evidence_sources\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_review_evidence_sources_parent_id_idx\` ON \`_pages_v_version_review_evidence_sources\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_pages_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_care_area_id\` integer,
  	\`version_parent_id\` integer,
  	\`version_order\` numeric DEFAULT 10,
  	\`version_audience\` text DEFAULT 'public',
  	\`version_summary\` text,
  	\`version_body\` text,
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
  await db.run(sql`CREATE TABLE \`_pages_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`documents_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_pages_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`documents_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_pages_v_rels_order_idx\` ON \`_pages_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_rels_parent_idx\` ON \`_pages_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_rels_path_idx\` ON \`_pages_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_rels_documents_id_idx\` ON \`_pages_v_rels\` (\`documents_id\`);`)
  await db.run(sql`CREATE TABLE \`commissioning_tips\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`rank\` numeric,
  	\`title\` text,
  	\`slug\` text,
  	\`body\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`commissioning_tips_rank_idx\` ON \`commissioning_tips\` (\`rank\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`commissioning_tips_slug_idx\` ON \`commissioning_tips\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`commissioning_tips_updated_at_idx\` ON \`commissioning_tips\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`commissioning_tips_created_at_idx\` ON \`commissioning_tips\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`commissioning_tips__status_idx\` ON \`commissioning_tips\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_commissioning_tips_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_rank\` numeric,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_body\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`commissioning_tips\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_commissioning_tips_v_parent_idx\` ON \`_commissioning_tips_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_commissioning_tips_v_version_version_rank_idx\` ON \`_commissioning_tips_v\` (\`version_rank\`);`)
  await db.run(sql`CREATE INDEX \`_commissioning_tips_v_version_version_slug_idx\` ON \`_commissioning_tips_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_commissioning_tips_v_version_version_updated_at_idx\` ON \`_commissioning_tips_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_commissioning_tips_v_version_version_created_at_idx\` ON \`_commissioning_tips_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_commissioning_tips_v_version_version__status_idx\` ON \`_commissioning_tips_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_commissioning_tips_v_created_at_idx\` ON \`_commissioning_tips_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_commissioning_tips_v_updated_at_idx\` ON \`_commissioning_tips_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_commissioning_tips_v_latest_idx\` ON \`_commissioning_tips_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`updates_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`documents_id\` integer,
  	\`people_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`updates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`documents_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`people_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`updates_rels_order_idx\` ON \`updates_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`updates_rels_parent_idx\` ON \`updates_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`updates_rels_path_idx\` ON \`updates_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`updates_rels_documents_id_idx\` ON \`updates_rels\` (\`documents_id\`);`)
  await db.run(sql`CREATE INDEX \`updates_rels_people_id_idx\` ON \`updates_rels\` (\`people_id\`);`)
  await db.run(sql`CREATE TABLE \`_updates_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`documents_id\` integer,
  	\`people_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_updates_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`documents_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`people_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_updates_v_rels_order_idx\` ON \`_updates_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_rels_parent_idx\` ON \`_updates_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_rels_path_idx\` ON \`_updates_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_rels_documents_id_idx\` ON \`_updates_v_rels\` (\`documents_id\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_rels_people_id_idx\` ON \`_updates_v_rels\` (\`people_id\`);`)
  await db.run(sql`CREATE TABLE \`parliamentary_questions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`heading\` text,
  	\`slug\` text,
  	\`uin\` text,
  	\`house\` text,
  	\`date_asked\` text,
  	\`date_answered\` text,
  	\`asking_member\` text,
  	\`answering_body\` text,
  	\`answering_member\` text,
  	\`question\` text,
  	\`answer\` text,
  	\`source_url\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`parliamentary_questions_slug_idx\` ON \`parliamentary_questions\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`parliamentary_questions_uin_idx\` ON \`parliamentary_questions\` (\`uin\`);`)
  await db.run(sql`CREATE INDEX \`parliamentary_questions_date_asked_idx\` ON \`parliamentary_questions\` (\`date_asked\`);`)
  await db.run(sql`CREATE INDEX \`parliamentary_questions_updated_at_idx\` ON \`parliamentary_questions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`parliamentary_questions_created_at_idx\` ON \`parliamentary_questions\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`parliamentary_questions__status_idx\` ON \`parliamentary_questions\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`parliamentary_questions_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`parliamentary_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`parliamentary_questions_texts_order_parent\` ON \`parliamentary_questions_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_parliamentary_questions_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_heading\` text,
  	\`version_slug\` text,
  	\`version_uin\` text,
  	\`version_house\` text,
  	\`version_date_asked\` text,
  	\`version_date_answered\` text,
  	\`version_asking_member\` text,
  	\`version_answering_body\` text,
  	\`version_answering_member\` text,
  	\`version_question\` text,
  	\`version_answer\` text,
  	\`version_source_url\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`parliamentary_questions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_parliamentary_questions_v_parent_idx\` ON \`_parliamentary_questions_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_parliamentary_questions_v_version_version_slug_idx\` ON \`_parliamentary_questions_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_parliamentary_questions_v_version_version_uin_idx\` ON \`_parliamentary_questions_v\` (\`version_uin\`);`)
  await db.run(sql`CREATE INDEX \`_parliamentary_questions_v_version_version_date_asked_idx\` ON \`_parliamentary_questions_v\` (\`version_date_asked\`);`)
  await db.run(sql`CREATE INDEX \`_parliamentary_questions_v_version_version_updated_at_idx\` ON \`_parliamentary_questions_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_parliamentary_questions_v_version_version_created_at_idx\` ON \`_parliamentary_questions_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_parliamentary_questions_v_version_version__status_idx\` ON \`_parliamentary_questions_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_parliamentary_questions_v_created_at_idx\` ON \`_parliamentary_questions_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_parliamentary_questions_v_updated_at_idx\` ON \`_parliamentary_questions_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_parliamentary_questions_v_latest_idx\` ON \`_parliamentary_questions_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_parliamentary_questions_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_parliamentary_questions_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_parliamentary_questions_v_texts_order_parent\` ON \`_parliamentary_questions_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`summary\` text,
  	\`publication_date\` text,
  	\`audience\` text DEFAULT 'public',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric
  );
  `)
  await db.run(sql`CREATE INDEX \`documents_publication_date_idx\` ON \`documents\` (\`publication_date\`);`)
  await db.run(sql`CREATE INDEX \`documents_audience_idx\` ON \`documents\` (\`audience\`);`)
  await db.run(sql`CREATE INDEX \`documents_updated_at_idx\` ON \`documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`documents_created_at_idx\` ON \`documents\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`documents__status_idx\` ON \`documents\` (\`_status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`documents_filename_idx\` ON \`documents\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`_documents_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_summary\` text,
  	\`version_publication_date\` text,
  	\`version_audience\` text DEFAULT 'public',
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`version_url\` text,
  	\`version_thumbnail_u_r_l\` text,
  	\`version_filename\` text,
  	\`version_mime_type\` text,
  	\`version_filesize\` numeric,
  	\`version_width\` numeric,
  	\`version_height\` numeric,
  	\`version_focal_x\` numeric,
  	\`version_focal_y\` numeric,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_documents_v_parent_idx\` ON \`_documents_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version_publication_date_idx\` ON \`_documents_v\` (\`version_publication_date\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version_audience_idx\` ON \`_documents_v\` (\`version_audience\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version_updated_at_idx\` ON \`_documents_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version_created_at_idx\` ON \`_documents_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version__status_idx\` ON \`_documents_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version_filename_idx\` ON \`_documents_v\` (\`version_filename\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_created_at_idx\` ON \`_documents_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_updated_at_idx\` ON \`_documents_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_latest_idx\` ON \`_documents_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`alt\` text NOT NULL,
  	\`caption\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_wide_url\` text,
  	\`sizes_wide_width\` numeric,
  	\`sizes_wide_height\` numeric,
  	\`sizes_wide_mime_type\` text,
  	\`sizes_wide_filesize\` numeric,
  	\`sizes_wide_filename\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`media\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_sizes_card_filename_idx\` ON \`media\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_wide_sizes_wide_filename_idx\` ON \`media\` (\`sizes_wide_filename\`);`)
  await db.run(sql`CREATE TABLE \`people\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`job_title\` text,
  	\`organisation_id\` integer,
  	\`email\` text,
  	\`telephone\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`people_organisation_idx\` ON \`people\` (\`organisation_id\`);`)
  await db.run(sql`CREATE INDEX \`people_updated_at_idx\` ON \`people\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`people_created_at_idx\` ON \`people\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`organisations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`short_name\` text,
  	\`website\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`organisations_name_idx\` ON \`organisations\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`organisations_updated_at_idx\` ON \`organisations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`organisations_created_at_idx\` ON \`organisations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`feedback\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`page_id\` integer NOT NULL,
  	\`useful\` integer DEFAULT false NOT NULL,
  	\`comment\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`page_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`feedback_page_idx\` ON \`feedback\` (\`page_id\`);`)
  await db.run(sql`CREATE INDEX \`feedback_useful_idx\` ON \`feedback\` (\`useful\`);`)
  await db.run(sql`CREATE INDEX \`feedback_updated_at_idx\` ON \`feedback\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`feedback_created_at_idx\` ON \`feedback\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`sign_offs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`page_id\` integer NOT NULL,
  	\`page_title\` text NOT NULL,
  	\`version\` text,
  	\`reviewer_id\` integer,
  	\`signed_off_at\` text NOT NULL,
  	\`note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`page_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reviewer_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`sign_offs_page_idx\` ON \`sign_offs\` (\`page_id\`);`)
  await db.run(sql`CREATE INDEX \`sign_offs_reviewer_idx\` ON \`sign_offs\` (\`reviewer_id\`);`)
  await db.run(sql`CREATE INDEX \`sign_offs_updated_at_idx\` ON \`sign_offs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`sign_offs_created_at_idx\` ON \`sign_offs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`navigation_header\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text NOT NULL,
  	\`href\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`navigation\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`navigation_header_order_idx\` ON \`navigation_header\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`navigation_header_parent_id_idx\` ON \`navigation_header\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`navigation_footer\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text NOT NULL,
  	\`href\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`navigation\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`navigation_footer_order_idx\` ON \`navigation_footer\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`navigation_footer_parent_id_idx\` ON \`navigation_footer\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`navigation\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`updates\` ADD \`from\` text;`)
  await db.run(sql`ALTER TABLE \`updates\` ADD \`from_organisation_id\` integer REFERENCES organisations(id);`)
  await db.run(sql`ALTER TABLE \`updates\` ADD \`is_consultation\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`updates\` ADD \`consultation_feedback_deadline\` text;`)
  await db.run(sql`ALTER TABLE \`updates\` ADD \`consultation_feedback_to_id\` integer REFERENCES people(id);`)
  await db.run(sql`ALTER TABLE \`updates\` ADD \`consultation_feedback_instructions\` text;`)
  await db.run(sql`ALTER TABLE \`updates\` ADD \`consultation_feedback_url\` text;`)
  await db.run(sql`CREATE INDEX \`updates_from_organisation_idx\` ON \`updates\` (\`from_organisation_id\`);`)
  await db.run(sql`CREATE INDEX \`updates_is_consultation_idx\` ON \`updates\` (\`is_consultation\`);`)
  await db.run(sql`CREATE INDEX \`updates_consultation_consultation_feedback_deadline_idx\` ON \`updates\` (\`consultation_feedback_deadline\`);`)
  await db.run(sql`CREATE INDEX \`updates_consultation_consultation_feedback_to_idx\` ON \`updates\` (\`consultation_feedback_to_id\`);`)
  await db.run(sql`ALTER TABLE \`_updates_v\` ADD \`version_from\` text;`)
  await db.run(sql`ALTER TABLE \`_updates_v\` ADD \`version_from_organisation_id\` integer REFERENCES organisations(id);`)
  await db.run(sql`ALTER TABLE \`_updates_v\` ADD \`version_is_consultation\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_updates_v\` ADD \`version_consultation_feedback_deadline\` text;`)
  await db.run(sql`ALTER TABLE \`_updates_v\` ADD \`version_consultation_feedback_to_id\` integer REFERENCES people(id);`)
  await db.run(sql`ALTER TABLE \`_updates_v\` ADD \`version_consultation_feedback_instructions\` text;`)
  await db.run(sql`ALTER TABLE \`_updates_v\` ADD \`version_consultation_feedback_url\` text;`)
  await db.run(sql`CREATE INDEX \`_updates_v_version_version_from_organisation_idx\` ON \`_updates_v\` (\`version_from_organisation_id\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_version_version_is_consultation_idx\` ON \`_updates_v\` (\`version_is_consultation\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_version_consultation_version_consultation_fee_idx\` ON \`_updates_v\` (\`version_consultation_feedback_deadline\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_version_consultation_version_consultation_f_1_idx\` ON \`_updates_v\` (\`version_consultation_feedback_to_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`care_areas_id\` integer REFERENCES care_areas(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`pages_id\` integer REFERENCES pages(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`commissioning_tips_id\` integer REFERENCES commissioning_tips(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`parliamentary_questions_id\` integer REFERENCES parliamentary_questions(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`documents_id\` integer REFERENCES documents(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`media_id\` integer REFERENCES media(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`people_id\` integer REFERENCES people(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`organisations_id\` integer REFERENCES organisations(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`feedback_id\` integer REFERENCES feedback(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`sign_offs_id\` integer REFERENCES sign_offs(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_care_areas_id_idx\` ON \`payload_locked_documents_rels\` (\`care_areas_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_commissioning_tips_id_idx\` ON \`payload_locked_documents_rels\` (\`commissioning_tips_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parliamentary_questions_id_idx\` ON \`payload_locked_documents_rels\` (\`parliamentary_questions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_documents_id_idx\` ON \`payload_locked_documents_rels\` (\`documents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_people_id_idx\` ON \`payload_locked_documents_rels\` (\`people_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_organisations_id_idx\` ON \`payload_locked_documents_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_feedback_id_idx\` ON \`payload_locked_documents_rels\` (\`feedback_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sign_offs_id_idx\` ON \`payload_locked_documents_rels\` (\`sign_offs_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`care_areas\`;`)
  await db.run(sql`DROP TABLE \`_care_areas_v\`;`)
  await db.run(sql`DROP TABLE \`pages_review_evidence_sources\`;`)
  await db.run(sql`DROP TABLE \`pages\`;`)
  await db.run(sql`DROP TABLE \`pages_rels\`;`)
  await db.run(sql`DROP TABLE \`_pages_v_version_review_evidence_sources\`;`)
  await db.run(sql`DROP TABLE \`_pages_v\`;`)
  await db.run(sql`DROP TABLE \`_pages_v_rels\`;`)
  await db.run(sql`DROP TABLE \`commissioning_tips\`;`)
  await db.run(sql`DROP TABLE \`_commissioning_tips_v\`;`)
  await db.run(sql`DROP TABLE \`updates_rels\`;`)
  await db.run(sql`DROP TABLE \`_updates_v_rels\`;`)
  await db.run(sql`DROP TABLE \`parliamentary_questions\`;`)
  await db.run(sql`DROP TABLE \`parliamentary_questions_texts\`;`)
  await db.run(sql`DROP TABLE \`_parliamentary_questions_v\`;`)
  await db.run(sql`DROP TABLE \`_parliamentary_questions_v_texts\`;`)
  await db.run(sql`DROP TABLE \`documents\`;`)
  await db.run(sql`DROP TABLE \`_documents_v\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`people\`;`)
  await db.run(sql`DROP TABLE \`organisations\`;`)
  await db.run(sql`DROP TABLE \`feedback\`;`)
  await db.run(sql`DROP TABLE \`sign_offs\`;`)
  await db.run(sql`DROP TABLE \`navigation_header\`;`)
  await db.run(sql`DROP TABLE \`navigation_footer\`;`)
  await db.run(sql`DROP TABLE \`navigation\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_updates\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`date\` text,
  	\`summary\` text,
  	\`body\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`INSERT INTO \`__new_updates\`("id", "title", "slug", "date", "summary", "body", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "date", "summary", "body", "updated_at", "created_at", "_status" FROM \`updates\`;`)
  await db.run(sql`DROP TABLE \`updates\`;`)
  await db.run(sql`ALTER TABLE \`__new_updates\` RENAME TO \`updates\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`updates_slug_idx\` ON \`updates\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`updates_date_idx\` ON \`updates\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`updates_updated_at_idx\` ON \`updates\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`updates_created_at_idx\` ON \`updates\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`updates__status_idx\` ON \`updates\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__updates_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_date\` text,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`updates\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__updates_v\`("id", "parent_id", "version_title", "version_slug", "version_date", "version_summary", "version_body", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_slug", "version_date", "version_summary", "version_body", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_updates_v\`;`)
  await db.run(sql`DROP TABLE \`_updates_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__updates_v\` RENAME TO \`_updates_v\`;`)
  await db.run(sql`CREATE INDEX \`_updates_v_parent_idx\` ON \`_updates_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_version_version_slug_idx\` ON \`_updates_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_version_version_date_idx\` ON \`_updates_v\` (\`version_date\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_version_version_updated_at_idx\` ON \`_updates_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_version_version_created_at_idx\` ON \`_updates_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_version_version__status_idx\` ON \`_updates_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_created_at_idx\` ON \`_updates_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_updated_at_idx\` ON \`_updates_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_latest_idx\` ON \`_updates_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`updates_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`updates_id\`) REFERENCES \`updates\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "updates_id") SELECT "id", "order", "parent_id", "path", "users_id", "updates_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_updates_id_idx\` ON \`payload_locked_documents_rels\` (\`updates_id\`);`)
}
