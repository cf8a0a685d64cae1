// The part of sql.js (WASM SQLite, which ships no types) that memory-d1.ts uses.
declare module "sql.js" {
  export type SqlValue = number | string | Uint8Array | null;
  export interface Statement {
    bind(values: SqlValue[]): boolean;
    step(): boolean;
    getAsObject(): Record<string, SqlValue>;
    get(): SqlValue[];
    getColumnNames(): string[];
    free(): boolean;
  }
  export interface Database {
    prepare(sql: string): Statement;
    exec(sql: string): { columns: string[]; values: SqlValue[][] }[];
    getRowsModified(): number;
    close(): void;
  }
  export interface SqlJsStatic {
    Database: new () => Database;
  }
  export default function initSqlJs(config?: unknown): Promise<SqlJsStatic>;
}
