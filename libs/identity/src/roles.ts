/** The roles of back-office users (api.md). */
export const USER_ROLES = ['reviewer', 'legal', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];
