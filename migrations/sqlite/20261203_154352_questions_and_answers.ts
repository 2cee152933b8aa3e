import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`answers_review_evidence_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`url\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`answers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`answers_review_evidence_sources_order_idx\` ON \`answers_review_evidence_sources\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`answers_review_evidence_sources_parent_id_idx\` ON \`answers_review_evidence_sources\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`answers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`question\` text,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`answer\` text,
  	\`care_area_id\` integer,
  	\`gives_clinical_information\` integer DEFAULT false,
  	\`review_awaiting_clinical_review\` integer DEFAULT false,
  	\`review_origin\` text,
  	\`review_origin_year\` numeric,
  	\`review_last_reviewed\` text,
  	\`review_next_review_due\` text,
  	\`review_content_owner_id\` integer,
  	\`review_clinical_approver_id\` integer,
  	\`clinical_sign_off_signed_off_by_id\` integer,
  	\`clinical_sign_off_signed_off_at\` text,
  	\`proposal_proposed_by_id\` integer,
  	\`proposal_proposed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`care_area_id\`) REFERENCES \`care_areas\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`review_content_owner_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`review_clinical_approver_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`clinical_sign_off_signed_off_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`proposal_proposed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`answers_slug_idx\` ON \`answers\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`answers_care_area_idx\` ON \`answers\` (\`care_area_id\`);`)
  await db.run(sql`CREATE INDEX \`answers_gives_clinical_information_idx\` ON \`answers\` (\`gives_clinical_information\`);`)
  await db.run(sql`CREATE INDEX \`answers_review_review_next_review_due_idx\` ON \`answers\` (\`review_next_review_due\`);`)
  await db.run(sql`CREATE INDEX \`answers_review_review_content_owner_idx\` ON \`answers\` (\`review_content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`answers_review_review_clinical_approver_idx\` ON \`answers\` (\`review_clinical_approver_id\`);`)
  await db.run(sql`CREATE INDEX \`answers_clinical_sign_off_clinical_sign_off_signed_off_b_idx\` ON \`answers\` (\`clinical_sign_off_signed_off_by_id\`);`)
  await db.run(sql`CREATE INDEX \`answers_proposal_proposal_proposed_by_idx\` ON \`answers\` (\`proposal_proposed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`answers_updated_at_idx\` ON \`answers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`answers_created_at_idx\` ON \`answers\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`answers__status_idx\` ON \`answers\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_answers_v_version_review_evidence_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`url\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_answers_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_answers_v_version_review_evidence_sources_order_idx\` ON \`_answers_v_version_review_evidence_sources\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_answers_v_version_review_evidence_sources_parent_id_idx\` ON \`_answers_v_version_review_evidence_sources\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_answers_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_question\` text,
  	\`version_generate_slug\` integer DEFAULT true,
  	\`version_slug\` text,
  	\`version_answer\` text,
  	\`version_care_area_id\` integer,
  	\`version_gives_clinical_information\` integer DEFAULT false,
  	\`version_review_awaiting_clinical_review\` integer DEFAULT false,
  	\`version_review_origin\` text,
  	\`version_review_origin_year\` numeric,
  	\`version_review_last_reviewed\` text,
  	\`version_review_next_review_due\` text,
  	\`version_review_content_owner_id\` integer,
  	\`version_review_clinical_approver_id\` integer,
  	\`version_clinical_sign_off_signed_off_by_id\` integer,
  	\`version_clinical_sign_off_signed_off_at\` text,
  	\`version_proposal_proposed_by_id\` integer,
  	\`version_proposal_proposed_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`answers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_care_area_id\`) REFERENCES \`care_areas\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_review_content_owner_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_review_clinical_approver_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_clinical_sign_off_signed_off_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_proposal_proposed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_answers_v_parent_idx\` ON \`_answers_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_answers_v_version_version_slug_idx\` ON \`_answers_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_answers_v_version_version_care_area_idx\` ON \`_answers_v\` (\`version_care_area_id\`);`)
  await db.run(sql`CREATE INDEX \`_answers_v_version_version_gives_clinical_information_idx\` ON \`_answers_v\` (\`version_gives_clinical_information\`);`)
  await db.run(sql`CREATE INDEX \`_answers_v_version_review_version_review_next_review_due_idx\` ON \`_answers_v\` (\`version_review_next_review_due\`);`)
  await db.run(sql`CREATE INDEX \`_answers_v_version_review_version_review_content_owner_idx\` ON \`_answers_v\` (\`version_review_content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`_answers_v_version_review_version_review_clinical_approv_idx\` ON \`_answers_v\` (\`version_review_clinical_approver_id\`);`)
  await db.run(sql`CREATE INDEX \`_answers_v_version_clinical_sign_off_version_clinical_si_idx\` ON \`_answers_v\` (\`version_clinical_sign_off_signed_off_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_answers_v_version_proposal_version_proposal_proposed_by_idx\` ON \`_answers_v\` (\`version_proposal_proposed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_answers_v_version_version_updated_at_idx\` ON \`_answers_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_answers_v_version_version_created_at_idx\` ON \`_answers_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_answers_v_version_version__status_idx\` ON \`_answers_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_answers_v_created_at_idx\` ON \`_answers_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_answers_v_updated_at_idx\` ON \`_answers_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_answers_v_latest_idx\` ON \`_answers_v\` (\`latest\`);`)
  await db.run(sql`ALTER TABLE \`feedback\` ADD \`answer_id\` integer REFERENCES answers(id);`)
  await db.run(sql`CREATE INDEX \`feedback_answer_idx\` ON \`feedback\` (\`answer_id\`);`)
  await db.run(sql`ALTER TABLE \`questions\` ADD \`publication_consent\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`questions\` ADD \`answered_from_id\` integer REFERENCES answers(id);`)
  await db.run(sql`ALTER TABLE \`questions\` ADD \`published_as_id\` integer REFERENCES answers(id);`)
  await db.run(sql`CREATE INDEX \`questions_answered_from_idx\` ON \`questions\` (\`answered_from_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_published_as_idx\` ON \`questions\` (\`published_as_id\`);`)
  await db.run(sql`ALTER TABLE \`redirects_rels\` ADD \`answers_id\` integer REFERENCES answers(id);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_answers_id_idx\` ON \`redirects_rels\` (\`answers_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`answers_id\` integer REFERENCES answers(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_answers_id_idx\` ON \`payload_locked_documents_rels\` (\`answers_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`answers_review_evidence_sources\`;`)
  await db.run(sql`DROP TABLE \`answers\`;`)
  await db.run(sql`DROP TABLE \`_answers_v_version_review_evidence_sources\`;`)
  await db.run(sql`DROP TABLE \`_answers_v\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_feedback\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`page_id\` integer,
  	\`site_page\` text,
  	\`useful\` integer DEFAULT false NOT NULL,
  	\`comment\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`page_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_feedback\`("id", "page_id", "site_page", "useful", "comment", "updated_at", "created_at") SELECT "id", "page_id", "site_page", "useful", "comment", "updated_at", "created_at" FROM \`feedback\`;`)
  await db.run(sql`DROP TABLE \`feedback\`;`)
  await db.run(sql`ALTER TABLE \`__new_feedback\` RENAME TO \`feedback\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`feedback_page_idx\` ON \`feedback\` (\`page_id\`);`)
  await db.run(sql`CREATE INDEX \`feedback_site_page_idx\` ON \`feedback\` (\`site_page\`);`)
  await db.run(sql`CREATE INDEX \`feedback_useful_idx\` ON \`feedback\` (\`useful\`);`)
  await db.run(sql`CREATE INDEX \`feedback_updated_at_idx\` ON \`feedback\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`feedback_created_at_idx\` ON \`feedback\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_questions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`reference\` text,
  	\`name\` text NOT NULL,
  	\`email\` text NOT NULL,
  	\`job_title\` text,
  	\`organisation\` text,
  	\`telephone\` text,
  	\`question\` text NOT NULL,
  	\`source_path\` text,
  	\`care_area_id\` integer,
  	\`newsletter_opt_in\` integer DEFAULT false,
  	\`status\` text DEFAULT 'new' NOT NULL,
  	\`assignee_id\` integer,
  	\`received_at\` text,
  	\`due_day\` text,
  	\`due_at\` text,
  	\`first_response_at\` text,
  	\`answered_at\` text,
  	\`closed_at\` text,
  	\`internal_notes\` text,
  	\`answer\` text,
  	\`answer_email_message_id\` text,
  	\`answer_email_queued_at\` text,
  	\`erased_at\` text,
  	\`reminder_sent_at\` text,
  	\`breach_alert_sent_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`care_area_id\`) REFERENCES \`care_areas\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assignee_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_questions\`("id", "reference", "name", "email", "job_title", "organisation", "telephone", "question", "source_path", "care_area_id", "newsletter_opt_in", "status", "assignee_id", "received_at", "due_day", "due_at", "first_response_at", "answered_at", "closed_at", "internal_notes", "answer", "answer_email_message_id", "answer_email_queued_at", "erased_at", "reminder_sent_at", "breach_alert_sent_at", "updated_at", "created_at") SELECT "id", "reference", "name", "email", "job_title", "organisation", "telephone", "question", "source_path", "care_area_id", "newsletter_opt_in", "status", "assignee_id", "received_at", "due_day", "due_at", "first_response_at", "answered_at", "closed_at", "internal_notes", "answer", "answer_email_message_id", "answer_email_queued_at", "erased_at", "reminder_sent_at", "breach_alert_sent_at", "updated_at", "created_at" FROM \`questions\`;`)
  await db.run(sql`DROP TABLE \`questions\`;`)
  await db.run(sql`ALTER TABLE \`__new_questions\` RENAME TO \`questions\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`questions_reference_idx\` ON \`questions\` (\`reference\`);`)
  await db.run(sql`CREATE INDEX \`questions_care_area_idx\` ON \`questions\` (\`care_area_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_status_idx\` ON \`questions\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`questions_assignee_idx\` ON \`questions\` (\`assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_received_at_idx\` ON \`questions\` (\`received_at\`);`)
  await db.run(sql`CREATE INDEX \`questions_due_day_idx\` ON \`questions\` (\`due_day\`);`)
  await db.run(sql`CREATE INDEX \`questions_due_at_idx\` ON \`questions\` (\`due_at\`);`)
  await db.run(sql`CREATE INDEX \`questions_updated_at_idx\` ON \`questions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`questions_created_at_idx\` ON \`questions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_redirects_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`pages_id\` integer,
  	\`care_areas_id\` integer,
  	\`updates_id\` integer,
  	\`parliamentary_questions_id\` integer,
  	\`documents_id\` integer,
  	\`policies_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`redirects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`care_areas_id\`) REFERENCES \`care_areas\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`updates_id\`) REFERENCES \`updates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`parliamentary_questions_id\`) REFERENCES \`parliamentary_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`documents_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`policies_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_redirects_rels\`("id", "order", "parent_id", "path", "pages_id", "care_areas_id", "updates_id", "parliamentary_questions_id", "documents_id", "policies_id") SELECT "id", "order", "parent_id", "path", "pages_id", "care_areas_id", "updates_id", "parliamentary_questions_id", "documents_id", "policies_id" FROM \`redirects_rels\`;`)
  await db.run(sql`DROP TABLE \`redirects_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_redirects_rels\` RENAME TO \`redirects_rels\`;`)
  await db.run(sql`CREATE INDEX \`redirects_rels_order_idx\` ON \`redirects_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_parent_idx\` ON \`redirects_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_path_idx\` ON \`redirects_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_pages_id_idx\` ON \`redirects_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_care_areas_id_idx\` ON \`redirects_rels\` (\`care_areas_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_updates_id_idx\` ON \`redirects_rels\` (\`updates_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_parliamentary_questions_id_idx\` ON \`redirects_rels\` (\`parliamentary_questions_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_documents_id_idx\` ON \`redirects_rels\` (\`documents_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_policies_id_idx\` ON \`redirects_rels\` (\`policies_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`care_areas_id\` integer,
  	\`pages_id\` integer,
  	\`commissioning_tips_id\` integer,
  	\`sign_offs_id\` integer,
  	\`updates_id\` integer,
  	\`parliamentary_questions_id\` integer,
  	\`documents_id\` integer,
  	\`media_id\` integer,
  	\`people_id\` integer,
  	\`organisations_id\` integer,
  	\`feedback_id\` integer,
  	\`policies_id\` integer,
  	\`questions_id\` integer,
  	\`groups_id\` integer,
  	\`meetings_id\` integer,
  	\`actions_id\` integer,
  	\`recommendations_id\` integer,
  	\`newsletters_id\` integer,
  	\`subscribers_id\` integer,
  	\`newsletter_deliveries_id\` integer,
  	\`redirects_id\` integer,
  	\`not_found_id\` integer,
  	\`link_checks_id\` integer,
  	\`search_changes_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`care_areas_id\`) REFERENCES \`care_areas\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`commissioning_tips_id\`) REFERENCES \`commissioning_tips\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sign_offs_id\`) REFERENCES \`sign_offs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`updates_id\`) REFERENCES \`updates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`parliamentary_questions_id\`) REFERENCES \`parliamentary_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`documents_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`people_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`feedback_id\`) REFERENCES \`feedback\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`policies_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`questions_id\`) REFERENCES \`questions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`groups_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`meetings_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`actions_id\`) REFERENCES \`actions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`recommendations_id\`) REFERENCES \`recommendations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`newsletters_id\`) REFERENCES \`newsletters\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`subscribers_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`newsletter_deliveries_id\`) REFERENCES \`newsletter_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`redirects_id\`) REFERENCES \`redirects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`not_found_id\`) REFERENCES \`not_found\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`link_checks_id\`) REFERENCES \`link_checks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_changes_id\`) REFERENCES \`search_changes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "care_areas_id", "pages_id", "commissioning_tips_id", "sign_offs_id", "updates_id", "parliamentary_questions_id", "documents_id", "media_id", "people_id", "organisations_id", "feedback_id", "policies_id", "questions_id", "groups_id", "meetings_id", "actions_id", "recommendations_id", "newsletters_id", "subscribers_id", "newsletter_deliveries_id", "redirects_id", "not_found_id", "link_checks_id", "search_changes_id") SELECT "id", "order", "parent_id", "path", "users_id", "care_areas_id", "pages_id", "commissioning_tips_id", "sign_offs_id", "updates_id", "parliamentary_questions_id", "documents_id", "media_id", "people_id", "organisations_id", "feedback_id", "policies_id", "questions_id", "groups_id", "meetings_id", "actions_id", "recommendations_id", "newsletters_id", "subscribers_id", "newsletter_deliveries_id", "redirects_id", "not_found_id", "link_checks_id", "search_changes_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_care_areas_id_idx\` ON \`payload_locked_documents_rels\` (\`care_areas_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_commissioning_tips_id_idx\` ON \`payload_locked_documents_rels\` (\`commissioning_tips_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sign_offs_id_idx\` ON \`payload_locked_documents_rels\` (\`sign_offs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_updates_id_idx\` ON \`payload_locked_documents_rels\` (\`updates_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parliamentary_questions_id_idx\` ON \`payload_locked_documents_rels\` (\`parliamentary_questions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_documents_id_idx\` ON \`payload_locked_documents_rels\` (\`documents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_people_id_idx\` ON \`payload_locked_documents_rels\` (\`people_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_organisations_id_idx\` ON \`payload_locked_documents_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_feedback_id_idx\` ON \`payload_locked_documents_rels\` (\`feedback_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_policies_id_idx\` ON \`payload_locked_documents_rels\` (\`policies_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_questions_id_idx\` ON \`payload_locked_documents_rels\` (\`questions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_groups_id_idx\` ON \`payload_locked_documents_rels\` (\`groups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_meetings_id_idx\` ON \`payload_locked_documents_rels\` (\`meetings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_actions_id_idx\` ON \`payload_locked_documents_rels\` (\`actions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_recommendations_id_idx\` ON \`payload_locked_documents_rels\` (\`recommendations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsletters_id_idx\` ON \`payload_locked_documents_rels\` (\`newsletters_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscribers_id_idx\` ON \`payload_locked_documents_rels\` (\`subscribers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsletter_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`newsletter_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_redirects_id_idx\` ON \`payload_locked_documents_rels\` (\`redirects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_not_found_id_idx\` ON \`payload_locked_documents_rels\` (\`not_found_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_link_checks_id_idx\` ON \`payload_locked_documents_rels\` (\`link_checks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_search_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`search_changes_id\`);`)
}
