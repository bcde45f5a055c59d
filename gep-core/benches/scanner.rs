//! The anonymisation scanner on a 1 MB French text with a 60-person roster
//! (every person with an e-mail address, a phone and one in four with an
//! organisation), a few names, addresses and numbers sprinkled in; and the
//! construction of the scanner for that roster.
//!
//! `cargo bench -p gep-core --bench scanner`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gep_core::model::Person;
use gep_core::privacy::{Placeholders, Redactor, Scanner, best_practices};
use gep_core::sample;
use std::hint::black_box;

const PROSE: &str = "Les échanges ont d'abord porté sur la difficulté à rejoindre les habitants qui ne se \
déplacent pas aux réunions publiques. Plusieurs participants ont décrit des démarches d'« aller vers » : \
permanences au pied des immeubles, présence sur les marchés, porte-à-porte en binôme avec des associations de \
locataires. En 2024, 1 200 € ont suffi pour 12 ateliers ; le 12/03/2025, une pierre angulaire a été posée. ";

const SPRINKLES: [&str; 6] = [
    "Selon Léa Martin, ",
    "d’après Hélène, ",
    "(joindre le 06 12 34 56 78) ",
    "écrire à karim.benali@exemple.fr ; ",
    "avec la Métropole de Lyon, ",
    "Marie-Claire N’Diaye a conclu. ",
];

fn roster() -> Vec<Person> {
    let mut people = sample::team_people();
    people.extend((0..56).map(|i| {
        let mut p = sample::registrant(i);
        p.phone = Some(format!("07 {:02} {:02} 00 00", i % 100, (i * 7) % 100));
        p
    }));
    people
}

fn text(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 1024);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(PROSE);
        if i % 5 == 0 {
            out.push_str(SPRINKLES.get(i / 5 % SPRINKLES.len()).copied().unwrap_or(""));
        }
        i += 1;
    }
    out
}

fn scanner(c: &mut Criterion) {
    let people = roster();
    let text = text(1024 * 1024);
    let scanner = Scanner::from_people(&people);

    let mut group = c.benchmark_group("scan 1 MB, 60 people");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("Scanner::scan (names, e-mails, phones, organisations)", |b| {
        b.iter(|| scanner.scan(black_box(&text)))
    });
    group.bench_function("Redactor::redact", |b| {
        b.iter(|| Redactor::new(&scanner, Placeholders::default()).redact(black_box(&text)))
    });
    group.bench_function("best_practices (PR02)", |b| b.iter(|| best_practices(black_box(&text))));
    group.finish();

    let mut group = c.benchmark_group("build");
    group.bench_function("Scanner::from_people (60 people)", |b| {
        b.iter(|| Scanner::from_people(black_box(&people)))
    });
    let report = sample::report_of(5 * 1024);
    group.bench_function("build and scan a 5 KB report", |b| {
        b.iter(|| Scanner::from_people(black_box(&people)).scan(black_box(&report.discussion)))
    });
    group.finish();
}

criterion_group!(benches, scanner);
criterion_main!(benches);
