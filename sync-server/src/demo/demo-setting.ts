/** Set once the demo is seeded (seed.ts): the login page then says « Données de démonstration ». */
export const DEMO_SETTING = 'demo-data';
