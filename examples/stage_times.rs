//! Prints per-stage timings on the seed articles (../shared/seeds): `cargo run --release --example stage_times`.
//! A first measurement tool until the benchmark suite of issue 6 exists.
use std::time::Instant;
fn main() {
    let dir = "../shared/seeds";
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    let texts: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let t = Instant::now();
    for _ in 0..20 { for x in &texts { crosscheck::read::clean::clean(x); } }
    eprintln!("clean {:?}", t.elapsed() / 20);
    let t = Instant::now();
    for _ in 0..20 { for x in &texts { crosscheck::read::read_article(x); } }
    eprintln!("read {:?}", t.elapsed() / 20);
    let arts: Vec<_> = texts.iter().enumerate().map(|(i, t)| crosscheck::Article { name: i.to_string(), text: t.clone() }).collect();
    let t = Instant::now();
    for _ in 0..20 { crosscheck::compare(&arts, &Default::default()).unwrap(); }
    eprintln!("compare {:?}", t.elapsed() / 20);
}
