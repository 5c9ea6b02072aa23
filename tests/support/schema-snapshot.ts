// The parts of a database's structure that schema.prisma describes: tables,
// columns, enums, keys, foreign keys and indexes. Hand-written CHECK
// constraints, triggers and the search indexes (expression indexes named "*_search", see the
// content_translations migration) are left out: they live only in migrations.
import pg from "pg";

export async function prismaShapedSnapshot(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const queries = [
      `SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '') ||
              ' ' || udt_name || ' null=' || is_nullable || ' default=' || coalesce(column_default, '')
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
      `SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' GROUP BY t.typname`,
      `SELECT 'constraint ' || rel.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)
         FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace n ON n.oid = rel.relnamespace
        WHERE n.nspname = 'public' AND con.contype IN ('p', 'f', 'u') AND rel.relname <> '_prisma_migrations'`,
      `SELECT 'index ' || indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' AND indexname NOT LIKE '%\\_search'`,
    ];
    const lines: string[] = [];
    for (const sql of queries)
      lines.push(...(await client.query(sql)).rows.map((row) => Object.values(row)[0] as string));
    return lines.sort();
  } finally {
    await client.end();
  }
}
