//! `gep.Gep`: a GEP in whatever state it is, over [`AnyGep`].
//!
//! Every operation builds the core's command from Python values, applies it
//! to a copy of the GEP, and keeps the result only when it is accepted: a
//! refused command (or a panic caught at the boundary) leaves the object as
//! it was.
//!
//! The GEP is behind a lock held by Rust code alone: the Python values are
//! read before it is taken, and the answers and exceptions made after it is
//! released. No Python code (a `tzinfo`, a `UUID` subclass, an exception's
//! `__init__`, a finaliser) runs while it is held, so no other thread, nor
//! the same one, ever finds the GEP busy: a `Gep` may be shared between
//! threads, each operation taking place whole, one after the other.

use gep_core::document::parse;
use gep_core::{AnyGep, Code, Command, GepId, LogEntry, PathSegment, PersonId, Violation, Violations};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use serde_json::Value;
use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::convert::{self, Fault, Source};
use crate::errors::{self, PyViolation};

/// A GEP and its event log.
#[pyclass(frozen, module = "gep", name = "Gep")]
pub struct PyGep {
    inner: Mutex<AnyGep>,
}

/// One entry of the event log.
#[pyclass(frozen, module = "gep", name = "LogEntry")]
pub struct PyLogEntry {
    entry: LogEntry,
}

fn fault_to_err(py: Python<'_>, fault: Fault) -> PyErr {
    match fault {
        Fault::Input(v) => errors::malformed(py, Violations(vec![v])),
        Fault::Python(e) => e,
    }
}

fn violations_err(py: Python<'_>, v: Violation) -> PyErr {
    errors::malformed(py, Violations(vec![v]))
}

/// `at`: an aware `datetime` (or an RFC 3339 string), at path `["at"]`.
fn at_json(at: &Bound<'_, PyAny>) -> Result<Value, Fault> {
    let mut path = vec![PathSegment::Key("at".to_owned())];
    if at.is_instance_of::<PyString>() || convert::is_datetime(at)? {
        return convert::to_json(at, &mut path);
    }
    Err(Fault::Input(convert::input_error(
        Code::IN05,
        &path,
        "« at » est un datetime avec fuseau horaire".to_owned(),
        "`at` is a timezone-aware datetime".to_owned(),
    )))
}

/// `actor` or an id: a `str` or a `uuid.UUID`.
fn id_json(id: &Bound<'_, PyAny>, name: &str) -> Result<Value, Fault> {
    let mut path = vec![PathSegment::Key(name.to_owned())];
    match convert::to_json(id, &mut path)? {
        Value::String(s) => Ok(Value::String(s)),
        _ => Err(Fault::Input(convert::input_error(
            Code::IN04,
            &path,
            format!("« {name} » est un identifiant (str ou uuid.UUID)"),
            format!("`{name}` is an id (str or uuid.UUID)"),
        ))),
    }
}

/// Appends the top-level fields of a payload (a dict, or any mapping) in
/// their order.
fn payload_fields(
    payload: &Bound<'_, PyAny>,
    path: &mut Vec<PathSegment>,
    out: &mut Vec<(String, Value)>,
) -> Result<(), Fault> {
    let items: Vec<(Bound<'_, PyAny>, Bound<'_, PyAny>)> = if let Ok(d) = payload.cast::<PyDict>() {
        d.iter().collect()
    } else if let Ok(m) = payload.cast::<pyo3::types::PyMapping>() {
        let mut items = Vec::new();
        for item in m.items()?.iter() {
            let pair = item.cast::<PyTuple>().map_err(PyErr::from)?;
            items.push((pair.get_item(0)?, pair.get_item(1)?));
        }
        items
    } else {
        return Err(Fault::Input(convert::input_error(
            Code::IN04,
            path,
            "le contenu de la commande est un dict".to_owned(),
            "the command's payload is a dict".to_owned(),
        )));
    };
    for (key, value) in items {
        let Ok(key) = key.cast::<PyString>() else {
            return Err(Fault::Input(convert::input_error(
                Code::IN04,
                path,
                "clé qui n'est pas une chaîne".to_owned(),
                "key is not a string".to_owned(),
            )));
        };
        let key = convert::text(key, path)?;
        if out.iter().any(|(k, _)| *k == key) {
            return Err(Fault::Python(PyTypeError::new_err(format!(
                "`{key}` is given both in the payload dict and as a keyword argument"
            ))));
        }
        path.push(PathSegment::Key(key.clone()));
        let value = convert::to_json(&value, path)?;
        path.pop();
        out.push((key, value));
    }
    Ok(())
}

/// The command's JSON text from the method's arguments: the action's `type`
/// first (the core then reads the payload as it streams), its fields in the
/// order given.
fn command_text(
    action: &str,
    at: &Bound<'_, PyAny>,
    actor: &Bound<'_, PyAny>,
    payload: Option<&Bound<'_, PyAny>>,
    fields: Option<&Bound<'_, PyDict>>,
) -> Result<String, Fault> {
    let mut path = vec![PathSegment::Key("action".to_owned())];
    let mut items: Vec<(String, Value)> = Vec::new();
    if let Some(payload) = payload.filter(|p| !p.is_none()) {
        payload_fields(payload, &mut path, &mut items)?;
    }
    if let Some(fields) = fields {
        payload_fields(fields.as_any(), &mut path, &mut items)?;
    }
    let mut action_text = String::with_capacity(256);
    action_text.push_str("{\"type\":");
    action_text.push_str(&Value::from(action).to_string());
    for (key, value) in &items {
        if key == "type" {
            if value.as_str() == Some(action) {
                continue;
            }
            path.push(PathSegment::Key("type".to_owned()));
            return Err(Fault::Input(convert::input_error(
                Code::IN04,
                &path,
                format!("le type de la commande est « {action} »"),
                format!("the command's type is `{action}`"),
            )));
        }
        action_text.push(',');
        action_text.push_str(&Value::from(key.as_str()).to_string());
        action_text.push(':');
        action_text.push_str(&value.to_string());
    }
    action_text.push('}');
    Ok(format!(
        "{{\"at\":{},\"actor\":{},\"action\":{action_text}}}",
        at_json(at)?,
        id_json(actor, "actor")?
    ))
}

/// A whole command given as a dict, `str` or `bytes`.
fn whole_command(py: Python<'_>, command: &Bound<'_, PyAny>) -> PyResult<Command> {
    let mapping = !command.is_instance_of::<PyString>() && command.cast::<pyo3::types::PyMapping>().is_ok();
    let text = if mapping {
        convert::to_json(command, &mut Vec::new())
            .map_err(|f| fault_to_err(py, f))?
            .to_string()
    } else {
        convert::source_text(command, ("la commande", "the command"))?.map_err(|v| violations_err(py, v))?
    };
    parse::<Command>(&text).map_err(|vs| errors::malformed(py, vs))
}

/// An id argument (`str` or `uuid.UUID`) as a core id; its errors are at
/// path `[name]`.
fn parse_id<T: serde::de::DeserializeOwned>(py: Python<'_>, id: &Bound<'_, PyAny>, name: &str) -> PyResult<T> {
    let value = id_json(id, name).map_err(|f| fault_to_err(py, f))?;
    parse::<T>(&value.to_string()).map_err(|vs| {
        let vs = vs.into_iter().map(|mut v| {
            v.path = gep_core::Path::root().key(name);
            v
        });
        errors::malformed(py, Violations(vs.collect()))
    })
}

fn gep_id(py: Python<'_>, id: &Bound<'_, PyAny>) -> PyResult<GepId> {
    parse_id(py, id, "gep_id")
}

/// Starts a GEP from a `propose` command.
pub fn start(py: Python<'_>, id: GepId, command: Command) -> PyResult<PyGep> {
    match errors::guard(py, || AnyGep::start(id, command))? {
        Ok(inner) => Ok(PyGep::new(inner)),
        Err(vs) => Err(errors::from_violations(py, vs)),
    }
}

/// `gep.start(gep_id, command)`: a GEP from a whole `propose` command.
#[pyfunction(name = "start")]
#[pyo3(signature = (gep_id, command, /))]
pub fn py_start(py: Python<'_>, gep_id: &Bound<'_, PyAny>, command: &Bound<'_, PyAny>) -> PyResult<PyGep> {
    let id = self::gep_id(py, gep_id)?;
    let command = whole_command(py, command)?;
    start(py, id, command)
}

/// `gep.propose(gep_id, at, actor, proposal=None, /, **fields)`.
#[pyfunction(name = "propose")]
#[pyo3(signature = (gep_id, at, actor, proposal = None, /, **fields))]
pub fn py_propose(
    py: Python<'_>,
    gep_id: &Bound<'_, PyAny>,
    at: &Bound<'_, PyAny>,
    actor: &Bound<'_, PyAny>,
    proposal: Option<&Bound<'_, PyAny>>,
    fields: Option<&Bound<'_, PyDict>>,
) -> PyResult<PyGep> {
    let id = self::gep_id(py, gep_id)?;
    let text = command_text("propose", at, actor, proposal, fields).map_err(|f| fault_to_err(py, f))?;
    let command = parse::<Command>(&text).map_err(|vs| errors::malformed(py, vs))?;
    start(py, id, command)
}

/// `gep.loads(data)`: loads a document from `str` or `bytes`.
#[pyfunction(name = "loads")]
#[pyo3(signature = (data, /))]
pub fn py_loads(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<PyGep> {
    let source = convert::source(data)?.map_err(|v| violations_err(py, v))?;
    let loaded = match source {
        Source::Text(text) => py.detach(|| errors::guard_detached(|| AnyGep::from_json(&text))),
        Source::Bytes(bytes) => py.detach(|| errors::guard_detached(|| AnyGep::from_slice(&bytes))),
    };
    match loaded {
        Ok(Ok(inner)) => Ok(PyGep::new(inner)),
        Ok(Err(vs)) => Err(errors::from_violations(py, vs)),
        Err(what) => Err(errors::internal(py, &what)),
    }
}

type Warnings = PyResult<Vec<PyViolation>>;

impl PyGep {
    fn new(inner: AnyGep) -> Self {
        PyGep {
            inner: Mutex::new(inner),
        }
    }

    /// The GEP inside, locked: for Rust code only, that runs no Python code
    /// while it holds the guard (see the module's documentation). A panic
    /// caught while it was held leaves the GEP as it was, so a poisoned lock
    /// is taken as it is.
    pub fn lock(&self) -> MutexGuard<'_, AnyGep> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn act(&self, py: Python<'_>, command: Command) -> PyResult<Vec<PyViolation>> {
        let applied = {
            let mut inner = self.lock();
            let kept = inner.warnings().len();
            let copy = inner.clone();
            errors::guard_detached(|| copy.apply(command)).map(|result| {
                result.map(|next| {
                    let new = next.warnings().get(kept..).unwrap_or_default().to_vec();
                    *inner = next;
                    new
                })
            })
        };
        match applied {
            Ok(Ok(new)) => Ok(new.into_iter().map(PyViolation::new).collect()),
            Ok(Err(refused)) => Err(errors::from_violations(py, refused.into_parts().1)),
            Err(what) => Err(errors::internal(py, &what)),
        }
    }

    fn command(
        &self,
        py: Python<'_>,
        action: &str,
        at: &Bound<'_, PyAny>,
        actor: &Bound<'_, PyAny>,
        payload: Option<&Bound<'_, PyAny>>,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Vec<PyViolation>> {
        let text = command_text(action, at, actor, payload, fields).map_err(|f| fault_to_err(py, f))?;
        let command = parse::<Command>(&text).map_err(|vs| errors::malformed(py, vs))?;
        self.act(py, command)
    }
}

type Arg<'a, 'py> = &'a Bound<'py, PyAny>;
type Payload<'a, 'py> = Option<&'a Bound<'py, PyAny>>;

// The lifecycle: each method takes `at`, `actor`, then the payload as a dict
// and/or keyword arguments (`schemas/command.schema.json`), and returns the
// warnings the command raised.
#[pymethods]
impl PyGep {
    /// The coordination team validates the setup and theme.
    #[pyo3(signature = (at, actor, payload = None, /, **fields))]
    fn validate(
        &self,
        py: Python<'_>,
        at: Arg,
        actor: Arg,
        payload: Payload,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> Warnings {
        self.command(py, "validate", at, actor, payload, fields)
    }

    /// The coordination team declines the proposal.
    #[pyo3(signature = (at, actor, payload = None, /, **fields))]
    fn decline(
        &self,
        py: Python<'_>,
        at: Arg,
        actor: Arg,
        payload: Payload,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> Warnings {
        self.command(py, "decline", at, actor, payload, fields)
    }

    /// The organiser announces the GEP.
    #[pyo3(signature = (at, actor, payload = None, /, **fields))]
    fn announce(
        &self,
        py: Python<'_>,
        at: Arg,
        actor: Arg,
        payload: Payload,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> Warnings {
        self.command(py, "announce", at, actor, payload, fields)
    }

    /// The organiser or the coordination team cancels the GEP.
    #[pyo3(signature = (at, actor, payload = None, /, **fields))]
    fn cancel(
        &self,
        py: Python<'_>,
        at: Arg,
        actor: Arg,
        payload: Payload,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> Warnings {
        self.command(py, "cancel", at, actor, payload, fields)
    }

    /// Someone registers.
    #[pyo3(signature = (at, actor, payload = None, /, **fields))]
    fn register(
        &self,
        py: Python<'_>,
        at: Arg,
        actor: Arg,
        payload: Payload,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> Warnings {
        self.command(py, "register", at, actor, payload, fields)
    }

    /// A registrant withdraws; the first waiting is admitted.
    #[pyo3(signature = (at, actor, payload = None, /, **fields))]
    fn withdraw(
        &self,
        py: Python<'_>,
        at: Arg,
        actor: Arg,
        payload: Payload,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> Warnings {
        self.command(py, "withdraw", at, actor, payload, fields)
    }

    /// A facilitator records the session.
    #[pyo3(signature = (at, actor, payload = None, /, **fields))]
    fn hold(
        &self,
        py: Python<'_>,
        at: Arg,
        actor: Arg,
        payload: Payload,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> Warnings {
        self.command(py, "hold", at, actor, payload, fields)
    }

    /// A facilitator submits the report.
    #[pyo3(signature = (at, actor, payload = None, /, **fields))]
    fn report(
        &self,
        py: Python<'_>,
        at: Arg,
        actor: Arg,
        payload: Payload,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> Warnings {
        self.command(py, "report", at, actor, payload, fields)
    }

    /// An attendee validates the current revision of the report.
    #[pyo3(signature = (at, actor, payload = None, /, **fields))]
    fn validate_report(
        &self,
        py: Python<'_>,
        at: Arg,
        actor: Arg,
        payload: Payload,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> Warnings {
        self.command(py, "validate_report", at, actor, payload, fields)
    }

    /// An attendee objects to the current revision of the report.
    #[pyo3(signature = (at, actor, payload = None, /, **fields))]
    fn object_to_report(
        &self,
        py: Python<'_>,
        at: Arg,
        actor: Arg,
        payload: Payload,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> Warnings {
        self.command(py, "object_to_report", at, actor, payload, fields)
    }

    /// A facilitator revises the report.
    #[pyo3(signature = (at, actor, payload = None, /, **fields))]
    fn revise(
        &self,
        py: Python<'_>,
        at: Arg,
        actor: Arg,
        payload: Payload,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> Warnings {
        self.command(py, "revise", at, actor, payload, fields)
    }

    /// The report is approved for transmission to the IC.
    #[pyo3(signature = (at, actor, payload = None, /, **fields))]
    fn approve(
        &self,
        py: Python<'_>,
        at: Arg,
        actor: Arg,
        payload: Payload,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> Warnings {
        self.command(py, "approve", at, actor, payload, fields)
    }

    /// A facilitator asks the IC for support.
    #[pyo3(signature = (at, actor, payload = None, /, **fields))]
    fn request_support(
        &self,
        py: Python<'_>,
        at: Arg,
        actor: Arg,
        payload: Payload,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> Warnings {
        self.command(py, "request_support", at, actor, payload, fields)
    }

    /// The actor agrees that their contact details go on the contact list.
    #[pyo3(signature = (at, actor, payload = None, /, **fields))]
    fn give_consent(
        &self,
        py: Python<'_>,
        at: Arg,
        actor: Arg,
        payload: Payload,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> Warnings {
        self.command(py, "give_consent", at, actor, payload, fields)
    }

    /// The actor withdraws that agreement.
    #[pyo3(signature = (at, actor, payload = None, /, **fields))]
    fn withdraw_consent(
        &self,
        py: Python<'_>,
        at: Arg,
        actor: Arg,
        payload: Payload,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> Warnings {
        self.command(py, "withdraw_consent", at, actor, payload, fields)
    }

    /// Purges the personal data the IC record does not need, once approved.
    #[pyo3(signature = (at, actor, payload = None, /, **fields))]
    fn purge_personal_data(
        &self,
        py: Python<'_>,
        at: Arg,
        actor: Arg,
        payload: Payload,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> Warnings {
        self.command(py, "purge_personal_data", at, actor, payload, fields)
    }
    /// `Gep.propose(gep_id, at, actor, proposal=None, /, **fields)`.
    #[classmethod]
    #[pyo3(name = "propose", signature = (gep_id, at, actor, proposal = None, /, **fields))]
    fn class_propose(
        _cls: &Bound<'_, pyo3::types::PyType>,
        py: Python<'_>,
        gep_id: &Bound<'_, PyAny>,
        at: &Bound<'_, PyAny>,
        actor: &Bound<'_, PyAny>,
        proposal: Option<&Bound<'_, PyAny>>,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<PyGep> {
        py_propose(py, gep_id, at, actor, proposal, fields)
    }

    /// `Gep.loads(data)`, as `gep.loads`.
    #[classmethod]
    #[pyo3(name = "loads", signature = (data, /))]
    fn class_loads(_cls: &Bound<'_, pyo3::types::PyType>, py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<PyGep> {
        py_loads(py, data)
    }

    /// Applies a whole command (`{"at": …, "actor": …, "action": {"type":
    /// …}}`) given as a dict, `str` or `bytes`; returns its warnings.
    #[pyo3(signature = (command, /))]
    fn apply(&self, py: Python<'_>, command: &Bound<'_, PyAny>) -> PyResult<Vec<PyViolation>> {
        let command = whole_command(py, command)?;
        self.act(py, command)
    }

    /// The state's name, e.g. `"announced"`.
    #[getter]
    fn state(&self) -> &'static str {
        self.lock().state().as_str()
    }

    /// The GEP's id.
    #[getter]
    fn id(&self) -> String {
        self.lock().id().to_string()
    }

    /// The organiser's id.
    #[getter]
    fn organiser(&self) -> String {
        self.lock().organiser().to_string()
    }

    /// Every warning kept so far.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let warnings = self.lock().warnings().to_vec();
        errors::violations_to_py(py, &warnings)
    }

    /// The event log, oldest first.
    #[getter]
    fn log(&self) -> Vec<PyLogEntry> {
        self.lock()
            .log()
            .iter()
            .map(|entry| PyLogEntry { entry: entry.clone() })
            .collect()
    }

    /// When the last event happened.
    #[getter]
    fn last_event_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let at = self.lock().last_at();
        convert::timestamp_to_py(py, &at)
    }

    /// The current state for display, as in `schemas/snapshot.schema.json`
    /// (JSON shapes: timestamps are RFC 3339 strings).
    fn snapshot<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let snapshot = errors::guard(py, || self.lock().snapshot())?;
        convert::serialise_to_py(py, &snapshot)
    }

    /// The IC record (OR08) of an approved GEP, as in the IC record's JSON
    /// Schema: dates, place, theme, the participants' names and the
    /// anonymised synthesis, and nothing else. `CharterViolation` (OR08)
    /// before the GEP is approved.
    fn ic_record<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match errors::guard(py, || self.lock().ic_record())? {
            Ok(record) => convert::serialise_to_py(py, &record),
            Err(vs) => Err(errors::from_violations(py, vs)),
        }
    }

    /// The contact list (DE10) for `requester`, an attendee: the attendees
    /// who consented (`person`, `given_name`, `family_name`, `email`).
    /// `CharterViolation` (DE10) before the GEP is held, for someone who did
    /// not attend, and once the personal data were purged.
    #[pyo3(signature = (requester, /))]
    fn contact_list<'py>(&self, py: Python<'py>, requester: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let requester: PersonId = parse_id(py, requester, "requester")?;
        match errors::guard(py, || self.lock().contact_list(requester))? {
            Ok(list) => convert::serialise_to_py(py, &list),
            Err(vs) => Err(errors::from_violations(py, vs)),
        }
    }

    /// The document (the event log as JSON); `pretty` indents it.
    #[pyo3(signature = (*, pretty = false))]
    fn dumps(&self, pretty: bool) -> String {
        let inner = self.lock();
        if pretty {
            inner.to_json_pretty()
        } else {
            inner.to_json()
        }
    }

    /// A copy, independent of this one.
    fn copy(&self) -> PyGep {
        PyGep::new(self.lock().clone())
    }

    fn __copy__(&self) -> PyGep {
        self.copy()
    }

    #[pyo3(signature = (_memo, /))]
    fn __deepcopy__(&self, _memo: &Bound<'_, PyAny>) -> PyGep {
        self.copy()
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let loads = py.import("gep")?.getattr("loads")?;
        let json = self.lock().to_json();
        Ok((loads, PyTuple::new(py, [json])?))
    }

    fn __richcmp__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let Ok(other) = other.cast::<PyGep>() else {
            return Ok(py.NotImplemented());
        };
        // One lock at a time: the other GEP is copied out of its own first.
        let equal = slf.is(other) || {
            let theirs = other.get().lock().clone();
            *slf.get().lock() == theirs
        };
        match op {
            CompareOp::Eq => Ok(equal.into_pyobject(py)?.to_owned().into_any().unbind()),
            CompareOp::Ne => Ok((!equal).into_pyobject(py)?.to_owned().into_any().unbind()),
            _ => Ok(py.NotImplemented()),
        }
    }

    fn __repr__(&self) -> String {
        let inner = self.lock();
        format!(
            "<gep.Gep {} {} ({} events)>",
            inner.id(),
            inner.state().as_str(),
            inner.log().len()
        )
    }
}

#[pymethods]
impl PyLogEntry {
    /// When.
    #[getter]
    fn at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::timestamp_to_py(py, &self.entry.at)
    }

    /// Who.
    #[getter]
    fn actor(&self) -> String {
        self.entry.actor.to_string()
    }

    /// The event's name, e.g. `"registered"`.
    #[getter]
    #[pyo3(name = "type")]
    fn event_type(&self) -> &'static str {
        self.entry.event.name()
    }

    /// The event, as in the document (with its `type`).
    #[getter]
    fn event<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialise_to_py(py, &self.entry.event)
    }

    /// The entry as in the document.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialise_to_py(py, &self.entry)
    }

    fn __repr__(&self) -> String {
        format!(
            "<gep.LogEntry {} {} by {}>",
            self.entry.at,
            self.entry.event.name(),
            self.entry.actor
        )
    }
}
