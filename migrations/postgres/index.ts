import * as migration_20261123_153743_initial from './20261123_153743_initial';
import * as migration_20261123_165325_content_model from './20261123_165325_content_model';
import * as migration_20261123_172751_question_desk from './20261123_172751_question_desk';
import * as migration_20261123_174620_search_changes from './20261123_174620_search_changes';
import * as migration_20261123_183811_search_settings from './20261123_183811_search_settings';
import * as migration_20261123_193134_governance from './20261123_193134_governance';
import * as migration_20261123_202330_newsletter from './20261123_202330_newsletter';
import * as migration_20261202_093635_sign_in_lock_per_address from './20261202_093635_sign_in_lock_per_address';
import * as migration_20261202_115642_feedback_site_page from './20261202_115642_feedback_site_page';
import * as migration_20261202_123014_review_origin_and_library_references from './20261202_123014_review_origin_and_library_references';
import * as migration_20261202_123755_due_day_and_desk_reply_to from './20261202_123755_due_day_and_desk_reply_to';
import * as migration_20261203_064249_slug_lock from './20261203_064249_slug_lock';
import * as migration_20261203_085730_sign_off_workflow from './20261203_085730_sign_off_workflow';
import * as migration_20261203_120040_policy_pages from './20261203_120040_policy_pages';
import * as migration_20261203_130410_redirects from './20261203_130410_redirects';
import * as migration_20261203_151202_link_health from './20261203_151202_link_health';
import * as migration_20261203_154349_questions_and_answers from './20261203_154349_questions_and_answers';

export const migrations = [
  {
    up: migration_20261123_153743_initial.up,
    down: migration_20261123_153743_initial.down,
    name: '20261123_153743_initial',
  },
  {
    up: migration_20261123_165325_content_model.up,
    down: migration_20261123_165325_content_model.down,
    name: '20261123_165325_content_model',
  },
  {
    up: migration_20261123_172751_question_desk.up,
    down: migration_20261123_172751_question_desk.down,
    name: '20261123_172751_question_desk',
  },
  {
    up: migration_20261123_174620_search_changes.up,
    down: migration_20261123_174620_search_changes.down,
    name: '20261123_174620_search_changes',
  },
  {
    up: migration_20261123_183811_search_settings.up,
    down: migration_20261123_183811_search_settings.down,
    name: '20261123_183811_search_settings',
  },
  {
    up: migration_20261123_193134_governance.up,
    down: migration_20261123_193134_governance.down,
    name: '20261123_193134_governance',
  },
  {
    up: migration_20261123_202330_newsletter.up,
    down: migration_20261123_202330_newsletter.down,
    name: '20261123_202330_newsletter',
  },
  {
    up: migration_20261202_093635_sign_in_lock_per_address.up,
    down: migration_20261202_093635_sign_in_lock_per_address.down,
    name: '20261202_093635_sign_in_lock_per_address',
  },
  {
    up: migration_20261202_115642_feedback_site_page.up,
    down: migration_20261202_115642_feedback_site_page.down,
    name: '20261202_115642_feedback_site_page',
  },
  {
    up: migration_20261202_123014_review_origin_and_library_references.up,
    down: migration_20261202_123014_review_origin_and_library_references.down,
    name: '20261202_123014_review_origin_and_library_references',
  },
  {
    up: migration_20261202_123755_due_day_and_desk_reply_to.up,
    down: migration_20261202_123755_due_day_and_desk_reply_to.down,
    name: '20261202_123755_due_day_and_desk_reply_to',
  },
  {
    up: migration_20261203_064249_slug_lock.up,
    down: migration_20261203_064249_slug_lock.down,
    name: '20261203_064249_slug_lock',
  },
  {
    up: migration_20261203_085730_sign_off_workflow.up,
    down: migration_20261203_085730_sign_off_workflow.down,
    name: '20261203_085730_sign_off_workflow',
  },
  {
    up: migration_20261203_120040_policy_pages.up,
    down: migration_20261203_120040_policy_pages.down,
    name: '20261203_120040_policy_pages',
  },
  {
    up: migration_20261203_130410_redirects.up,
    down: migration_20261203_130410_redirects.down,
    name: '20261203_130410_redirects',
  },
  {
    up: migration_20261203_151202_link_health.up,
    down: migration_20261203_151202_link_health.down,
    name: '20261203_151202_link_health',
  },
  {
    up: migration_20261203_154349_questions_and_answers.up,
    down: migration_20261203_154349_questions_and_answers.down,
    name: '20261203_154349_questions_and_answers'
  },
];
