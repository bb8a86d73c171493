/* tov-migrations.c: the schema of a portfolio file, one step per version.
 *
 * A step is never changed once released: a new field is a new step. Every
 * column is named after the field it holds (see tov-record.h), and the
 * tests check that the two agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tov-migrations.h"

static const char *steps[] = {
  /* 1: the portfolio, its projects, decisions, money and partnerships. */
  "CREATE TABLE portfolio ("
  "  id TEXT PRIMARY KEY NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL,"
  "  name TEXT NOT NULL, municipality TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE theme ("
  "  id TEXT PRIMARY KEY NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL,"
  "  number INTEGER NOT NULL DEFAULT 0, title TEXT NOT NULL, description TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE project ("
  "  id TEXT PRIMARY KEY NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL,"
  "  theme_id TEXT REFERENCES theme (id) ON DELETE SET NULL,"
  "  number INTEGER NOT NULL DEFAULT 0, title TEXT NOT NULL, purpose TEXT NOT NULL DEFAULT '',"
  "  anchoring TEXT NOT NULL DEFAULT '', coordinator TEXT NOT NULL DEFAULT '',"
  "  state TEXT NOT NULL, start_date TEXT, end_date TEXT, case_number TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX project_theme ON project (theme_id);"
  "CREATE INDEX project_number ON project (number);"
  "CREATE TABLE funding_source ("
  "  id TEXT PRIMARY KEY NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL,"
  "  name TEXT NOT NULL, kind TEXT NOT NULL, description TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE decision ("
  "  id TEXT PRIMARY KEY NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL,"
  "  project_id TEXT NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
  "  number TEXT NOT NULL, text TEXT NOT NULL, state TEXT NOT NULL, decided_on TEXT);"
  "CREATE INDEX decision_project ON decision (project_id);"
  "CREATE TABLE budget_line ("
  "  id TEXT PRIMARY KEY NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL,"
  "  project_id TEXT NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
  "  decision_id TEXT REFERENCES decision (id) ON DELETE SET NULL,"
  "  funding_source_id TEXT NOT NULL REFERENCES funding_source (id) ON DELETE RESTRICT,"
  "  kind TEXT NOT NULL, amount_ore INTEGER NOT NULL DEFAULT 0, year INTEGER NOT NULL DEFAULT 0,"
  "  annual INTEGER NOT NULL DEFAULT 0, note TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX budget_line_project ON budget_line (project_id);"
  "CREATE INDEX budget_line_decision ON budget_line (decision_id);"
  "CREATE INDEX budget_line_totals ON budget_line (funding_source_id, kind, year, amount_ore);"
  /* A line's decision is one of its own project's decisions. */
  "CREATE TRIGGER budget_line_decision_insert BEFORE INSERT ON budget_line"
  "  WHEN EXISTS (SELECT 1 FROM decision WHERE id = NEW.decision_id AND project_id IS NOT NEW.project_id)"
  "  BEGIN SELECT RAISE (ABORT, 'tov: decision of another project'); END;"
  "CREATE TRIGGER budget_line_decision_update BEFORE UPDATE OF project_id, decision_id ON budget_line"
  "  WHEN EXISTS (SELECT 1 FROM decision WHERE id = NEW.decision_id AND project_id IS NOT NEW.project_id)"
  "  BEGIN SELECT RAISE (ABORT, 'tov: decision of another project'); END;"
  "CREATE TABLE organisation ("
  "  id TEXT PRIMARY KEY NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL,"
  "  name TEXT NOT NULL, kind TEXT NOT NULL, contact_person TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE partnership ("
  "  id TEXT PRIMARY KEY NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL,"
  "  organisation_id TEXT NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,"
  "  unit TEXT NOT NULL DEFAULT '', title TEXT NOT NULL, purpose TEXT NOT NULL DEFAULT '',"
  "  state TEXT NOT NULL, signed_on TEXT, term_months INTEGER NOT NULL DEFAULT 0, renewal_due TEXT,"
  "  project_id TEXT REFERENCES project (id) ON DELETE SET NULL, notes TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX partnership_organisation ON partnership (organisation_id);"
  "CREATE INDEX partnership_project ON partnership (project_id);"
  "CREATE INDEX partnership_renewal ON partnership (renewal_due);",

  /* 2: policies, action plans, initiatives and dated status. */
  "CREATE TABLE policy ("
  "  id TEXT PRIMARY KEY NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL,"
  "  title TEXT NOT NULL, description TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE strategy_goal ("
  "  id TEXT PRIMARY KEY NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL,"
  "  policy_id TEXT NOT NULL REFERENCES policy (id) ON DELETE CASCADE,"
  "  number INTEGER NOT NULL DEFAULT 0, title TEXT NOT NULL);"
  "CREATE INDEX strategy_goal_policy ON strategy_goal (policy_id);"
  "CREATE TABLE action_plan ("
  "  id TEXT PRIMARY KEY NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL,"
  "  policy_id TEXT NOT NULL REFERENCES policy (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL, period_from INTEGER NOT NULL DEFAULT 0, period_to INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX action_plan_policy ON action_plan (policy_id);"
  "CREATE TABLE initiative ("
  "  id TEXT PRIMARY KEY NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL,"
  "  plan_id TEXT NOT NULL REFERENCES action_plan (id) ON DELETE CASCADE,"
  "  number INTEGER NOT NULL DEFAULT 0, title TEXT NOT NULL, target_group TEXT NOT NULL DEFAULT '',"
  "  purpose TEXT NOT NULL DEFAULT '', strategy_goals TEXT NOT NULL DEFAULT '',"
  "  coordinator TEXT NOT NULL DEFAULT '', partners TEXT NOT NULL DEFAULT '',"
  "  start_date TEXT, end_date TEXT, period_text TEXT NOT NULL DEFAULT '',"
  "  activities TEXT NOT NULL DEFAULT '', state TEXT NOT NULL);"
  "CREATE INDEX initiative_plan ON initiative (plan_id, number);"
  "CREATE TABLE status_update ("
  "  id TEXT PRIMARY KEY NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL,"
  "  project_id TEXT REFERENCES project (id) ON DELETE CASCADE,"
  "  initiative_id TEXT REFERENCES initiative (id) ON DELETE CASCADE,"
  "  partnership_id TEXT REFERENCES partnership (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL, state TEXT NOT NULL, text TEXT NOT NULL,"
  "  CHECK ((project_id IS NOT NULL) + (initiative_id IS NOT NULL) + (partnership_id IS NOT NULL) = 1));"
  "CREATE INDEX status_update_project ON status_update (project_id, date);"
  "CREATE INDEX status_update_initiative ON status_update (initiative_id, date);"
  "CREATE INDEX status_update_partnership ON status_update (partnership_id, date);",

  /* 3: one full-text index over what people search for. Its rowid is the
   * kind's number << 40 plus the record's rowid, so that each kind is a
   * range of rowids that a search reads on its own. search_source says,
   * once, what is indexed of each kind; the triggers keep the index in the
   * same transaction as every write, including the writes of an undo,
   * which the session extension re-applies to the record tables only.
   * (A trigger deletes before it inserts rather than INSERT OR REPLACE:
   * the store's upsert would override that conflict clause.)
   * unicode61 without remove_diacritics keeps æ, ø and å apart from a and
   * o: "Rødovre" is not "Rodovre". */
  "CREATE VIRTUAL TABLE search_index USING fts5 ("
  "  kind UNINDEXED, record_id UNINDEXED, title, body,"
  "  tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3 4');"
  /* The index's terms, for expanding a long prefix into the words it begins. */
  "CREATE VIRTUAL TABLE search_terms USING fts5vocab (search_index, row);"
  "CREATE VIEW search_source (key, kind, record_id, title, body) AS"
  "  SELECT (1 << 40) + rowid, 'project', id, title,"
  "         purpose || char (10) || anchoring || char (10) || coordinator || char (10) || case_number"
  "    FROM project"
  "  UNION ALL"
  "  SELECT (2 << 40) + rowid, 'decision', id, number || ' ' || text, '' FROM decision"
  "  UNION ALL"
  "  SELECT (3 << 40) + rowid, 'initiative', id, title,"
  "         target_group || char (10) || purpose || char (10) || strategy_goals || char (10) ||"
  "         coordinator || char (10) || partners || char (10) || period_text || char (10) || activities"
  "    FROM initiative"
  "  UNION ALL"
  "  SELECT (4 << 40) + rowid, 'partnership', id, title,"
  "         unit || char (10) || purpose || char (10) || notes"
  "    FROM partnership"
  "  UNION ALL"
  "  SELECT (5 << 40) + rowid, 'organisation', id, name,"
  "         contact_person || char (10) || email || char (10) || phone"
  "    FROM organisation"
  "  UNION ALL"
  "  SELECT (6 << 40) + rowid, 'status_update', id, '', text FROM status_update;"
  "INSERT INTO search_index (rowid, kind, record_id, title, body) SELECT * FROM search_source;"
  /* A search opens every segment of the index for every word: keep few. */
  "INSERT INTO search_index (search_index, rank) VALUES ('automerge', 2);"
  "INSERT INTO search_index (search_index) VALUES ('optimize');"
  "CREATE TRIGGER project_search_insert AFTER INSERT ON project BEGIN"
  "  DELETE FROM search_index WHERE rowid = (1 << 40) + NEW.rowid;"
  "  INSERT INTO search_index (rowid, kind, record_id, title, body)"
  "    SELECT * FROM search_source WHERE kind = 'project' AND record_id = NEW.id; END;"
  "CREATE TRIGGER project_search_update AFTER UPDATE ON project BEGIN"
  "  DELETE FROM search_index WHERE rowid = (1 << 40) + OLD.rowid;"
  "  INSERT INTO search_index (rowid, kind, record_id, title, body)"
  "    SELECT * FROM search_source WHERE kind = 'project' AND record_id = NEW.id; END;"
  "CREATE TRIGGER project_search_delete AFTER DELETE ON project BEGIN"
  "  DELETE FROM search_index WHERE rowid = (1 << 40) + OLD.rowid; END;"
  "CREATE TRIGGER decision_search_insert AFTER INSERT ON decision BEGIN"
  "  DELETE FROM search_index WHERE rowid = (2 << 40) + NEW.rowid;"
  "  INSERT INTO search_index (rowid, kind, record_id, title, body)"
  "    SELECT * FROM search_source WHERE kind = 'decision' AND record_id = NEW.id; END;"
  "CREATE TRIGGER decision_search_update AFTER UPDATE ON decision BEGIN"
  "  DELETE FROM search_index WHERE rowid = (2 << 40) + OLD.rowid;"
  "  INSERT INTO search_index (rowid, kind, record_id, title, body)"
  "    SELECT * FROM search_source WHERE kind = 'decision' AND record_id = NEW.id; END;"
  "CREATE TRIGGER decision_search_delete AFTER DELETE ON decision BEGIN"
  "  DELETE FROM search_index WHERE rowid = (2 << 40) + OLD.rowid; END;"
  "CREATE TRIGGER initiative_search_insert AFTER INSERT ON initiative BEGIN"
  "  DELETE FROM search_index WHERE rowid = (3 << 40) + NEW.rowid;"
  "  INSERT INTO search_index (rowid, kind, record_id, title, body)"
  "    SELECT * FROM search_source WHERE kind = 'initiative' AND record_id = NEW.id; END;"
  "CREATE TRIGGER initiative_search_update AFTER UPDATE ON initiative BEGIN"
  "  DELETE FROM search_index WHERE rowid = (3 << 40) + OLD.rowid;"
  "  INSERT INTO search_index (rowid, kind, record_id, title, body)"
  "    SELECT * FROM search_source WHERE kind = 'initiative' AND record_id = NEW.id; END;"
  "CREATE TRIGGER initiative_search_delete AFTER DELETE ON initiative BEGIN"
  "  DELETE FROM search_index WHERE rowid = (3 << 40) + OLD.rowid; END;"
  "CREATE TRIGGER partnership_search_insert AFTER INSERT ON partnership BEGIN"
  "  DELETE FROM search_index WHERE rowid = (4 << 40) + NEW.rowid;"
  "  INSERT INTO search_index (rowid, kind, record_id, title, body)"
  "    SELECT * FROM search_source WHERE kind = 'partnership' AND record_id = NEW.id; END;"
  "CREATE TRIGGER partnership_search_update AFTER UPDATE ON partnership BEGIN"
  "  DELETE FROM search_index WHERE rowid = (4 << 40) + OLD.rowid;"
  "  INSERT INTO search_index (rowid, kind, record_id, title, body)"
  "    SELECT * FROM search_source WHERE kind = 'partnership' AND record_id = NEW.id; END;"
  "CREATE TRIGGER partnership_search_delete AFTER DELETE ON partnership BEGIN"
  "  DELETE FROM search_index WHERE rowid = (4 << 40) + OLD.rowid; END;"
  "CREATE TRIGGER organisation_search_insert AFTER INSERT ON organisation BEGIN"
  "  DELETE FROM search_index WHERE rowid = (5 << 40) + NEW.rowid;"
  "  INSERT INTO search_index (rowid, kind, record_id, title, body)"
  "    SELECT * FROM search_source WHERE kind = 'organisation' AND record_id = NEW.id; END;"
  "CREATE TRIGGER organisation_search_update AFTER UPDATE ON organisation BEGIN"
  "  DELETE FROM search_index WHERE rowid = (5 << 40) + OLD.rowid;"
  "  INSERT INTO search_index (rowid, kind, record_id, title, body)"
  "    SELECT * FROM search_source WHERE kind = 'organisation' AND record_id = NEW.id; END;"
  "CREATE TRIGGER organisation_search_delete AFTER DELETE ON organisation BEGIN"
  "  DELETE FROM search_index WHERE rowid = (5 << 40) + OLD.rowid; END;"
  "CREATE TRIGGER status_update_search_insert AFTER INSERT ON status_update BEGIN"
  "  DELETE FROM search_index WHERE rowid = (6 << 40) + NEW.rowid;"
  "  INSERT INTO search_index (rowid, kind, record_id, title, body)"
  "    SELECT * FROM search_source WHERE kind = 'status_update' AND record_id = NEW.id; END;"
  "CREATE TRIGGER status_update_search_update AFTER UPDATE ON status_update BEGIN"
  "  DELETE FROM search_index WHERE rowid = (6 << 40) + OLD.rowid;"
  "  INSERT INTO search_index (rowid, kind, record_id, title, body)"
  "    SELECT * FROM search_source WHERE kind = 'status_update' AND record_id = NEW.id; END;"
  "CREATE TRIGGER status_update_search_delete AFTER DELETE ON status_update BEGIN"
  "  DELETE FROM search_index WHERE rowid = (6 << 40) + OLD.rowid; END;",

  /* 4: the Budget list's own order, so that showing 100,000 lines reads
   * an index instead of sorting the table.
   */
  "CREATE INDEX budget_line_order ON budget_line (year, amount_ore DESC);",

  /* 5: what the Budget section asks of every line, kept ready, so that it
   * reads a few rows where it read 100,000.
   *
   * budget_line_search indexes the lines' notes, which is all of a line
   * that its search looks in, with the tokenizer of search_index. Its
   * rowids are the lines' own, and it reads the notes from budget_line
   * itself rather than keeping a copy (an external content table): its
   * triggers hand it the old note to take out.
   *
   * budget_total holds the sum and the number of the lines of each
   * funding source, kind and year, so that totals add up at most a few
   * thousand rows whatever the filter; a row goes when its last line
   * does. Its triggers add and take away without a conflict clause, for
   * the reason given at step 3.
   *
   * Both are kept in the same transaction as every write, including the
   * writes of an undo, and tov_migration_rebuild_sql() computes them anew. */
  "CREATE VIRTUAL TABLE budget_line_search USING fts5 ("
  "  note, content = 'budget_line',"
  "  tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3 4');"
  "INSERT INTO budget_line_search (budget_line_search) VALUES ('rebuild');"
  "INSERT INTO budget_line_search (budget_line_search, rank) VALUES ('automerge', 2);"
  "INSERT INTO budget_line_search (budget_line_search) VALUES ('optimize');"
  "CREATE TRIGGER budget_line_search_insert AFTER INSERT ON budget_line BEGIN"
  "  INSERT INTO budget_line_search (rowid, note) VALUES (NEW.rowid, NEW.note); END;"
  "CREATE TRIGGER budget_line_search_update AFTER UPDATE OF note ON budget_line BEGIN"
  "  INSERT INTO budget_line_search (budget_line_search, rowid, note) VALUES ('delete', OLD.rowid, OLD.note);"
  "  INSERT INTO budget_line_search (rowid, note) VALUES (NEW.rowid, NEW.note); END;"
  "CREATE TRIGGER budget_line_search_delete AFTER DELETE ON budget_line BEGIN"
  "  INSERT INTO budget_line_search (budget_line_search, rowid, note) VALUES ('delete', OLD.rowid, OLD.note); END;"
  "CREATE TABLE budget_total ("
  "  funding_source_id TEXT NOT NULL, kind TEXT NOT NULL, year INTEGER NOT NULL,"
  "  amount_ore INTEGER NOT NULL, n_lines INTEGER NOT NULL,"
  "  PRIMARY KEY (funding_source_id, kind, year)) WITHOUT ROWID;"
  "INSERT INTO budget_total (funding_source_id, kind, year, amount_ore, n_lines)"
  "  SELECT funding_source_id, kind, year, sum (amount_ore), count (*) FROM budget_line"
  "    GROUP BY funding_source_id, kind, year;"
  "CREATE TRIGGER budget_total_insert AFTER INSERT ON budget_line BEGIN"
  "  INSERT INTO budget_total (funding_source_id, kind, year, amount_ore, n_lines)"
  "    SELECT NEW.funding_source_id, NEW.kind, NEW.year, 0, 0 WHERE NOT EXISTS"
  "      (SELECT 1 FROM budget_total WHERE funding_source_id = NEW.funding_source_id"
  "         AND kind = NEW.kind AND year = NEW.year);"
  "  UPDATE budget_total SET amount_ore = amount_ore + NEW.amount_ore, n_lines = n_lines + 1"
  "    WHERE funding_source_id = NEW.funding_source_id AND kind = NEW.kind AND year = NEW.year; END;"
  "CREATE TRIGGER budget_total_update AFTER UPDATE OF funding_source_id, kind, year, amount_ore ON budget_line BEGIN"
  "  UPDATE budget_total SET amount_ore = amount_ore - OLD.amount_ore, n_lines = n_lines - 1"
  "    WHERE funding_source_id = OLD.funding_source_id AND kind = OLD.kind AND year = OLD.year;"
  "  DELETE FROM budget_total WHERE funding_source_id = OLD.funding_source_id AND kind = OLD.kind"
  "    AND year = OLD.year AND n_lines = 0;"
  "  INSERT INTO budget_total (funding_source_id, kind, year, amount_ore, n_lines)"
  "    SELECT NEW.funding_source_id, NEW.kind, NEW.year, 0, 0 WHERE NOT EXISTS"
  "      (SELECT 1 FROM budget_total WHERE funding_source_id = NEW.funding_source_id"
  "         AND kind = NEW.kind AND year = NEW.year);"
  "  UPDATE budget_total SET amount_ore = amount_ore + NEW.amount_ore, n_lines = n_lines + 1"
  "    WHERE funding_source_id = NEW.funding_source_id AND kind = NEW.kind AND year = NEW.year; END;"
  "CREATE TRIGGER budget_total_delete AFTER DELETE ON budget_line BEGIN"
  "  UPDATE budget_total SET amount_ore = amount_ore - OLD.amount_ore, n_lines = n_lines - 1"
  "    WHERE funding_source_id = OLD.funding_source_id AND kind = OLD.kind AND year = OLD.year;"
  "  DELETE FROM budget_total WHERE funding_source_id = OLD.funding_source_id AND kind = OLD.kind"
  "    AND year = OLD.year AND n_lines = 0; END;",
};

/* Every derived table computed anew from the record tables, in the order
 * of the steps that made them. Each statement leaves its table as the
 * triggers would have left it had every record been saved on its own.
 */
static const char rebuild_sql[] =
  /* Step 3: FTS5 takes out a row's terms as it deletes the row. */
  "DELETE FROM search_index;"
  "INSERT INTO search_index (rowid, kind, record_id, title, body) SELECT * FROM search_source;"
  "INSERT INTO search_index (search_index) VALUES ('optimize');"
  /* Step 5 */
  "INSERT INTO budget_line_search (budget_line_search) VALUES ('rebuild');"
  "INSERT INTO budget_line_search (budget_line_search) VALUES ('optimize');"
  "DELETE FROM budget_total;"
  "INSERT INTO budget_total (funding_source_id, kind, year, amount_ore, n_lines)"
  "  SELECT funding_source_id, kind, year, sum (amount_ore), count (*) FROM budget_line"
  "    GROUP BY funding_source_id, kind, year;";

/**
 * tov_migration_step:
 *
 * Returns: the SQL that takes a portfolio from schema @version - 1 to
 *   @version, for 1 <= @version <= TOV_SCHEMA_VERSION.
 */
const char *
tov_migration_step (int version)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (steps) == TOV_SCHEMA_VERSION);

  g_return_val_if_fail (version >= 1 && version <= TOV_SCHEMA_VERSION, NULL);

  return steps[version - 1];
}

/**
 * tov_migration_rebuild_sql:
 *
 * Returns: SQL, several statements, that computes every table the schema
 *   keeps by triggers (the search indexes and the budget totals) anew from
 *   the record tables, for a file at TOV_SCHEMA_VERSION. Run it in a
 *   transaction after writing records with those triggers dropped; it is
 *   also right, only slower, with them in place.
 */
const char *
tov_migration_rebuild_sql (void)
{
  return rebuild_sql;
}
