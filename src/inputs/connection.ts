import { DEFAULT_HOSTNAME, parseHostname } from '../common/hostname.js';
import type { InputSource } from './rules.js';

// The post step reads these two inputs and no others, so they live apart from the input rules it never needs.

/** The credential alone, so the caller can mask it before anything else is read or printed. */
export function readApiToken(source: Pick<InputSource, 'get' | 'env'>): string {
  return source.get('api-token') || source.env['TF_API_TOKEN']?.trim() || source.env['TFE_TOKEN']?.trim() || '';
}

/** The host the credential goes to, from the input or the environment; the post step checks its state against it. */
export function readHostname(source: Pick<InputSource, 'get' | 'env'>): string {
  const env = source.env;
  const named = source.get('hostname') || env['TF_CLOUD_HOSTNAME']?.trim() || env['TFE_HOSTNAME']?.trim();
  return parseHostname(named || DEFAULT_HOSTNAME);
}
