/** Path parameters shared by several operations, with what they name. */
export const CYCLE_PARAM = { cycle: "The cycle's name, e.g. 10.0" };
export const TEAM_PARAM = { team: "The team's slug, e.g. test" };
export const idParam = (what: string) => ({ id: `The ${what}'s numeric id` });
