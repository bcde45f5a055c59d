//! TypeScript declarations that belong to the binding rather than to the
//! data: the thrown error and the partial forms. The data's types are
//! generated from the Rust types by `build.sh` and appended to the `.d.ts`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const BINDING_TYPES: &str = r#"
/** What a call that cannot run throws: an argument of the wrong type, or
 * `Gep.load` / `Gep.start` of what does not load. `code` is the first
 * violation's. */
export interface GepError extends Error {
  name: "GepError";
  code: Code;
  violations: Violation[];
}
/** A value as a form holds it while the person types: any field missing. */
export type Partially<T> = T extends (infer U)[]
  ? Partially<U>[]
  : T extends object
    ? { [K in keyof T]?: Partially<T[K]> }
    : T;
/** A proposal form: the fields of `propose`, with `at` and `actor`. */
export type ProposalForm = Partially<Proposal> & { at?: Timestamp; actor?: PersonId };
/** A registration form: the fields of `register`, with `at` and `actor`. */
export type RegistrationForm = Partially<Registration> & { at?: Timestamp; actor?: PersonId };
"#;
