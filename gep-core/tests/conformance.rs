//! Runs every conformance vector of `tests/vectors/` (see `tests/README.md`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::BTreeMap;
use std::path::{Path as FsPath, PathBuf};

use gep_core::{AnyGep, Command, GepId, PersonId, Severity, Violation, Violations};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Vector {
    name: String,
    rules: Vec<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    given: Option<String>,
    #[serde(default)]
    gep_id: Option<GepId>,
    #[serde(default)]
    commands: Vec<Value>,
    #[serde(default)]
    document: Option<Value>,
    #[serde(default)]
    document_text: Option<String>,
    #[serde(default)]
    export: Option<Export>,
    expect: Expect,
}

/// An export run after the commands (or the document).
#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
enum Export {
    ContactList { requester: PersonId },
    IcRecord {},
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
struct Expect {
    state: Option<String>,
    violations: Vec<String>,
    warnings: Vec<String>,
    #[serde(default)]
    paths: Option<Vec<Value>>,
    #[serde(default)]
    export: Option<Value>,
}

fn root() -> PathBuf {
    FsPath::new(env!("CARGO_MANIFEST_DIR")).join("..").join("tests")
}

fn default_id() -> GepId {
    "6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11".parse().unwrap()
}

fn codes<'a>(vs: impl Iterator<Item = &'a Violation>) -> Vec<String> {
    let mut out: Vec<String> = vs.map(|v| v.code.as_str().to_owned()).collect();
    out.sort();
    out
}

fn paths(vs: &Violations) -> Vec<Value> {
    let mut out: Vec<Value> = vs.errors().map(|v| serde_json::to_value(&v.path).unwrap()).collect();
    out.sort_by_key(|p| p.to_string());
    out
}

/// Runs one vector; returns what happened, in the shape of `expect`.
fn run(vector: &Vector, fixtures: &BTreeMap<String, Vec<Value>>) -> Result<Expect, String> {
    let id = vector.gep_id.unwrap_or_else(default_id);
    if let Some(text) = vector
        .document_text
        .clone()
        .or_else(|| vector.document.as_ref().map(|d| d.to_string()))
    {
        return match AnyGep::from_json(&text) {
            Ok(gep) => {
                check_round_trip(&gep)?;
                Ok(accepted(&gep, vector.export.as_ref()))
            }
            Err(vs) if vector.export.is_none() => Ok(Expect {
                state: None,
                violations: codes(vs.errors()),
                warnings: codes(vs.as_slice().iter().filter(|v| v.severity == Severity::Warning)),
                paths: Some(paths(&vs)),
                export: None,
            }),
            Err(vs) => Err(format!("the document of an export vector does not load: {vs}")),
        };
    }
    let mut commands: Vec<(bool, Value)> = Vec::new();
    if let Some(given) = &vector.given {
        let fixture = fixtures.get(given).ok_or_else(|| format!("no fixture `{given}`"))?;
        commands.extend(fixture.iter().map(|c| (true, c.clone())));
    }
    commands.extend(vector.commands.iter().map(|c| (false, c.clone())));
    let total = commands.len();
    let mut gep: Option<AnyGep> = None;
    for (i, (from_fixture, raw)) in commands.into_iter().enumerate() {
        let last = i + 1 == total;
        let command: Command = match gep_core::document::parse(&raw.to_string()) {
            Ok(c) => c,
            Err(vs) => {
                if !last || from_fixture || vector.export.is_some() {
                    return Err(format!("command {i} does not parse: {vs}"));
                }
                return Ok(refusal(gep.as_ref(), &vs));
            }
        };
        let result = match gep.take() {
            None => AnyGep::start(id, command).map_err(|vs| (None, vs)),
            Some(g) => {
                let before = g.to_json();
                g.apply(command).map_err(|r| {
                    let (g, vs) = r.into_parts();
                    (Some((before, g)), vs)
                })
            }
        };
        match result {
            Ok(next) => gep = Some(next),
            Err((back, vs)) => {
                if !last || from_fixture || vector.export.is_some() {
                    return Err(format!("command {i} refused before the end: {vs}"));
                }
                if let Some((before, g)) = back {
                    if g.to_json() != before {
                        return Err("a refused command changed the document".into());
                    }
                    gep = Some(g);
                }
                return Ok(refusal(gep.as_ref(), &vs));
            }
        }
    }
    let gep = gep.ok_or("no command")?;
    check_round_trip(&gep)?;
    Ok(accepted(&gep, vector.export.as_ref()))
}

/// What an accepted run gives, with its export if any: the export's errors
/// are the vector's violations, its value the vector's `export`.
fn accepted(gep: &AnyGep, export: Option<&Export>) -> Expect {
    let result = match export {
        None => Ok(None),
        Some(Export::ContactList { requester }) => gep
            .contact_list(*requester)
            .map(|list| Some(serde_json::to_value(list).unwrap())),
        Some(Export::IcRecord {}) => gep.ic_record().map(|r| Some(serde_json::to_value(r).unwrap())),
    };
    let (violations, paths, export) = match result {
        Ok(value) => (vec![], vec![], value),
        Err(vs) => (codes(vs.errors()), self::paths(&vs), None),
    };
    Expect {
        state: Some(gep.state().as_str().to_owned()),
        violations,
        warnings: codes(gep.warnings().iter()),
        paths: Some(paths),
        export,
    }
}

fn refusal(gep: Option<&AnyGep>, vs: &Violations) -> Expect {
    let mut warnings: Vec<String> = gep.map(|g| codes(g.warnings().iter())).unwrap_or_default();
    warnings.extend(codes(vs.as_slice().iter().filter(|v| v.severity == Severity::Warning)));
    warnings.sort();
    Expect {
        state: gep.map(|g| g.state().as_str().to_owned()),
        violations: codes(vs.errors()),
        warnings,
        paths: Some(paths(vs)),
        export: None,
    }
}

fn check_round_trip(gep: &AnyGep) -> Result<(), String> {
    let saved = gep.to_json();
    let loaded = AnyGep::from_json(&saved).map_err(|vs| format!("saved document does not load: {vs}"))?;
    if &loaded != gep {
        return Err("load(save(gep)) differs from gep".into());
    }
    if loaded.to_json() != saved {
        return Err("second save differs from the first".into());
    }
    Ok(())
}

fn load_dir(dir: &FsPath) -> Vec<(PathBuf, Value)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, value)
        })
        .collect()
}

#[test]
fn conformance_vectors() {
    let fixtures: BTreeMap<String, Vec<Value>> = load_dir(&root().join("fixtures"))
        .into_iter()
        .map(|(p, v)| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, serde_json::from_value(v).unwrap())
        })
        .collect();
    let mut failures = Vec::new();
    let mut count = 0;
    let mut names = std::collections::BTreeSet::new();
    for (path, value) in load_dir(&root().join("vectors")) {
        let vectors: Vec<Vector> =
            serde_json::from_value(value).unwrap_or_else(|e| panic!("{}: not a list of vectors: {e}", path.display()));
        for vector in vectors {
            count += 1;
            let _ = &vector.description;
            assert!(
                names.insert(vector.name.clone()),
                "duplicate vector name `{}`",
                vector.name
            );
            for code in &vector.rules {
                assert!(
                    code.parse::<gep_core::Code>().is_ok(),
                    "{}: unknown code {code}",
                    vector.name
                );
            }
            let mut expect = vector.expect.clone_shape();
            match run(&vector, &fixtures) {
                Err(e) => failures.push(format!("{} ({}): {e}", vector.name, path.display())),
                Ok(mut got) => {
                    expect.violations.sort();
                    expect.warnings.sort();
                    if let Some(p) = expect.paths.as_mut() {
                        p.sort_by_key(|p| p.to_string());
                    } else {
                        got.paths = None;
                    }
                    if expect.export.is_none() {
                        got.export = None;
                    }
                    if got != expect {
                        failures.push(format!(
                            "{} ({}):\n  expected {:?}\n  got      {:?}",
                            vector.name,
                            path.display(),
                            expect,
                            got
                        ));
                    }
                }
            }
        }
    }
    assert!(count > 0, "no vectors found");
    assert!(
        failures.is_empty(),
        "{} of {count} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    println!("{count} conformance vectors passed");
}

impl Expect {
    fn clone_shape(&self) -> Expect {
        Expect {
            state: self.state.clone(),
            violations: self.violations.clone(),
            warnings: self.warnings.clone(),
            paths: self.paths.clone(),
            export: self.export.clone(),
        }
    }
}

/// Codes that this version does not produce yet.
const NOT_PRODUCED_YET: &[&str] = &[];

/// IN09 needs a document past the size limit: a unit test covers it rather
/// than a 16 MiB vector.
const COVERED_ELSEWHERE: &[&str] = &["IN09"];

#[test]
fn every_code_has_a_breaking_and_a_passing_vector() {
    let mut breaks = std::collections::BTreeSet::new();
    let mut passes = std::collections::BTreeSet::new();
    for (_, value) in load_dir(&root().join("vectors")) {
        let vectors: Vec<Vector> = serde_json::from_value(value).unwrap();
        for v in vectors {
            let hit: Vec<&String> = v.expect.violations.iter().chain(&v.expect.warnings).collect();
            for code in v.rules {
                if hit.contains(&&code) {
                    breaks.insert(code);
                } else {
                    passes.insert(code);
                }
            }
        }
    }
    let mut missing = Vec::new();
    for code in gep_core::Code::ALL {
        let name = code.as_str();
        if code.default_severity() == gep_core::RuleSeverity::Informative
            || NOT_PRODUCED_YET.contains(&name)
            || COVERED_ELSEWHERE.contains(&name)
        {
            continue;
        }
        if !breaks.contains(name) {
            missing.push(format!("{name}: no breaking vector"));
        }
        if !passes.contains(name) {
            missing.push(format!("{name}: no passing vector"));
        }
    }
    assert!(missing.is_empty(), "coverage gaps:\n{}", missing.join("\n"));
}
