use gep_core::*;
#[test]
fn scratch() {
    let g = sample::approved_gep().unwrap();
    println!("{:?} {}", g.state(), g.log().len());
    let b = sample::benchmark_gep().unwrap();
    let json = b.to_json();
    println!("bench {:?} {} bytes", b.state(), json.len());
    let bad = json.replacen("\"given_name\":\"Léa\"", "\"given_name\":3", 1);
    println!("{:?}", AnyGep::from_json(&bad).unwrap_err());
    let bad = json.replacen("\"given_name\":\"Léa\"", "\"givenname\":\"x\"", 1);
    println!("{:?}", AnyGep::from_json(&bad).unwrap_err());
    let bad = json.replacen("2026-02-02T08:00:00+01:00", "2026-02-02T08:00:00", 1);
    println!("{:?}", AnyGep::from_json(&bad).unwrap_err());
}
