//! The table planner (DE03): `gep.plan_tables(request)` (over
//! `gep_core::ffi::plan_tables`) and the plan it gives, with its exports.

use gep_core::Violations;
use gep_core::document::parse;
use gep_core::ffi::{self, PlanAnswer};
use gep_core::planner::{Language, Plan, PlanRequest};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::convert;
use crate::errors;

/// A table plan for the day, with the request it was made from. People are
/// indices into the request's `attendees`; rounds and tables count from 0
/// (the exports count from 1).
#[pyclass(frozen, module = "gep", name = "TablePlan")]
pub struct PyTablePlan {
    request: PlanRequest,
    plan: Plan,
}

fn language(lang: &str) -> PyResult<Language> {
    match lang {
        "fr" => Ok(Language::Fr),
        "en" => Ok(Language::En),
        other => Err(PyValueError::new_err(format!("lang is `fr` or `en`, not `{other}`"))),
    }
}

#[pymethods]
impl PyTablePlan {
    /// The sizes of the tables, the larger first.
    #[getter]
    fn table_sizes(&self) -> Vec<usize> {
        self.plan.table_sizes.clone()
    }

    /// Round → table → people (indices into the request's attendees).
    #[getter]
    fn rounds(&self) -> Vec<Vec<Vec<usize>>> {
        self.plan.rounds.clone()
    }

    /// What the plan is worth: repeats, most meetings of a pair,
    /// organisation clashes, the lower bound on repeats…
    #[getter]
    fn measures<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialise_to_py(py, &self.plan.measures)
    }

    /// DE03 warnings: tables outside 5–6, method rules these numbers do not
    /// allow.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        errors::violations_to_py(py, &self.plan.warnings)
    }

    /// The plan as in its JSON form.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialise_to_py(py, &self.plan)
    }

    /// The rounds to record at `hold` (`rounds` of the session record), with
    /// the attendees' ids.
    fn to_rounds<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rounds = errors::guard(py, || self.plan.to_rounds(&self.request))?;
        convert::serialise_to_py(py, &rounds)
    }

    /// Each seated person's tables, round by round, as dicts.
    fn itineraries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let itineraries = errors::guard(py, || self.plan.itineraries())?;
        convert::serialise_to_py(py, &itineraries)
    }

    /// The whole plan for the day in Markdown, in French or in English.
    #[pyo3(signature = (lang = "fr"))]
    fn to_markdown(&self, py: Python<'_>, lang: &str) -> PyResult<String> {
        let lang = language(lang)?;
        errors::guard(py, || self.plan.to_markdown(&self.request, lang))
    }

    /// Each table's list as CSV (`round,table,person_id,name,part`).
    fn tables_csv(&self, py: Python<'_>) -> PyResult<String> {
        errors::guard(py, || self.plan.tables_csv(&self.request))
    }

    /// Each person's itinerary as CSV (`person_id,name,round_1,…`).
    fn itineraries_csv(&self, py: Python<'_>) -> PyResult<String> {
        errors::guard(py, || self.plan.itineraries_csv(&self.request))
    }

    fn __repr__(&self) -> String {
        format!(
            "<gep.TablePlan {} people, {} rounds, tables {:?}, {} repeats>",
            self.request.attendees.len(),
            self.plan.rounds.len(),
            self.plan.table_sizes,
            self.plan.measures.repeats
        )
    }
}

/// `gep.plan_tables(request)`: a table plan for the day. The request is a
/// dict (or its JSON text): `attendees` (`id`, optional `name`,
/// `organisation`, `facilitator`), `rounds`, `method` (`rotation`,
/// `world_cafe`, `ambassadors`), optional `seed` and `options` (`apart`,
/// `leave_out_facilitators`, `effort`). Deterministic: the same request and
/// seed give the same plan.
#[pyfunction]
#[pyo3(signature = (request, /))]
pub fn plan_tables(py: Python<'_>, request: &Bound<'_, PyAny>) -> PyResult<PyTablePlan> {
    let text = if convert::is_source(request) {
        convert::source_text(request, ("la demande", "the request"))?
            .map_err(|v| errors::malformed(py, Violations(vec![v])))?
    } else {
        match convert::to_json(request, &mut Vec::new()) {
            Ok(json) => json.to_string(),
            Err(convert::Fault::Input(v)) => return Err(errors::malformed(py, Violations(vec![v]))),
            Err(convert::Fault::Python(e)) => return Err(e),
        }
    };
    let answer = py
        .detach(|| errors::guard_detached(|| ffi::plan_tables(&text)))
        .map_err(|what| errors::internal(py, &what))?;
    match answer {
        PlanAnswer::Ok { plan } => {
            // The request was read to make the plan: it reads again.
            let request: PlanRequest = parse(&text).map_err(|vs| errors::malformed(py, vs))?;
            Ok(PyTablePlan { request, plan: *plan })
        }
        PlanAnswer::Refused { violations } => Err(errors::refused(py, Violations(violations))),
        PlanAnswer::Failure { violations } => Err(errors::malformed(py, Violations(violations))),
    }
}

/// Adds the planner to the native module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyTablePlan>()?;
    m.add_function(wrap_pyfunction!(plan_tables, m)?)?;
    Ok(())
}
