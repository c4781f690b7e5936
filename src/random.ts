/**
 * 16 hex digits from the platform's secure random source. Web Crypto is a global, so this module loads nothing
 * until it is called (node:crypto costs a step several milliseconds to load).
 */
export function randomHex(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(8))).toString('hex');
}
