//! The plan for the day: each person's itinerary and each table's list per
//! round, in Markdown and CSV, and the rounds to record at `hold`.

use std::fmt::Write as _;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::plan::Plan;
use super::request::{Method, PlanRequest};
use crate::model::Round;

/// The language of the day's sheets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// French.
    #[default]
    Fr,
    /// English.
    En,
}

impl Language {
    fn pick(self, fr: &'static str, en: &'static str) -> &'static str {
        match self {
            Language::Fr => fr,
            Language::En => en,
        }
    }
}

/// Where one person sits, round by round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Itinerary {
    /// The person, as an index into the request's attendees.
    pub person: usize,
    /// Their table in each round (from 0).
    pub tables: Vec<usize>,
}

/// What someone does at a table in a round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Guest,
    Host,
    Ambassador,
}

impl Plan {
    /// The table of `person` (an attendee index) in each round, or `None`
    /// if they are not seated.
    pub fn itinerary(&self, person: usize) -> Option<Vec<usize>> {
        self.rounds
            .iter()
            .map(|round| round.iter().position(|table| table.contains(&person)))
            .collect()
    }

    /// Every seated person's itinerary, in the request's order.
    pub fn itineraries(&self) -> Vec<Itinerary> {
        let mut tables: Vec<Option<Vec<usize>>> = Vec::new();
        for (r, round) in self.rounds.iter().enumerate() {
            for (t, table) in round.iter().enumerate() {
                for &p in table {
                    if tables.len() <= p {
                        tables.resize(p + 1, None);
                    }
                    if let Some(slot) = tables.get_mut(p) {
                        let list = slot.get_or_insert_with(|| vec![0; self.rounds.len()]);
                        if let Some(x) = list.get_mut(r) {
                            *x = t;
                        }
                    }
                }
            }
        }
        tables
            .into_iter()
            .enumerate()
            .filter_map(|(person, tables)| tables.map(|tables| Itinerary { person, tables }))
            .collect()
    }

    /// The rounds to record as the session's subgroups at `hold`
    /// ([`SessionRecord::rounds`](crate::model::SessionRecord::rounds)),
    /// with the ids of the request the plan was made from.
    pub fn to_rounds(&self, request: &PlanRequest) -> Vec<Round> {
        self.rounds
            .iter()
            .map(|round| Round {
                method: Some(self.method.as_str().to_owned()),
                subgroups: round
                    .iter()
                    .map(|table| {
                        table
                            .iter()
                            .filter_map(|&p| request.attendees.get(p).map(|a| a.id))
                            .collect()
                    })
                    .collect(),
            })
            .collect()
    }

    fn part(&self, round: usize, table: usize, person: usize) -> Part {
        if self.method == Method::WorldCafe && self.hosts.get(table) == Some(&person) {
            Part::Host
        } else if self
            .ambassadors
            .iter()
            .any(|t| t.round == round && t.person == person && t.to == table)
        {
            Part::Ambassador
        } else {
            Part::Guest
        }
    }

    fn part_label(part: Part, lang: Language) -> &'static str {
        match part {
            Part::Guest => "",
            Part::Host => lang.pick("hôte", "host"),
            Part::Ambassador => lang.pick("ambassadeur", "ambassador"),
        }
    }

    /// Each person's itinerary as a Markdown table: one row a person, one
    /// column a round; facilitators left out have a dash.
    pub fn itineraries_markdown(&self, request: &PlanRequest, lang: Language) -> String {
        let mut out = String::new();
        let round_word = lang.pick("Tour", "Round");
        let _ = write!(out, "| {} |", lang.pick("Personne", "Person"));
        for r in 0..self.rounds.len() {
            let _ = write!(out, " {round_word} {} |", r + 1);
        }
        out.push_str("\n|---|");
        out.push_str(&"---|".repeat(self.rounds.len()));
        out.push('\n');
        let itineraries = self.itineraries();
        for p in 0..request.attendees.len() {
            let _ = write!(out, "| {} |", markdown_cell(&label(request, p)));
            match itineraries.iter().find(|i| i.person == p) {
                Some(it) => {
                    for (r, &t) in it.tables.iter().enumerate() {
                        let part = Self::part_label(self.part(r, t, p), lang);
                        let _ = if part.is_empty() {
                            write!(out, " Table {} |", t + 1)
                        } else {
                            write!(out, " Table {} ({part}) |", t + 1)
                        };
                    }
                }
                None => out.push_str(&" — |".repeat(self.rounds.len())),
            }
            out.push('\n');
        }
        out
    }

    /// Each table's list, round by round, in Markdown.
    pub fn tables_markdown(&self, request: &PlanRequest, lang: Language) -> String {
        let mut out = String::new();
        for (r, round) in self.rounds.iter().enumerate() {
            let _ = writeln!(out, "### {} {}\n", lang.pick("Tour", "Round"), r + 1);
            let _ = writeln!(out, "| Table | {} |\n|---|---|", lang.pick("Personnes", "People"));
            for (t, table) in round.iter().enumerate() {
                let people: Vec<String> = table
                    .iter()
                    .map(|&p| {
                        let name = markdown_cell(&label(request, p));
                        match Self::part_label(self.part(r, t, p), lang) {
                            "" => name,
                            part => format!("{name} ({part})"),
                        }
                    })
                    .collect();
                let _ = writeln!(out, "| {} | {} |", t + 1, people.join(", "));
            }
            out.push('\n');
        }
        out
    }

    /// The whole plan for the day in Markdown: the measures, the tables
    /// round by round, the itineraries.
    pub fn to_markdown(&self, request: &PlanRequest, lang: Language) -> String {
        let m = &self.measures;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "## {} ({})\n",
            lang.pick("Plan de tables", "Table plan"),
            self.method.as_str()
        );
        let sizes: Vec<String> = self.table_sizes.iter().map(ToString::to_string).collect();
        let _ = writeln!(out, "- {} : {}", lang.pick("Tables", "Tables"), sizes.join(", "));
        let _ = writeln!(
            out,
            "- {} : {} ({} {})",
            lang.pick("Rencontres répétées", "Repeated meetings"),
            m.repeats,
            lang.pick("minimum possible", "lowest possible"),
            m.lower_bound
        );
        let _ = writeln!(
            out,
            "- {} : {}",
            lang.pick("Rencontres au plus d'une paire", "Most meetings of a pair"),
            m.max_meetings
        );
        let _ = writeln!(
            out,
            "- {} : {}\n",
            lang.pick("Collègues à une même table", "Colleagues at one table"),
            m.org_clashes
        );
        for w in &self.warnings {
            let message = match lang {
                Language::Fr => &w.message_fr,
                Language::En => &w.message_en,
            };
            let _ = writeln!(out, "> {} : {message}\n", w.code);
        }
        out.push_str(&self.tables_markdown(request, lang));
        let _ = writeln!(out, "### {}\n", lang.pick("Itinéraires", "Itineraries"));
        out.push_str(&self.itineraries_markdown(request, lang));
        out
    }

    /// Each person's itinerary as CSV: `person_id,name,round_1,…` with
    /// tables counted from 1 (empty for a facilitator left out).
    pub fn itineraries_csv(&self, request: &PlanRequest) -> String {
        let mut out = String::from("person_id,name");
        for r in 0..self.rounds.len() {
            let _ = write!(out, ",round_{}", r + 1);
        }
        out.push('\n');
        let itineraries = self.itineraries();
        for (p, attendee) in request.attendees.iter().enumerate() {
            let _ = write!(
                out,
                "{},{}",
                attendee.id,
                csv_field(attendee.name.as_deref().unwrap_or(""))
            );
            match itineraries.iter().find(|i| i.person == p) {
                Some(it) => it.tables.iter().for_each(|t| {
                    let _ = write!(out, ",{}", t + 1);
                }),
                None => out.push_str(&",".repeat(self.rounds.len())),
            }
            out.push('\n');
        }
        out
    }

    /// Each table's list as CSV, one line a seat: `round,table,person_id,
    /// name,part`, rounds and tables counted from 1, `part` being `host`,
    /// `ambassador` or empty.
    pub fn tables_csv(&self, request: &PlanRequest) -> String {
        let mut out = String::from("round,table,person_id,name,part\n");
        for (r, round) in self.rounds.iter().enumerate() {
            for (t, table) in round.iter().enumerate() {
                for &p in table {
                    let attendee = request.attendees.get(p);
                    let id = attendee.map(|a| a.id.to_string()).unwrap_or_default();
                    let name = attendee.and_then(|a| a.name.as_deref()).unwrap_or("");
                    let part = Self::part_label(self.part(r, t, p), Language::En);
                    let _ = writeln!(out, "{},{},{id},{},{part}", r + 1, t + 1, csv_field(name));
                }
            }
        }
        out
    }
}

/// A person's name, or their id without one.
fn label(request: &PlanRequest, p: usize) -> String {
    match request.attendees.get(p) {
        Some(a) => a.name.clone().unwrap_or_else(|| a.id.to_string()),
        None => format!("#{p}"),
    }
}

fn markdown_cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}
