import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`groups_members\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`person_id\` integer NOT NULL,
  	\`organisation_id\` integer,
  	\`role\` text,
  	FOREIGN KEY (\`person_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`groups_members_order_idx\` ON \`groups_members\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`groups_members_parent_id_idx\` ON \`groups_members\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`groups_members_person_idx\` ON \`groups_members\` (\`person_id\`);`)
  await db.run(sql`CREATE INDEX \`groups_members_organisation_idx\` ON \`groups_members\` (\`organisation_id\`);`)
  await db.run(sql`CREATE TABLE \`groups\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`purpose\` text,
  	\`parent_id\` integer,
  	\`visibility\` text DEFAULT 'public' NOT NULL,
  	\`quorum\` numeric,
  	\`terms_of_reference_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`terms_of_reference_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`groups_name_idx\` ON \`groups\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`groups_slug_idx\` ON \`groups\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`groups_parent_idx\` ON \`groups\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`groups_visibility_idx\` ON \`groups\` (\`visibility\`);`)
  await db.run(sql`CREATE INDEX \`groups_terms_of_reference_idx\` ON \`groups\` (\`terms_of_reference_id\`);`)
  await db.run(sql`CREATE INDEX \`groups_updated_at_idx\` ON \`groups\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`groups_created_at_idx\` ON \`groups\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`groups_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`people_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`people_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`groups_rels_order_idx\` ON \`groups_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`groups_rels_parent_idx\` ON \`groups_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`groups_rels_path_idx\` ON \`groups_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`groups_rels_people_id_idx\` ON \`groups_rels\` (\`people_id\`);`)
  await db.run(sql`CREATE INDEX \`groups_rels_users_id_idx\` ON \`groups_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`meetings_attendance\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`person_id\` integer NOT NULL,
  	\`attendance\` text DEFAULT 'present' NOT NULL,
  	\`organisation_id\` integer,
  	FOREIGN KEY (\`person_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`meetings_attendance_order_idx\` ON \`meetings_attendance\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`meetings_attendance_parent_id_idx\` ON \`meetings_attendance\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_attendance_person_idx\` ON \`meetings_attendance\` (\`person_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_attendance_organisation_idx\` ON \`meetings_attendance\` (\`organisation_id\`);`)
  await db.run(sql`CREATE TABLE \`meetings_declarations\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`person_id\` integer NOT NULL,
  	\`interest\` text NOT NULL,
  	\`agenda_item\` numeric,
  	FOREIGN KEY (\`person_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`meetings_declarations_order_idx\` ON \`meetings_declarations\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`meetings_declarations_parent_id_idx\` ON \`meetings_declarations\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_declarations_person_idx\` ON \`meetings_declarations\` (\`person_id\`);`)
  await db.run(sql`CREATE TABLE \`meetings_agenda_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`number\` numeric,
  	\`title\` text NOT NULL,
  	\`minute\` text,
  	\`decision\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`meetings_agenda_items_order_idx\` ON \`meetings_agenda_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`meetings_agenda_items_parent_id_idx\` ON \`meetings_agenda_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`meetings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`group_id\` integer NOT NULL,
  	\`starts_at\` text NOT NULL,
  	\`ends_at\` text,
  	\`day\` text,
  	\`all_day\` integer DEFAULT false,
  	\`provisional\` integer DEFAULT false,
  	\`date_note\` text,
  	\`format\` text DEFAULT 'in-person' NOT NULL,
  	\`venue\` text,
  	\`status\` text DEFAULT 'scheduled' NOT NULL,
  	\`minutes_status\` text DEFAULT 'draft' NOT NULL,
  	\`confirms_minutes_of_id\` integer,
  	\`minutes_approval_approved_at\` text,
  	\`minutes_approval_approved_by_id\` integer,
  	\`minutes_approval_confirmed_by_id\` integer,
  	\`next_meeting_date\` text,
  	\`next_meeting_note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`group_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`confirms_minutes_of_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`minutes_approval_approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`minutes_approval_confirmed_by_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`meetings_group_idx\` ON \`meetings\` (\`group_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_starts_at_idx\` ON \`meetings\` (\`starts_at\`);`)
  await db.run(sql`CREATE INDEX \`meetings_day_idx\` ON \`meetings\` (\`day\`);`)
  await db.run(sql`CREATE INDEX \`meetings_status_idx\` ON \`meetings\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`meetings_minutes_status_idx\` ON \`meetings\` (\`minutes_status\`);`)
  await db.run(sql`CREATE INDEX \`meetings_confirms_minutes_of_idx\` ON \`meetings\` (\`confirms_minutes_of_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_minutes_approval_minutes_approval_approved_by_idx\` ON \`meetings\` (\`minutes_approval_approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_minutes_approval_minutes_approval_confirmed_by_idx\` ON \`meetings\` (\`minutes_approval_confirmed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_updated_at_idx\` ON \`meetings\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`meetings_created_at_idx\` ON \`meetings\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`meetings_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`documents_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`documents_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`meetings_rels_order_idx\` ON \`meetings_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`meetings_rels_parent_idx\` ON \`meetings_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_rels_path_idx\` ON \`meetings_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`meetings_rels_documents_id_idx\` ON \`meetings_rels\` (\`documents_id\`);`)
  await db.run(sql`CREATE TABLE \`actions_updates\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`note\` text NOT NULL,
  	\`at\` text,
  	\`by_id\` integer,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`actions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`actions_updates_order_idx\` ON \`actions_updates\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`actions_updates_parent_id_idx\` ON \`actions_updates\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`actions_updates_by_idx\` ON \`actions_updates\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`actions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`meeting_id\` integer NOT NULL,
  	\`agenda_item\` numeric,
  	\`group_id\` integer,
  	\`due_date\` text,
  	\`status\` text DEFAULT 'open' NOT NULL,
  	\`reminder_due_date\` text,
  	\`reminder_sent_at\` text,
  	\`reminder_to\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`meeting_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`group_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`actions_meeting_idx\` ON \`actions\` (\`meeting_id\`);`)
  await db.run(sql`CREATE INDEX \`actions_group_idx\` ON \`actions\` (\`group_id\`);`)
  await db.run(sql`CREATE INDEX \`actions_due_date_idx\` ON \`actions\` (\`due_date\`);`)
  await db.run(sql`CREATE INDEX \`actions_status_idx\` ON \`actions\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`actions_updated_at_idx\` ON \`actions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`actions_created_at_idx\` ON \`actions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`actions_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`people_id\` integer,
  	\`organisations_id\` integer,
  	\`meetings_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`actions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`people_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`meetings_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`actions_rels_order_idx\` ON \`actions_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`actions_rels_parent_idx\` ON \`actions_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`actions_rels_path_idx\` ON \`actions_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`actions_rels_people_id_idx\` ON \`actions_rels\` (\`people_id\`);`)
  await db.run(sql`CREATE INDEX \`actions_rels_organisations_id_idx\` ON \`actions_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`actions_rels_meetings_id_idx\` ON \`actions_rels\` (\`meetings_id\`);`)
  await db.run(sql`CREATE TABLE \`recommendations_sub_points\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`recommendations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`recommendations_sub_points_order_idx\` ON \`recommendations_sub_points\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`recommendations_sub_points_parent_id_idx\` ON \`recommendations_sub_points\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`recommendations_progress_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`evidence_id\` integer,
  	\`note\` text NOT NULL,
  	FOREIGN KEY (\`evidence_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`recommendations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`recommendations_progress_notes_order_idx\` ON \`recommendations_progress_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`recommendations_progress_notes_parent_id_idx\` ON \`recommendations_progress_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`recommendations_progress_notes_evidence_idx\` ON \`recommendations_progress_notes\` (\`evidence_id\`);`)
  await db.run(sql`CREATE TABLE \`recommendations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`review\` text NOT NULL,
  	\`source_document_id\` integer,
  	\`number\` numeric NOT NULL,
  	\`title\` text NOT NULL,
  	\`detail\` text,
  	\`status\` text DEFAULT 'not-started' NOT NULL,
  	\`audience\` text DEFAULT 'public' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`source_document_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`recommendations_review_idx\` ON \`recommendations\` (\`review\`);`)
  await db.run(sql`CREATE INDEX \`recommendations_source_document_idx\` ON \`recommendations\` (\`source_document_id\`);`)
  await db.run(sql`CREATE INDEX \`recommendations_number_idx\` ON \`recommendations\` (\`number\`);`)
  await db.run(sql`CREATE INDEX \`recommendations_status_idx\` ON \`recommendations\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`recommendations_audience_idx\` ON \`recommendations\` (\`audience\`);`)
  await db.run(sql`CREATE INDEX \`recommendations_updated_at_idx\` ON \`recommendations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`recommendations_created_at_idx\` ON \`recommendations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`recommendations_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`organisations_id\` integer,
  	\`actions_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`recommendations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`actions_id\`) REFERENCES \`actions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`recommendations_rels_order_idx\` ON \`recommendations_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`recommendations_rels_parent_idx\` ON \`recommendations_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`recommendations_rels_path_idx\` ON \`recommendations_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`recommendations_rels_organisations_id_idx\` ON \`recommendations_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`recommendations_rels_actions_id_idx\` ON \`recommendations_rels\` (\`actions_id\`);`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`person_id\` integer REFERENCES people(id);`)
  await db.run(sql`CREATE INDEX \`users_person_idx\` ON \`users\` (\`person_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`groups_id\` integer REFERENCES groups(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`meetings_id\` integer REFERENCES meetings(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`actions_id\` integer REFERENCES actions(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`recommendations_id\` integer REFERENCES recommendations(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_groups_id_idx\` ON \`payload_locked_documents_rels\` (\`groups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_meetings_id_idx\` ON \`payload_locked_documents_rels\` (\`meetings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_actions_id_idx\` ON \`payload_locked_documents_rels\` (\`actions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_recommendations_id_idx\` ON \`payload_locked_documents_rels\` (\`recommendations_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`groups_members\`;`)
  await db.run(sql`DROP TABLE \`groups\`;`)
  await db.run(sql`DROP TABLE \`groups_rels\`;`)
  await db.run(sql`DROP TABLE \`meetings_attendance\`;`)
  await db.run(sql`DROP TABLE \`meetings_declarations\`;`)
  await db.run(sql`DROP TABLE \`meetings_agenda_items\`;`)
  await db.run(sql`DROP TABLE \`meetings\`;`)
  await db.run(sql`DROP TABLE \`meetings_rels\`;`)
  await db.run(sql`DROP TABLE \`actions_updates\`;`)
  await db.run(sql`DROP TABLE \`actions\`;`)
  await db.run(sql`DROP TABLE \`actions_rels\`;`)
  await db.run(sql`DROP TABLE \`recommendations_sub_points\`;`)
  await db.run(sql`DROP TABLE \`recommendations_progress_notes\`;`)
  await db.run(sql`DROP TABLE \`recommendations\`;`)
  await db.run(sql`DROP TABLE \`recommendations_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`must_change_password\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_users\`("id", "name", "must_change_password", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at", "login_attempts", "lock_until") SELECT "id", "name", "must_change_password", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at", "login_attempts", "lock_until" FROM \`users\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`ALTER TABLE \`__new_users\` RENAME TO \`users\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`care_areas_id\` integer,
  	\`pages_id\` integer,
  	\`commissioning_tips_id\` integer,
  	\`updates_id\` integer,
  	\`parliamentary_questions_id\` integer,
  	\`documents_id\` integer,
  	\`media_id\` integer,
  	\`people_id\` integer,
  	\`organisations_id\` integer,
  	\`questions_id\` integer,
  	\`feedback_id\` integer,
  	\`sign_offs_id\` integer,
  	\`search_changes_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`care_areas_id\`) REFERENCES \`care_areas\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`commissioning_tips_id\`) REFERENCES \`commissioning_tips\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`updates_id\`) REFERENCES \`updates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`parliamentary_questions_id\`) REFERENCES \`parliamentary_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`documents_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`people_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`questions_id\`) REFERENCES \`questions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`feedback_id\`) REFERENCES \`feedback\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sign_offs_id\`) REFERENCES \`sign_offs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_changes_id\`) REFERENCES \`search_changes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "care_areas_id", "pages_id", "commissioning_tips_id", "updates_id", "parliamentary_questions_id", "documents_id", "media_id", "people_id", "organisations_id", "questions_id", "feedback_id", "sign_offs_id", "search_changes_id", "users_id") SELECT "id", "order", "parent_id", "path", "care_areas_id", "pages_id", "commissioning_tips_id", "updates_id", "parliamentary_questions_id", "documents_id", "media_id", "people_id", "organisations_id", "questions_id", "feedback_id", "sign_offs_id", "search_changes_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_care_areas_id_idx\` ON \`payload_locked_documents_rels\` (\`care_areas_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_commissioning_tips_id_idx\` ON \`payload_locked_documents_rels\` (\`commissioning_tips_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_updates_id_idx\` ON \`payload_locked_documents_rels\` (\`updates_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parliamentary_questions_id_idx\` ON \`payload_locked_documents_rels\` (\`parliamentary_questions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_documents_id_idx\` ON \`payload_locked_documents_rels\` (\`documents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_people_id_idx\` ON \`payload_locked_documents_rels\` (\`people_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_organisations_id_idx\` ON \`payload_locked_documents_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_questions_id_idx\` ON \`payload_locked_documents_rels\` (\`questions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_feedback_id_idx\` ON \`payload_locked_documents_rels\` (\`feedback_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sign_offs_id_idx\` ON \`payload_locked_documents_rels\` (\`sign_offs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_search_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`search_changes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
}
