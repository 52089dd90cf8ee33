import type { DataSource } from 'typeorm';

/**
 * Demo billing (SPEC §13): the state Medicaid peer support profile (H0038,
 * HQ for groups, the eight-minute rule, at most 16 units a day) and coverage
 * for most of Northside's participants; a few have none on file yet, so the
 * billing page shows what to fix as well as what is ready.
 */
export async function seedDemoBilling(ds: DataSource): Promise<void> {
  const [{ id }]: { id: string }[] = await ds.query(
    `INSERT INTO billing_profile (name, code, modifiers, group_modifier, rounding, max_units_per_day,
                                  max_group_size, unit_rate)
     VALUES ('State Medicaid peer support', 'H0038', '{}', 'HQ', 'eight_minute', 16, 12, 16.50)
     RETURNING id`,
  );
  await ds.query(
    `UPDATE participant p
        SET coverage_profile_id = $1,
            coverage_member_id = 'MC' || lpad((4815000 + c.n * 37)::text, 7, '0')
       FROM (SELECT p2.id, row_number() OVER (ORDER BY p2.last_name, p2.first_name, p2.id) AS n
               FROM participant p2 JOIN team t ON t.id = p2.team_id
              WHERE t.name = 'Northside Recovery Hub') c
      WHERE p.id = c.id AND c.n % 6 <> 0`,
    [id],
  );
}
