// The tiers of a 梯次抽查, from low to high: a tier re-checks the one below it.
export const TIERS = ['prefecture', 'province', 'national'] as const;
export type Tier = (typeof TIERS)[number];
