import { Pool } from 'pg';
import { hashPassword } from '../../src/auth/passwords';

export const PASSWORD = 'correct-horse-battery-staple-42';

/** Adds an admin who signs in with PASSWORD to the database at `url`. */
export async function addAdmin(url: string, email: string): Promise<void> {
  const db = new Pool({ connectionString: url, max: 1 });
  try {
    await db.query(
      `INSERT INTO app_user (email, display_name, role, password_hash) VALUES ($1, 'Admin', 'admin', $2)`,
      [email, await hashPassword(PASSWORD)],
    );
  } finally {
    await db.end();
  }
}
