/** The roles the regulations assign duties to. Plain constants: shipped to the browser, so no zod here. */
export const ROLES = ['admin', 'head', 'class-teacher', 'teacher', 'gis-staff', 'student', 'parent'] as const;
export type Role = (typeof ROLES)[number];

/** Phases of a checklist, in order. */
export const PHASES = ['registration', 'verification', 'structure', 'rules', 'support'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_TITLES: Record<Phase, string> = {
  registration: 'Регистрация',
  verification: 'Подтверждение статуса «учитель»',
  structure: 'Структура, чаты и каналы',
  rules: 'Правила общения и безопасность',
  support: 'Поддержка',
};
