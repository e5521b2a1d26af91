// What a power can order. A discriminated union on `type`: every switch over it is
// exhaustive, so a new kind of order makes the compiler list what to update.
// The four action kinds name an action of the scenario and a target country;
// the scenario's action says what it costs and does.

export type ActionOrder =
  | { type: 'invest'; action: string; country: string }
  | { type: 'security-deal'; action: string; country: string }
  | { type: 'diplomacy'; action: string; country: string }
  | { type: 'special'; action: string; country: string };

/**
 * Starts a project. `bid` is a sealed extra offer on top of the cost, for a tender two
 * powers may contest: the higher offer wins the contract, and the winner pays its bid
 * whether or not anyone bid against it (the risk of a sealed bid).
 */
export type ProjectOrder = { type: 'project'; project: string; bid?: number };

/** Highest sealed bid an order may carry on top of a project's cost. */
export const MAX_BID = 200;

export type Order = ActionOrder | ProjectOrder;
export type OrderType = Order['type'];

export const ORDER_TYPES: readonly OrderType[] = ['invest', 'security-deal', 'diplomacy', 'special', 'project'];

/** Every power's orders for one turn. */
export type TurnOrders = Record<string, Order[]>;

export function orderKey(o: Order): string {
  return o.type === 'project' ? `project:${o.project}` : `${o.type}:${o.action}@${o.country}`;
}
