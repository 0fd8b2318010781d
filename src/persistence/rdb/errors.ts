// The error every RDB decoding problem becomes: a reason and the absolute byte offset where it was met
// (rdb-check and the loader report both; RESTORE turns any of them into "Bad data format").

export class RdbError extends Error {
  constructor(readonly reason: string, readonly offset: number) {
    super(`${reason} (at offset ${offset})`);
    this.name = 'RdbError';
  }
}

/** Thrown by a cursor that ran out of buffered bytes while more input may still come. */
export class NeedMore {
  constructor(readonly needed: number) {}
}
