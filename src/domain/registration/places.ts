/** Places a normal registration can still take on a relay: never below zero, even after capacity was lowered. */
export function placesLeft(relay: { firingPoints: number; reserved: number }, active: number): number {
  return Math.max(0, relay.firingPoints - relay.reserved - active);
}
