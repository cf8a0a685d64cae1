// A D1Database over sql.js (SQLite compiled to WASM) for the Node tests: real SQL, D1's result
// and meta shapes, and errors worded as D1 words them ("D1_ERROR: <sqlite message>: SQLITE_ERROR").
import initSqlJs, { type Database, type SqlValue } from "sql.js";

let engine: ReturnType<typeof initSqlJs> | undefined;

type Bound = null | number | string | boolean;

/** A fresh in-memory database; `setup` runs first (schema, rows). */
export async function memoryD1(setup = ""): Promise<D1Database> {
  engine ??= initSqlJs();
  const db = new (await engine).Database();
  if (setup !== "") db.exec(setup);
  return asD1(db);
}

function d1Error(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  const code = /constraint/i.test(message) ? "SQLITE_CONSTRAINT" : "SQLITE_ERROR";
  return new Error(`D1_ERROR: ${message}: ${code}`);
}

function run(db: Database, sql: string, params: readonly Bound[]): { results: Record<string, SqlValue>[]; meta: D1Meta & Record<string, unknown> } {
  const started = performance.now();
  const results: Record<string, SqlValue>[] = [];
  try {
    const statement = db.prepare(sql);
    try {
      statement.bind(params.map((p) => (typeof p === "boolean" ? (p ? 1 : 0) : p)));
      while (statement.step()) results.push(statement.getAsObject());
    } finally {
      statement.free();
    }
  } catch (error) {
    throw d1Error(error);
  }
  const changes = /^\s*(insert|update|delete|replace)/i.test(sql) ? db.getRowsModified() : 0;
  const lastRowId = Number(db.exec("SELECT last_insert_rowid()")[0]?.values[0]?.[0] ?? 0);
  return {
    results,
    meta: {
      duration: performance.now() - started,
      size_after: 0,
      rows_read: results.length,
      rows_written: changes,
      last_row_id: lastRowId,
      changed_db: changes > 0,
      changes,
    },
  };
}

function asD1(db: Database): D1Database {
  const statement = (sql: string, params: readonly Bound[]): D1PreparedStatement => {
    const prepared = {
      bind: (...values: Bound[]) => statement(sql, values),
      all: async () => ({ success: true, ...run(db, sql, params) }),
      run: async () => ({ success: true, ...run(db, sql, params) }),
      first: async (column?: string) => {
        const row = run(db, sql, params).results[0];
        if (row === undefined) return null;
        return column === undefined ? row : row[column];
      },
      raw: async () => run(db, sql, params).results.map((row) => Object.values(row)),
    };
    return prepared as unknown as D1PreparedStatement;
  };
  const d1 = {
    prepare: (sql: string) => statement(sql, []),
    batch: async (statements: D1PreparedStatement[]) => Promise.all(statements.map((s) => s.all())),
    exec: async (sql: string) => {
      try {
        db.exec(sql);
      } catch (error) {
        throw d1Error(error);
      }
      return { count: 1, duration: 0 };
    },
  };
  return d1 as unknown as D1Database;
}
