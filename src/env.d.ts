interface ImportMetaEnv {
  /** host[:port] of the PartyKit server when the site is served from elsewhere. */
  readonly PUBLIC_PARTY_HOST?: string;
  /** The origin phones should open (set by `npm start` to this machine's network address). */
  readonly PUBLIC_JOIN_ORIGIN?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
