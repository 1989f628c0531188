// The PostgreSQL driver prepares statements with parameters once per connection: the same statement
// runs again with new values, and a table changed under a prepared statement does not break it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/store/db';
import { openTestDb } from '../../helpers/databases';

describe('prepared statements on postgres', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb('postgres', { migrate: false });
    await db.exec('CREATE TABLE prep (a int NOT NULL)');
    await db.exec('INSERT INTO prep VALUES (1), (2), (3)');
  });
  afterAll(async () => {
    await db.close();
  });

  it('runs one statement text with different values on one connection, and the server holds it prepared', async () => {
    await db.withConnection(async (conn) => {
      const sql = 'SELECT a FROM prep WHERE a >= $1 ORDER BY a';
      expect((await conn.query<{ a: number }>(sql, [2])).map((r) => r.a)).toEqual([2, 3]);
      expect((await conn.query<{ a: number }>(sql, [3])).map((r) => r.a)).toEqual([3]);
      const held = await conn.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements WHERE name LIKE $1', ['ow\\_%']);
      expect(held.map((r) => r.statement)).toContain(sql);
    });
  });

  it('still answers when a column is added under a prepared SELECT * (another process migrated)', async () => {
    await db.withConnection(async (conn) => {
      const sql = 'SELECT * FROM prep WHERE a = $1';
      expect(await conn.query(sql, [1])).toEqual([{ a: 1 }]);
      await conn.exec('ALTER TABLE prep ADD COLUMN b text');
      expect(await conn.query(sql, [1])).toEqual([{ a: 1, b: null }]);
    });
  });
});
