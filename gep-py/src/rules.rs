//! The rules catalogue: every code, from the core's table.

use gep_core::ffi::{self, RuleInfo};
use gep_core::{Code, RuleSeverity};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// One rule of the catalogue.
#[pyclass(frozen, module = "gep", name = "Rule")]
pub struct PyRule {
    info: RuleInfo,
}

fn severity_str(s: RuleSeverity) -> &'static str {
    match s {
        RuleSeverity::Error => "error",
        RuleSeverity::Warning => "warning",
        RuleSeverity::Attested => "attested",
        RuleSeverity::Informative => "informative",
    }
}

#[pymethods]
impl PyRule {
    /// The code, e.g. `"PR07"`.
    #[getter]
    fn code(&self) -> &'static str {
        self.info.code.as_str()
    }

    /// `"error"`, `"warning"`, `"attested"` or `"informative"`, as in the
    /// charter's table.
    #[getter]
    fn severity(&self) -> &'static str {
        severity_str(self.info.severity)
    }

    /// Where it applies (commands or exports).
    #[getter]
    fn applies_at(&self) -> &str {
        &self.info.applies_at
    }

    /// Whether it comes from the charter (`PR`, `DE`, `OR`) rather than the
    /// library's input (`IN`) or lifecycle (`LC`) checks.
    #[getter]
    fn charter(&self) -> bool {
        self.info.charter
    }

    /// Title in French.
    #[getter]
    fn title_fr(&self) -> &str {
        &self.info.title_fr
    }

    /// Title in English.
    #[getter]
    fn title_en(&self) -> &str {
        &self.info.title_en
    }

    fn __repr__(&self) -> String {
        format!(
            "Rule(code={:?}, severity={:?}, title_en={:?})",
            self.info.code.as_str(),
            severity_str(self.info.severity),
            self.info.title_en
        )
    }
}

/// `gep.rules()`: every rule, in the table's order.
#[pyfunction]
pub fn rules() -> Vec<PyRule> {
    ffi::rules().into_iter().map(|info| PyRule { info }).collect()
}

/// `gep.RULE_CODES`: every code, in the table's order.
pub fn codes(py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
    PyTuple::new(py, Code::ALL.iter().map(|c| c.as_str()))
}
