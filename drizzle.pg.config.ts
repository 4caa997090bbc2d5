// The PostgreSQL store's migrations (#26), generated from schema-pg.ts as drizzle.config.ts does from schema.ts.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/schema-pg.ts',
  out: './src/store/migrations-pg',
});
