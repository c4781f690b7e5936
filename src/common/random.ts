/**
 * 16 hex digits from the platform's secure random source. Web Crypto is a global, so importing this module loads
 * nothing: the input check in main.ts takes it along without loading node:crypto before it knows it needs it.
 */
export function randomHex(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(8))).toString('hex');
}
