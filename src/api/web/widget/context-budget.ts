/*
 * Browsers keep about 16 WebGL contexts per page and silently drop the oldest beyond that; a sigma
 * renderer holds 3. So the widgets of one page share a budget: at most MAX_LIVE of them draw with
 * WebGL, the least recently used of the others show the same picture painted with the 2D canvas,
 * and touching, hovering or focusing one makes it live again (and another one still). The module
 * is loaded once per page, so every <coauthor-network> of the page shares this one budget.
 */

export const MAX_LIVE = 4;

export interface BudgetMember {
  setLive(live: boolean): void;
}

const members = new Map<BudgetMember, { live: boolean; usedAt: number }>();
let clock = 0;

function demoteBeyondBudget(keep: BudgetMember): void {
  const live = [...members].filter(([, state]) => state.live).sort((a, b) => a[1].usedAt - b[1].usedAt);
  while (live.length > MAX_LIVE) {
    const [member, state] = live.shift()!;
    if (member === keep) continue;
    state.live = false;
    member.setLive(false);
  }
}

/** Joins the budget; live when there is room, else still. Returns whether it starts live. */
export function join(member: BudgetMember): boolean {
  const liveCount = [...members.values()].filter((s) => s.live).length;
  const live = liveCount < MAX_LIVE;
  members.set(member, { live, usedAt: ++clock });
  return live;
}

/** The member is being used: make it live, stilling the least recently used one if needed. */
export function touch(member: BudgetMember): void {
  const state = members.get(member);
  if (!state) return;
  state.usedAt = ++clock;
  if (state.live) return;
  state.live = true;
  member.setLive(true);
  demoteBeyondBudget(member);
}

export function leave(member: BudgetMember): void {
  members.delete(member);
}

/** For tests and the benchmark: how many members hold WebGL contexts now. */
export function liveCount(): number {
  return [...members.values()].filter((s) => s.live).length;
}
