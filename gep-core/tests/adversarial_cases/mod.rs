//! The adversarial cases of `tests/adversarial/` (see `tests/README.md`,
//! "Adversarial cases"), as the Rust runners read them: `adversarial.rs` and
//! `nothing_lost.rs`.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path as FsPath, PathBuf};

use gep_core::{AnyGep, Command};
use serde::Deserialize;
use serde_json::Value;

pub const DEFAULT_ID: &str = "6f1c2b9e-0d7a-4c1e-9a53-2f4b8c0e7d11";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    #[serde(default)]
    pub about: Option<String>,
    pub entry: Entry,
    #[serde(default)]
    pub given: Option<String>,
    #[serde(default)]
    pub given_document: Option<Input>,
    #[serde(default)]
    pub gep_id: Option<String>,
    #[serde(default)]
    pub roster: Option<Value>,
    #[serde(default)]
    pub placeholders: Option<Value>,
    #[serde(default)]
    pub awaits: Option<String>,
    pub input: Input,
    pub expect: Expect,
}

#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Entry {
    Load,
    Start,
    Apply,
    Scan,
    Redact,
    Plan,
}

/// Inline text, or a generator: parts concatenated, each a text or a
/// repetition (`{n}` in it becomes the index, from `start`, as 12 digits).
#[derive(Deserialize)]
#[serde(untagged)]
pub enum Input {
    Text(String),
    Parts { parts: Vec<Part> },
}

#[derive(Deserialize)]
#[serde(untagged)]
pub enum Part {
    Text(String),
    Repeat {
        repeat: String,
        count: usize,
        #[serde(default)]
        start: usize,
        #[serde(default)]
        separator: String,
    },
}

impl Input {
    pub fn expand(&self) -> String {
        match self {
            Input::Text(t) => t.clone(),
            Input::Parts { parts } => {
                let mut out = String::new();
                for part in parts {
                    match part {
                        Part::Text(t) => out.push_str(t),
                        Part::Repeat {
                            repeat,
                            count,
                            start,
                            separator,
                        } => {
                            let indexed = repeat.contains("{n}");
                            for k in 0..*count {
                                if k > 0 {
                                    out.push_str(separator);
                                }
                                if indexed {
                                    out.push_str(&repeat.replace("{n}", &format!("{:012}", start + k)));
                                } else {
                                    out.push_str(repeat);
                                }
                            }
                        }
                    }
                }
                out
            }
        }
    }
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    pub status: String,
    pub violations: Vec<String>,
    #[serde(default)]
    pub paths: Option<Vec<Value>>,
    #[serde(default)]
    pub state: Option<String>,
    #[serde(default)]
    pub findings: Option<usize>,
}

pub fn tests_dir() -> PathBuf {
    FsPath::new(env!("CARGO_MANIFEST_DIR")).join("..").join("tests")
}

pub fn fixtures() -> BTreeMap<String, Vec<Value>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(tests_dir().join("fixtures")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let commands: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        out.insert(name, commands);
    }
    out
}

/// The GEP of a fixture, built command by command.
pub fn fixture_gep(commands: &[Value]) -> AnyGep {
    let parse = |c: &Value| -> Command { gep_core::document::parse(&c.to_string()).unwrap() };
    let mut gep = AnyGep::start(DEFAULT_ID.parse().unwrap(), parse(&commands[0])).unwrap();
    for c in &commands[1..] {
        gep = gep.apply(parse(c)).unwrap();
    }
    gep
}

pub fn cases() -> Vec<(String, Case)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(tests_dir().join("adversarial"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let cases: Vec<Case> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not a list of cases: {e}", path.display()));
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        out.extend(cases.into_iter().map(|c| (file.clone(), c)));
    }
    out
}

/// The document a case's command applies to.
pub fn given_document(case: &Case, fixtures: &BTreeMap<String, Vec<Value>>) -> String {
    if let Some(doc) = &case.given_document {
        return doc.expand();
    }
    let name = case
        .given
        .as_deref()
        .expect("an apply case names `given` or `given_document`");
    fixture_gep(fixtures.get(name).unwrap_or_else(|| panic!("no fixture `{name}`"))).to_json()
}
