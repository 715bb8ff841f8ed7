/** A person's role in one tournament's staff (D1 `tournament_staff.role`). */
export const STAFF_ROLES = ["owner", "organiser", "range_officer"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Everyone on the staff: they may open the tournament's admin and scoring pages. */
export const ALL_STAFF: readonly StaffRole[] = STAFF_ROLES;
/** Owners and organisers change the tournament, its entries and official results. */
export const EDITORS: readonly StaffRole[] = ["owner", "organiser"];
/** Who may enter shots (scoring tokens of the tournament count as range officers). */
export const SCORERS: readonly StaffRole[] = STAFF_ROLES;
