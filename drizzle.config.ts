import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './models/*.tables.ts',
  out: './models/migrations',
});
