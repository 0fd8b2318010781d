// Fields holding a millisecond timestamp that is read once per command and passed on to many calls.
//
// V8 keeps a field that has only ever held numbers as a raw double, and every time such a value is
// passed to a call that is not inlined it is boxed again: one 16-byte heap number per pass, which for
// `ctx.now` (handed to every key lookup) was an allocation per command. A field whose first value is
// not a number is kept as a tagged pointer instead: reading it yields the existing box, passing it on
// allocates nothing, and the box is made once, where the time is read.

/** The initial value of such a field (null, typed as the number it will hold). */
export const BOXED = null as unknown as number;
