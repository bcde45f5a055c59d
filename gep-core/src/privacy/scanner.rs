//! The anonymisation scanner (DE08): names of the roster, e-mail addresses,
//! French phone numbers and the roster's organisations.
//!
//! ```
//! use gep_core::privacy::{FindingKind, RosterEntry, Scanner};
//! use gep_core::{PersonId, Severity};
//!
//! let roster = [RosterEntry::new(PersonId::from_u128(1), "Hélène", "Dubois-Martin")];
//! let scanner = Scanner::new(&roster);
//! let text = "Selon HELENE DUBOIS MARTIN (06 12 34 56 78), Léandre a parlé.";
//! let findings = scanner.scan(text);
//! assert_eq!(findings.len(), 2);
//! assert_eq!(findings[0].kind, FindingKind::Name);
//! assert_eq!(&text[findings[0].start..findings[0].end], "HELENE DUBOIS MARTIN");
//! assert_eq!(findings[0].person, Some(PersonId::from_u128(1)));
//! assert_eq!(findings[1].kind, FindingKind::Phone);
//! assert_eq!(findings[1].severity, Severity::Error);
//! ```
//!
//! Names are matched over the folded text ([`Folded`]), whole words only,
//! by an index of the roster's names by their first word; e-mail addresses
//! and phone numbers by small hand-written scanners over the original text.
//! Spans are UTF-8 byte offsets into the original text (the bindings
//! convert them to their host's units).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::fold::{Folded, first_word_hash, fold_into, for_each_word_hash, is_word_char};
use super::index::{FnvMap, WordFilter, WordIndex};
use crate::code::Code;
use crate::ids::PersonId;
use crate::model::Person;
use crate::violation::Severity;

/// What a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A given, family or full name of someone on the roster (DE08).
    Name,
    /// An e-mail address, anyone's (DE08).
    Email,
    /// A French phone number, anyone's, or the phone of someone on the
    /// roster in any format (DE08).
    Phone,
    /// The organisation of someone on the roster (DE08, a warning).
    Organisation,
    /// A synthesis framed as best practices (PR02, a warning).
    BestPractice,
}

impl FindingKind {
    /// The wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            FindingKind::Name => "name",
            FindingKind::Email => "email",
            FindingKind::Phone => "phone",
            FindingKind::Organisation => "organisation",
            FindingKind::BestPractice => "best_practice",
        }
    }
}

impl std::fmt::Display for FindingKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something the scanner found in a text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// What it is.
    pub kind: FindingKind,
    /// An error refuses the report; a warning is kept.
    pub severity: Severity,
    /// Where it starts in the text (UTF-8 bytes in Rust).
    pub start: usize,
    /// Where it ends, exclusive.
    pub end: usize,
    /// The text matched, exactly as written.
    pub text: String,
    /// The person it points to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonId>,
}

impl Finding {
    /// The rule this finding breaks: PR02 for best-practice framing, DE08
    /// otherwise.
    pub const fn code(&self) -> Code {
        match self.kind {
            FindingKind::BestPractice => Code::PR02,
            _ => Code::DE08,
        }
    }

    /// Whether it refuses the report.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// One person of the roster, as the scanner needs them. A [`Person`] of a
/// document converts into one; on the wire, extra fields (a person's
/// `ic_status`…) are ignored, so the people of a document can be passed as
/// they are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RosterEntry {
    /// Who.
    pub id: PersonId,
    /// Given name.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
}

impl RosterEntry {
    /// A person known by name only.
    pub fn new(id: PersonId, given_name: impl Into<String>, family_name: impl Into<String>) -> Self {
        RosterEntry {
            id,
            given_name: given_name.into(),
            family_name: family_name.into(),
            email: None,
            phone: None,
            organisation: None,
        }
    }
}

impl From<&Person> for RosterEntry {
    fn from(p: &Person) -> Self {
        RosterEntry {
            id: p.id,
            given_name: p.given_name.clone(),
            family_name: p.family_name.clone(),
            email: Some(p.email.clone()),
            phone: p.phone.clone(),
            organisation: p.organisation.clone(),
        }
    }
}

/// How a pattern names someone; the stronger wins when two people share a
/// folded pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum PatternKind {
    Organisation,
    /// A given or a family name alone.
    Single,
    /// Given and family names, in either order.
    Full,
}

#[derive(Clone, Debug)]
struct Pattern {
    kind: PatternKind,
    person: PersonId,
    /// A single name that is also a common French word (a warning when
    /// written in lower case).
    common_word: bool,
}

/// A scanner for one roster. Build it once, scan many texts.
#[derive(Clone, Debug)]
pub struct Scanner {
    words: WordIndex,
    /// By pattern number of `words`.
    patterns: Vec<Pattern>,
    /// Folded e-mail addresses of the roster.
    emails: FnvMap<String, PersonId>,
    /// Phone numbers of the roster, as normalised digits.
    phones: FnvMap<String, PersonId>,
}

/// Names shorter than this (in folded bytes) are not searched: a one-letter
/// "name" would match everywhere.
const MIN_PATTERN_BYTES: usize = 2;

impl Scanner {
    /// A scanner for these people.
    pub fn new<'a>(roster: impl IntoIterator<Item = &'a RosterEntry>) -> Self {
        let mut builder = Builder::default();
        for p in roster {
            builder.add(
                p.id,
                &p.given_name,
                &p.family_name,
                p.email.as_deref(),
                p.phone.as_deref(),
                p.organisation.as_deref(),
            );
        }
        builder.build()
    }

    /// A scanner for the people of a GEP.
    pub fn from_people<'a>(people: impl IntoIterator<Item = &'a Person>) -> Self {
        let mut builder = Builder::default();
        for p in people {
            builder.add(
                p.id,
                &p.given_name,
                &p.family_name,
                Some(&p.email),
                p.phone.as_deref(),
                p.organisation.as_deref(),
            );
        }
        builder.build()
    }

    /// A scanner for the people of a GEP that finds in each of `texts`
    /// exactly what [`Scanner::from_people`] finds there, built for those
    /// texts only: the names and organisations of a person are indexed only
    /// when one of their words is a word of the texts, the roster's e-mail
    /// addresses only when a text holds an `@`, its phones only when a text
    /// holds six digits or more. Scanning another text with it may miss
    /// names, and attribute addresses and phones to no one.
    pub fn from_people_for<'a>(people: impl IntoIterator<Item = &'a Person>, texts: &[&str]) -> Self {
        let mut filter = WordFilter::default();
        let mut emails = false;
        let mut phones = false;
        for text in texts {
            let digits = for_each_word_hash(text, |hash| filter.insert(hash));
            emails = emails || text.contains('@');
            phones = phones || digits > 5;
        }
        let mut builder = Builder {
            only: Some(filter.clone()),
            ..Builder::default()
        };
        for p in people {
            builder.add_filtered(p.id, &p.given_name, &p.family_name, &filter, p.organisation.as_deref());
            if emails {
                builder.email(p.id, &p.email);
            }
            if phones && let Some(phone) = &p.phone {
                builder.phone(p.id, phone);
            }
        }
        builder.build()
    }

    /// Every finding in `text`, in text order, never overlapping.
    pub fn scan(&self, text: &str) -> Vec<Finding> {
        let mut phones = scan_phones(text, &self.phones);
        let mut found = scan_emails(text, &self.emails, &phones);
        // A phone inside an address (`x@0612345678.fr`) is the address.
        phones.retain(|p| !overlaps(&found, p.start, p.end));
        found.extend(phones);
        in_text_order(&mut found);
        if self.words.len() > 0 {
            let folded = Folded::new(text);
            let contacts = found.len();
            self.words.find(folded.as_str(), |start, end, pattern| {
                let (start, end) = folded.original_span(start, end);
                if overlaps(found.get(..contacts).unwrap_or_default(), start, end) {
                    return;
                }
                if let Some(finding) = self.name_finding(text, start, end, pattern) {
                    found.push(finding);
                }
            });
            in_text_order(&mut found);
        }
        found
    }

    fn name_finding(&self, text: &str, start: usize, end: usize, pattern: usize) -> Option<Finding> {
        let pattern = self.patterns.get(pattern)?;
        let matched = text.get(start..end)?;
        let (kind, severity) = match pattern.kind {
            PatternKind::Organisation => (FindingKind::Organisation, Severity::Warning),
            PatternKind::Full => (FindingKind::Name, Severity::Error),
            PatternKind::Single => {
                let capitalised = matched.chars().next().is_some_and(char::is_uppercase);
                let severity = if pattern.common_word && !capitalised {
                    Severity::Warning
                } else {
                    Severity::Error
                };
                (FindingKind::Name, severity)
            }
        };
        Some(Finding {
            kind,
            severity,
            start,
            end,
            text: matched.to_owned(),
            person: Some(pattern.person),
        })
    }
}

/// Sorts findings by their start, keeping the order of those that start
/// together (the crate's shared sort, [`crate::order`]).
fn in_text_order(found: &mut Vec<Finding>) {
    crate::order::sort_by_key(found, |f| f.start as u128);
}

/// Whether `start..end` overlaps one of `spans` (sorted, not overlapping).
fn overlaps(spans: &[Finding], start: usize, end: usize) -> bool {
    let after = spans.partition_point(|f| f.end <= start);
    spans.get(after).is_some_and(|f| f.start < end)
}

#[derive(Default)]
struct Builder {
    words: WordIndex,
    patterns: Vec<Pattern>,
    emails: FnvMap<String, PersonId>,
    phones: FnvMap<String, PersonId>,
    /// When set, a pattern is kept only if every one of its words may be
    /// in the texts to scan: a name matches whole words, so a pattern one of
    /// whose words is missing cannot match.
    only: Option<WordFilter>,
    /// Reused buffers: the folded given and family names, a variant.
    given: String,
    family: String,
    scratch: String,
}

impl Builder {
    fn add(
        &mut self,
        id: PersonId,
        given: &str,
        family: &str,
        email: Option<&str>,
        phone: Option<&str>,
        organisation: Option<&str>,
    ) {
        let mut given_folded = std::mem::take(&mut self.given);
        let mut family_folded = std::mem::take(&mut self.family);
        fold_into(&mut given_folded, given);
        fold_into(&mut family_folded, family);
        self.names(id, &given_folded, &family_folded);
        self.given = given_folded;
        self.family = family_folded;
        if let Some(org) = organisation {
            self.organisation(id, org);
        }
        if let Some(email) = email {
            self.email(id, email);
        }
        if let Some(phone) = phone {
            self.phone(id, phone);
        }
    }

    /// The names and organisation of a person, only if one of their words
    /// may be in `filter`: a pattern can only match where the text has its
    /// first word.
    fn add_filtered(
        &mut self,
        id: PersonId,
        given: &str,
        family: &str,
        filter: &WordFilter,
        organisation: Option<&str>,
    ) {
        // Most names are one word each: when neither word can be in the
        // texts, no pattern of this person can match, and nothing needs
        // folding (the hashes are those of the folded words).
        let mut words = 0usize;
        let mut may = false;
        for name in [given, family] {
            for_each_word_hash(name, |hash| {
                words += 1;
                may = may || filter.may_contain(hash);
            });
        }
        if words != 2 || may {
            let mut given_folded = std::mem::take(&mut self.given);
            let mut family_folded = std::mem::take(&mut self.family);
            fold_into(&mut given_folded, given);
            fold_into(&mut family_folded, family);
            // The first word of every pattern of `names` is the first word
            // of the given or the family name, or of one of them run
            // together.
            let hit = [&given_folded, &family_folded].iter().any(|single| {
                let may = |joined| first_word_hash(single, joined).is_some_and(|h| filter.may_contain(h));
                may(false) || (single.contains([' ', '\'']) && may(true))
            });
            if hit {
                self.names(id, &given_folded, &family_folded);
            }
            self.given = given_folded;
            self.family = family_folded;
        }
        // The same for the organisation: folded only when its first word
        // can be in the texts.
        if let Some(org) = organisation
            && first_hash(org).is_some_and(|h| filter.may_contain(h))
        {
            let mut folded = std::mem::take(&mut self.scratch);
            fold_into(&mut folded, org);
            if first_word_hash(&folded, false).is_some_and(|h| filter.may_contain(h)) {
                self.pattern(&folded, PatternKind::Organisation, id, false);
            }
            self.scratch = folded;
        }
    }

    /// The patterns of a person's folded names.
    fn names(&mut self, id: PersonId, given: &str, family: &str) {
        let mut variant = std::mem::take(&mut self.scratch);
        for single in [given, family] {
            let common = is_common_word(single);
            self.pattern(single, PatternKind::Single, id, common);
            // Other spellings: apostrophes as spaces (`n diaye`), and run
            // together (`ndiaye`, `legoff`).
            if single.contains('\'') {
                variant.clear();
                variant.extend(single.chars().map(|c| if c == '\'' { ' ' } else { c }));
                self.pattern(&variant, PatternKind::Single, id, common);
            }
            if single.contains([' ', '\'']) {
                variant.clear();
                variant.extend(single.chars().filter(|c| *c != ' ' && *c != '\''));
                self.pattern(&variant, PatternKind::Single, id, common);
            }
        }
        if !given.is_empty() && !family.is_empty() {
            for (first, second) in [(given, family), (family, given)] {
                variant.clear();
                variant.push_str(first);
                variant.push(' ');
                variant.push_str(second);
                self.pattern(&variant, PatternKind::Full, id, false);
                if variant.contains('\'') {
                    let spaced: String = variant.chars().map(|c| if c == '\'' { ' ' } else { c }).collect();
                    self.pattern(&spaced, PatternKind::Full, id, false);
                }
            }
        }
        self.scratch = variant;
    }

    fn organisation(&mut self, id: PersonId, organisation: &str) {
        let mut folded = std::mem::take(&mut self.scratch);
        fold_into(&mut folded, organisation);
        self.pattern(&folded, PatternKind::Organisation, id, false);
        self.scratch = folded;
    }

    fn email(&mut self, id: PersonId, email: &str) {
        let email = email.trim().to_lowercase();
        if !email.is_empty() {
            self.emails.entry(email).or_insert(id);
        }
    }

    fn phone(&mut self, id: PersonId, phone: &str) {
        if let Some(digits) = normalise_phone(phone.chars().filter(char::is_ascii_digit).collect()) {
            self.phones.entry(digits).or_insert(id);
        }
    }

    fn pattern(&mut self, folded: &str, kind: PatternKind, person: PersonId, common_word: bool) {
        let folded = folded.trim_matches(|c: char| !is_word_char(c));
        if folded.len() < MIN_PATTERN_BYTES {
            return;
        }
        if let Some(filter) = &self.only {
            let mut all = true;
            for_each_word_hash(folded, |hash| all = all && filter.may_contain(hash));
            if !all {
                return;
            }
        }
        let pattern = Pattern {
            kind,
            person,
            common_word,
        };
        match self.words.push(folded) {
            Some((_, true)) => self.patterns.push(pattern),
            // The first person in roster order keeps a shared pattern,
            // unless the newcomer's is stronger (a full name over an
            // organisation's name, say).
            Some((n, false)) => {
                if let Some(existing) = self.patterns.get_mut(n)
                    && kind > existing.kind
                {
                    *existing = pattern;
                }
            }
            None => {}
        }
    }

    fn build(self) -> Scanner {
        Scanner {
            words: self.words,
            patterns: self.patterns,
            emails: self.emails,
            phones: self.phones,
        }
    }
}

/// The hash of the first word of `text` once folded, without folding it.
fn first_hash(text: &str) -> Option<u64> {
    let mut first = None;
    for_each_word_hash(text, |hash| {
        first = first.or(Some(hash));
    });
    first
}

/// Given and family names that are also common French words (folded,
/// sorted): written in lower case, they most likely mean the word, and get
/// a warning rather than an error.
#[rustfmt::skip]
const COMMON_WORDS: &[&str] = &[
    "abbe", "agneau", "aigle", "aime", "ambre", "anemone", "ange", "aube", "aurore", "barbier", "baron", "beau",
    "berger", "blanc", "blanche", "blond", "bois", "bon", "bonnet", "boucher", "boulanger", "brun", "brune",
    "bruyere", "capucine", "carre", "celeste", "cerise", "charpentier", "chasseur", "chauvin", "chevalier",
    "claire", "clement", "colombe", "comte", "constance", "constant", "coq", "corbeau", "court", "croix",
    "desire", "duc", "eglantine", "esperance", "etoile", "faucon", "fauve", "felicite", "fidele", "fleur",
    "flore", "fontaine", "fort", "franc", "france", "garance", "germain", "grand", "gros", "herbe", "hermine",
    "honore", "innocent", "iris", "jade", "jasmin", "jean", "joli", "joly", "lapin", "laurier", "lievre", "lin",
    "lion", "long", "loup", "loyal", "lune", "mai", "marchand", "marguerite", "marin", "marine", "marquis",
    "melisse", "mercier", "merle", "meunier", "modeste", "moine", "moineau", "mouton", "myrtille", "neige",
    "noel", "noir", "olive", "olivier", "page", "parfait", "pascal", "pasteur", "patience", "perdrix", "perle",
    "petit", "pierre", "pinson", "poisson", "potier", "prince", "prudence", "prune", "renard", "richard", "roche",
    "rocher", "roi", "rose", "rossignol", "roux", "sage", "sauveur", "sylvestre", "tailleur", "tisserand",
    "victoire", "vigne", "violette",
];

fn is_common_word(folded: &str) -> bool {
    COMMON_WORDS.binary_search(&folded).is_ok()
}

// ---------------------------------------------------------------------------
// E-mail addresses
// ---------------------------------------------------------------------------

fn is_local_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_domain_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '-')
}

/// Every e-mail address: a local part, `@`, and a dotted domain whose last
/// label has at least two letters. A local part never reaches back into a
/// phone number found before it.
fn scan_emails(text: &str, roster: &FnvMap<String, PersonId>, phones: &[Finding]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut resume = 0;
    for (at, _) in text.match_indices('@') {
        if at < resume {
            continue;
        }
        let local_start = text
            .get(..at)
            .unwrap_or_default()
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_local_char(*c))
            .last()
            .map_or(at, |(i, _)| i)
            .max(resume)
            .max(phone_end_before(phones, at));
        let local_start = local_start
            + text
                .get(local_start..at)
                .unwrap_or_default()
                .bytes()
                .take_while(|b| *b == b'.' || *b == b'-')
                .count();
        let after = at + 1;
        let domain = text.get(after..).unwrap_or_default();
        let domain_len = domain
            .char_indices()
            .find(|(_, c)| !is_domain_char(*c))
            .map_or(domain.len(), |(i, _)| i);
        let domain = domain
            .get(..domain_len)
            .unwrap_or_default()
            .trim_end_matches(['.', '-']);
        if local_start >= at || !plausible_domain(domain) {
            continue;
        }
        let end = after + domain.len();
        let Some(matched) = text.get(local_start..end) else {
            continue;
        };
        resume = end;
        out.push(Finding {
            kind: FindingKind::Email,
            severity: Severity::Error,
            start: local_start,
            end,
            text: matched.to_owned(),
            person: roster.get(&matched.to_lowercase()).copied(),
        });
    }
    out
}

/// Where the last phone number that ends before `at` ends (0 if none).
fn phone_end_before(phones: &[Finding], at: usize) -> usize {
    let before = phones.partition_point(|p| p.end <= at);
    before.checked_sub(1).and_then(|i| phones.get(i)).map_or(0, |p| p.end)
}

fn plausible_domain(domain: &str) -> bool {
    let mut labels = domain.split('.');
    let Some(last) = labels.next_back() else {
        return false;
    };
    domain.contains('.')
        && domain.split('.').all(|l| !l.is_empty())
        && last.chars().count() >= 2
        && last.chars().all(char::is_alphabetic)
}

// ---------------------------------------------------------------------------
// Phone numbers
// ---------------------------------------------------------------------------

/// A separator inside a phone number: space, dot, hyphen, no-break spaces.
fn is_phone_separator(c: char) -> bool {
    matches!(c, ' ' | '.' | '-' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Digits of a phone number in a canonical form: French numbers as ten
/// digits from `0` (`+33 6…`, `0033 6…` and `+33 (0)6…` alike), others as
/// written. `None` for fewer than six digits.
fn normalise_phone(digits: String) -> Option<String> {
    let national = if let Some(rest) = digits.strip_prefix("0033").or_else(|| digits.strip_prefix("33"))
        && (rest.len() == 9 || (rest.len() == 10 && rest.starts_with('0')))
    {
        let rest = rest.strip_prefix('0').unwrap_or(rest);
        format!("0{rest}")
    } else {
        digits
    };
    (national.len() >= 6).then_some(national)
}

/// Reads digits from `pos`, a single separator allowed between two digits;
/// `(0)` is skipped when `trunk` is set (after an international prefix).
/// Returns the digits and where they end.
fn read_digits(text: &str, mut pos: usize, trunk: bool) -> (String, usize) {
    let mut digits = String::new();
    let mut end = pos;
    let mut trunk = trunk;
    loop {
        let rest = text.get(pos..).unwrap_or_default();
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        if c.is_ascii_digit() {
            digits.push(c);
            pos += 1;
            end = pos;
            trunk = false;
        } else if trunk && rest.starts_with("(0)") {
            pos += 3;
            trunk = false;
            // `(0)` may be followed by a separator, as any digit.
            if let Some(sep) = rest.get(3..).and_then(|r| r.chars().next())
                && is_phone_separator(sep)
                && rest
                    .get(3 + sep.len_utf8()..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(|d| d.is_ascii_digit())
            {
                pos += sep.len_utf8();
            }
        } else if is_phone_separator(c) && chars.next().is_some_and(|d| d.is_ascii_digit() || (trunk && d == '(')) {
            pos += c.len_utf8();
        } else {
            break;
        }
        if digits.len() > 15 {
            break;
        }
    }
    (digits, end)
}

/// Every French phone number (`06 12 34 56 78`, `06.12.34.56.78`,
/// `0612345678`, `+33 6 12 34 56 78`, `+33 (0)6 12 34 56 78`,
/// `0033 6…`), and the roster's phones in any format. A number must stand
/// alone: not inside a longer run of digits, not glued to a letter. Years,
/// dates, amounts and counts do not have ten digits from a `0`.
fn scan_phones(text: &str, roster: &FnvMap<String, PersonId>) -> Vec<Finding> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if !(b.is_ascii_digit() || b == b'+') || !starts_run(text, i) {
            i += 1;
            continue;
        }
        let rest = text.get(i..).unwrap_or_default();
        let prefix = ["+33", "0033"].into_iter().find(|p| rest.starts_with(p));
        let (digits, end) = match prefix {
            Some(p) => read_digits(text, skip_one_separator(text, i + p.len()), true),
            None if b == b'+' => read_digits(text, i + 1, false),
            None => read_digits(text, i, false),
        };
        if digits.is_empty() || !ends_run(text, end) {
            i += 1;
            continue;
        }
        let french = match prefix {
            Some(_) => french_subscriber(&digits).map(|d| format!("0{d}")),
            None if b == b'+' => None,
            None => {
                (digits.len() == 10 && digits.starts_with('0') && !digits.starts_with("00")).then(|| digits.clone())
            }
        };
        let person = match &french {
            Some(national) => roster.get(national),
            None => normalise_phone(digits).and_then(|d| roster.get(&d)),
        }
        .copied();
        match text.get(i..end) {
            Some(matched) if french.is_some() || person.is_some() => {
                out.push(Finding {
                    kind: FindingKind::Phone,
                    severity: Severity::Error,
                    start: i,
                    end,
                    text: matched.to_owned(),
                    person,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// The nine digits of a French number after its `0` or `+33`: they start
/// with 1 to 9. A `0` kept after `+33` (`+33 06…`) is dropped.
fn french_subscriber(digits: &str) -> Option<&str> {
    let digits = if digits.len() == 10 {
        digits.strip_prefix('0')?
    } else {
        digits
    };
    (digits.len() == 9 && !digits.starts_with('0')).then_some(digits)
}

fn skip_one_separator(text: &str, pos: usize) -> usize {
    match text.get(pos..).and_then(|r| r.chars().next()) {
        Some(c) if is_phone_separator(c) => pos + c.len_utf8(),
        _ => pos,
    }
}

/// Whether a number starting at `i` starts a run: not after a digit, a `+`
/// or a separator that follows a digit; a digit not after a letter either
/// (a `+` is a boundary of its own).
fn starts_run(text: &str, i: usize) -> bool {
    let plus = text.as_bytes().get(i) == Some(&b'+');
    let mut before = text.get(..i).unwrap_or_default().chars().rev();
    match before.next() {
        None => true,
        Some(c) if c.is_ascii_digit() || c == '+' => false,
        Some(c) if is_word_char(c) => plus,
        Some(c) if is_phone_separator(c) => !before.next().is_some_and(|d| d.is_ascii_digit()),
        Some(_) => true,
    }
}

/// Whether a number ending at `end` ends its run: not before a letter, a
/// digit, or a separator followed by a digit.
fn ends_run(text: &str, end: usize) -> bool {
    let mut after = text.get(end..).unwrap_or_default().chars();
    match after.next() {
        None => true,
        Some(c) if is_word_char(c) => false,
        Some(c) if is_phone_separator(c) => !after.next().is_some_and(|d| d.is_ascii_digit()),
        Some(_) => true,
    }
}

// ---------------------------------------------------------------------------
// Best practices (PR02)
// ---------------------------------------------------------------------------

/// Phrases that frame a content as a norm to follow (folded).
const BEST_PRACTICE_PHRASES: &[&str] = &[
    "bonne pratique",
    "bonnes pratiques",
    "meilleure pratique",
    "meilleures pratiques",
    "pratique exemplaire",
    "pratiques exemplaires",
    "pratique a suivre",
    "pratiques a suivre",
    "pratique de reference",
    "pratiques de reference",
    "best practice",
    "best practices",
    "good practice",
    "good practices",
];

/// Where a text frames its content as best practices (*bonnes pratiques*,
/// *meilleures pratiques*, *best practices*…), folded for case, accents and
/// hyphens: PR02 warnings.
///
/// ```
/// use gep_core::privacy::{best_practices, FindingKind};
/// let text = "Diffuser un référentiel de Bonnes Pratiques";
/// let found = best_practices(text);
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].kind, FindingKind::BestPractice);
/// assert_eq!(&text[found[0].start..found[0].end], "Bonnes Pratiques");
/// assert!(best_practices("explorer l'éventail des pratiques possibles").is_empty());
/// ```
pub fn best_practices(text: &str) -> Vec<Finding> {
    static PHRASES: std::sync::OnceLock<WordIndex> = std::sync::OnceLock::new();
    let phrases = PHRASES.get_or_init(|| {
        let mut index = WordIndex::default();
        for phrase in BEST_PRACTICE_PHRASES {
            index.push(phrase);
        }
        index
    });
    let folded = Folded::new(text);
    let mut out = Vec::new();
    phrases.find(folded.as_str(), |start, end, _| {
        let (start, end) = folded.original_span(start, end);
        if let Some(matched) = text.get(start..end) {
            out.push(Finding {
                kind: FindingKind::BestPractice,
                severity: Severity::Warning,
                start,
                end,
                text: matched.to_owned(),
                person: None,
            });
        }
    });
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_scanner_built_for_texts_finds_in_them_what_the_full_one_finds() {
        let mut people = crate::sample::team_people();
        people.extend((0..30).map(|i| {
            let mut p = crate::sample::registrant(i);
            p.phone = Some(format!("07 {:02} {:02} 00 00", i % 100, (i * 7) % 100));
            p
        }));
        let full = super::Scanner::from_people(&people);
        let names: Vec<String> = people
            .iter()
            .flat_map(|p| [p.given_name.clone(), p.family_name.to_uppercase(), p.email.clone()])
            .chain(people.iter().filter_map(|p| p.organisation.clone()))
            .chain(people.iter().filter_map(|p| p.phone.clone()))
            .collect();
        let mut seed: u64 = 7;
        for _ in 0..500 {
            let mut text = String::new();
            for _ in 0..6 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let pick = (seed >> 33) as usize;
                if pick.is_multiple_of(3) {
                    text.push_str(&names[pick / 3 % names.len()]);
                } else {
                    text.push_str(["le groupe ", "de la ", "Le Goff, ", "06 12 34 56 78 ", "a@b.fr "][pick % 5]);
                }
                text.push(' ');
            }
            let for_text = super::Scanner::from_people_for(&people, &[&text]);
            assert_eq!(for_text.scan(&text), full.scan(&text), "{text:?}");
        }
    }

    #[test]
    fn common_words_are_sorted_and_folded() {
        assert!(super::COMMON_WORDS.is_sorted());
        for word in super::COMMON_WORDS {
            assert_eq!(crate::privacy::fold(word), *word);
        }
    }
}
