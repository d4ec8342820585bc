import { defineConfig } from 'drizzle-kit';

// Migrations are generated SQL committed to the repo and applied at start; never `drizzle-kit push`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  casing: 'snake_case',
});
