/**
 * The longest delay `setTimeout` honours: 2³¹−1 ms (about 24.8 days). A longer one fires at once, so every timeout
 * option of the servers is capped here. (The client keeps its own copy: it cannot import server code.)
 */
export const MAX_TIMER_MS = 2_147_483_647;
