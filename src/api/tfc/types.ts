/** Token metadata as the API shows it after creation (the secret is never readable again). */
export interface Token {
  readonly id: string;
  readonly description: string | null;
  readonly createdAt: string;
  readonly expiredAt: string | null;
  readonly lastUsedAt: string | null;
  readonly teamId: string | null;
}

/** A token in the create answer, the only time its secret exists for us. */
export interface MintedToken extends Token {
  readonly secret: string;
}

export interface Team {
  readonly id: string;
  readonly name: string;
  /** null when the server does not say */
  readonly organization: string | null;
}

/** A team with what the post step checks before deleting a temporary one. */
export interface TeamDetails extends Team {
  /** `secret` or `organization`; null when the server does not say */
  readonly visibility: string | null;
  /** null when the server does not say */
  readonly usersCount: number | null;
}

/** Called with a new secret the moment it is parsed, before any other code sees it: the mask. */
export type OnSecret = (secret: string) => void;
