//! Native per-stage timings: `cargo bench --bench stages` (run by `make bench`, which first
//! writes the inputs with `bench/inputs.py` and afterwards reads criterion's estimates).
//!
//! Inputs are real articles: `target/bench/articles-{5,50,200,1000}.json` (ECB+ clusters
//! concatenated), `target/bench/corpus.txt` (the 1,000 texts) and `target/bench/pairs.json`
//! (aligned sentence pairs). Each stage is timed on the output of the stages before it, so
//! the stages add up to the pipeline.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
use crosscheck::compare::{self, diff};
use crosscheck::extract::{self, ReadArticle};
use crosscheck::read::{self, clean, segment};
use crosscheck::{pipeline, Article, Options};

const SIZES: [usize; 4] = [5, 50, 200, 1000];

fn inputs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join("bench")
}

fn load(name: &str) -> String {
    let path = inputs_dir().join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run `python3 bench/inputs.py` (or `make bench`) first", path.display()))
}

fn articles(n: usize) -> Vec<Article> {
    serde_json::from_str(&load(&format!("articles-{n}.json"))).expect("articles JSON")
}

fn read_all(articles: &[Article]) -> Vec<ReadArticle<'_>> {
    articles.iter().map(|a| pipeline::read_article(&a.text)).collect()
}

fn stages(c: &mut Criterion) {
    let options = Options::default();
    for n in SIZES {
        let articles = articles(n);
        let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
        let id = BenchmarkId::from_parameter(n);
        let layouts: Vec<clean::Layout> = texts.iter().map(|t| clean::clean(t)).collect();
        let split: Vec<ReadArticle<'_>> = texts
            .iter()
            .zip(&layouts)
            .map(|(t, layout)| ReadArticle { sentences: read::split_sentences(t, layout), ..ReadArticle::empty(t) })
            .collect();
        let names: Vec<&str> = articles.iter().map(|a| a.name.as_str()).collect();
        let originals = vec![None; articles.len()];
        let read = read_all(&articles);
        let linked = compare::link(&read);
        let scored = compare::score_claims(&read, &linked, &options);
        let aligned = compare::align_facts(&read, &scored, &options);
        let comparison = compare::compare_articles(&read, &options);

        bench(c, "native_tokenising_floor", &id, || texts.iter().map(|t| bare_tokens(t)).sum::<usize>());
        bench(c, "native_cleaning", &id, || texts.iter().map(|t| clean::clean(t).blocks.len()).sum::<usize>());
        bench(c, "native_segmentation", &id, || {
            texts.iter().zip(&layouts).map(|(t, l)| read::split_sentences(t, l).len()).sum::<usize>()
        });
        bench(c, "native_copies", &id, || compare::copies::find_copies(&split, &names).iter().flatten().count());
        bench(c, "native_extraction", &id, || {
            let mut articles = split.clone();
            articles.iter_mut().for_each(extract::extract_claims);
            articles.iter().map(|a| a.mentions.len()).sum::<usize>()
        });
        bench(c, "native_scoring", &id, || {
            let linked = compare::link(&read);
            compare::score_claims(&read, &linked, &options).pairs.len()
        });
        bench(c, "native_alignment", &id, || compare::align_facts(&read, &scored, &options).facts.len());
        bench(c, "native_conflicts", &id, || compare::find_conflicts(&read, &linked, &scored, &aligned).len());
        // Assembling consumes the comparison, so each run gets a copy made outside the timing.
        let mut group = c.benchmark_group("native_report_json");
        group.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
        group.bench_function(id.clone(), |b| {
            b.iter_batched(
                || comparison.clone(),
                |comparison| {
                    let report = pipeline::assemble(&articles, &read, &originals, comparison, Vec::new());
                    serde_json::to_string(&report).expect("report serialises").len()
                },
                BatchSize::LargeInput,
            )
        });
        group.finish();
        bench(c, "native_pipeline", &id, || crosscheck::compare(&articles, &options).expect("compares").facts.len());
    }

    let corpus = load("corpus.txt");
    bench(c, "native_split_corpus", &BenchmarkId::from_parameter("corpus"), || segment::segment(&corpus).len());
    let pairs: Vec<(String, String)> = serde_json::from_str(&load("pairs.json")).expect("pairs JSON");
    bench(c, "native_diff_pairs", &BenchmarkId::from_parameter("pairs"), || {
        pairs.iter().map(|(a, b)| diff::diff_words(a, b).len()).sum::<usize>()
    });
}

/// Times `run` as `group/id`; the result is returned so the work cannot be optimised away.
fn bench<T>(c: &mut Criterion, group: &str, id: &BenchmarkId, mut run: impl FnMut() -> T) {
    let mut group = c.benchmark_group(group);
    group.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    group.bench_function(id.clone(), |b| b.iter(&mut run));
    group.finish();
}

/// The floor: one pass that finds the words of a text (runs of letters and digits) and
/// nothing else, the least any reader of the text must do.
fn bare_tokens(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).count()
}

criterion_group!(benches, stages);
criterion_main!(benches);
