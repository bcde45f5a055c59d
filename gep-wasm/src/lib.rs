//! # gep-wasm
//!
//! The GEP charter in the browser and in Node: WebAssembly bindings of
//! `gep-core`, for the IC website's forms, report checker and table plans.
//!
//! ```js
//! import init, { Gep, validateProposalForm, scanText } from "gep-wasm";
//! await init(); // the web build; the Node build needs no init
//!
//! // Every violation of a form, in French, at the form field's path.
//! const { value } = validateProposalForm({ theme: " " });
//! for (const v of value.violations) console.log(v.path, v.message_fr);
//!
//! // A GEP as a handle: a refused command gives its violations back.
//! const gep = Gep.load(documentText);
//! const answer = gep.apply(command);
//! if (answer.status !== "ok") console.log(answer.violations);
//!
//! // Names, e-mails and phones in a report, in UTF-16 code units.
//! const found = scanText(report, gep.snapshot().people);
//! ```
//!
//! ## Shape
//! Every function converts and calls [`gep_core::ffi`]: no rule is written
//! here. Arguments that are documents or commands may be JSON text or plain
//! objects; results are plain objects whose TypeScript types are generated
//! from the Rust types (`build.sh`, `examples/api_schema.rs`).
//!
//! ## Errors
//! A call that ran answers `{status: "ok" | "refused" | "failure", …}`: a
//! refusal carries every violation, never a string. Only a call that cannot
//! run throws: an argument of the wrong type, or [`Gep::load`] of what does
//! not load; what it throws is an `Error` named `GepError` with a `code`
//! and the `violations`.
//!
//! Two JavaScript values are refused rather than passed on changed: a
//! string holding a lone surrogate (IN01 at the root, its context giving
//! the `argument` and the UTF-16 `offset`), which wasm-bindgen would turn
//! into U+FFFD, and `NaN` or `±Infinity` in an object (IN04 at its path),
//! which `JSON.stringify` would write as `null`. Both answer `failure`, as
//! malformed JSON does (`Gep.load` and `Gep.start` throw them).

#![deny(missing_docs)]

mod convert;
mod document;
mod forms;
mod gep;
mod planner;
mod privacy;
mod rules;
mod types;

pub use document::{apply_command, load_document, start_gep};
pub use forms::{validate_proposal_form, validate_registration_form};
pub use gep::Gep;
pub use planner::plan_tables;
pub use privacy::{contact_list, ic_record, redact_text, scan_text};
pub use rules::rules;
