/**
 * Statements prepared once per database and SQL text: preparing one costs about as much as
 * running it, and folding and story placement run a few on every article written.
 */
import type Database from 'better-sqlite3';

const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The statement for `sql` on `db`, prepared on first use. */
export function stmt(db: Database.Database, sql: string): Database.Statement {
  let m = prepared.get(db);
  if (!m) prepared.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}
