/** Types of check-node.mjs for the tests that import it. */
export function floorOf(range: string): number[];
export function belowFloor(version: string, range: string): string | null;
