//! Prints one JSON Schema that holds every type the JavaScript API takes or
//! gives, each under its TypeScript name in `$defs`, generated from the Rust
//! types. `build.sh` turns it into TypeScript declarations with
//! `json-schema-to-typescript`, so that no type is written by hand.
//!
//! ```text
//! cargo run -p gep-wasm --example api_schema > api.schema.json
//! ```

use gep_core::ffi::{Answer, FormCheck, PlanAnswer, Reply, RuleInfo};
use gep_core::model::Proposal;
use gep_core::planner::PlanRequest;
use gep_core::privacy::{Contact, Finding, IcRecord, Placeholders, RosterEntry};
use gep_core::{Command, Document, Registration, Snapshot, State, Violation};
use schemars::generate::{SchemaGenerator, SchemaSettings};
use schemars::{JsonSchema, Schema};
use serde_json::{Map, Value, json};

/// The bundle under construction: the generator, and the names given.
struct Bundle {
    generator: SchemaGenerator,
    names: Vec<(&'static str, Schema)>,
}

impl Bundle {
    fn add<T: JsonSchema>(&mut self, name: &'static str) -> &mut Self {
        let schema = self.generator.subschema_for::<T>();
        self.names.push((name, schema));
        self
    }

    /// Every named type in `$defs` under its name, the rest under schemars'
    /// names; a root object with one property per name, so that every type
    /// is declared.
    fn finish(mut self) -> Value {
        let mut defs: Map<String, Value> = self.generator.take_definitions(true);
        let mut renames = Vec::new();
        for (name, schema) in &self.names {
            let value = schema.as_value().clone();
            let target = value
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/$defs/"));
            match target.map(str::to_owned) {
                Some(old) if old != *name => {
                    if let Some(def) = defs.remove(&old) {
                        defs.insert((*name).to_owned(), def);
                    }
                    renames.push((format!("#/$defs/{old}"), format!("#/$defs/{name}")));
                }
                Some(_) => {}
                None => {
                    defs.insert((*name).to_owned(), value);
                }
            }
        }
        let properties: Map<String, Value> = self
            .names
            .iter()
            .map(|(name, _)| ((*name).to_owned(), json!({"$ref": format!("#/$defs/{name}")})))
            .collect();
        let required: Vec<&str> = self.names.iter().map(|(name, _)| *name).collect();
        let mut root = json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "ApiTypes",
            "description": "Every type of the gep-wasm API, by name (generated from the Rust types).",
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": false,
            "$defs": defs,
        });
        rename_refs(&mut root, &renames);
        wrap_refs(&mut root);
        root
    }
}

/// `{"$ref": X, "description": …}` becomes `{"allOf": [{"$ref": X}],
/// "description": …}`: json-schema-to-typescript declares a new type for
/// each `$ref` with siblings, and one for each `allOf` only once.
fn wrap_refs(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.len() > 1
                && let Some(reference) = map.remove("$ref")
            {
                map.insert("allOf".to_owned(), json!([{ "$ref": reference }]));
            }
            map.values_mut().for_each(wrap_refs);
        }
        Value::Array(items) => items.iter_mut().for_each(wrap_refs),
        _ => {}
    }
}

fn rename_refs(value: &mut Value, renames: &[(String, String)]) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    Value::String(s) if key == "$ref" => {
                        if let Some((_, new)) = renames.iter().find(|(old, _)| old == s) {
                            *s = new.clone();
                        }
                    }
                    other => rename_refs(other, renames),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| rename_refs(v, renames)),
        _ => {}
    }
}

fn main() {
    let mut bundle = Bundle {
        generator: SchemaSettings::draft2020_12().into_generator(),
        names: Vec::new(),
    };
    bundle
        .add::<Answer>("Answer")
        .add::<Document>("Document")
        .add::<Command>("Command")
        .add::<Snapshot>("Snapshot")
        .add::<State>("State")
        .add::<Violation>("Violation")
        .add::<Proposal>("Proposal")
        .add::<Registration>("Registration")
        .add::<Reply<FormCheck>>("FormReply")
        .add::<Vec<RuleInfo>>("Rules")
        .add::<RosterEntry>("RosterEntry")
        .add::<Placeholders>("Placeholders")
        .add::<Reply<Vec<Finding>>>("ScanReply")
        .add::<Reply<String>>("RedactReply")
        .add::<Reply<Vec<Contact>>>("ContactListReply")
        .add::<Reply<IcRecord>>("IcRecordReply")
        .add::<PlanRequest>("PlanRequest")
        .add::<PlanAnswer>("PlanAnswer");
    let schema = bundle.finish();
    println!("{}", serde_json::to_string_pretty(&schema).unwrap_or_default());
}
