import type { Db } from "./db/client.ts";

export interface SignedInUser {
  id: number;
  email: string;
  name: string;
  club: string;
  /** Hash of the session token: the basis of this session's CSRF token. */
  sessionHash: string;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    nonce: string;
    /** This session's (or an anonymous visitor's) token for plain forms. */
    csrf: string;
    db: Db;
    user: SignedInUser | null;
  };
}
