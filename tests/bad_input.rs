#![cfg(not(target_arch = "wasm32"))]
//! Runs the built `crosscheck` command on every case of the bad-input corpus
//! (tests/bad_input/cases.json) and checks the outcome the manifest defines: the exit code,
//! exactly one stderr line per skipped file with its message, a JSON report on stdout that
//! covers every file that was read, no panic, and no hang (each run is killed after
//! `TIME_LIMIT`; the bound catches hangs, it does not measure speed). The large, binary and
//! oddly named cases are written first by tools/gen_bad_input.py.

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::Value;

const TIME_LIMIT: Duration = Duration::from_secs(60);

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Manifest {
    good: String,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Case {
    id: String,
    files: Vec<String>,
    with_good: bool,
    cli: Expected,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Expected {
    exit: i32,
    stderr: Vec<String>,
    #[serde(default)]
    usage: bool,
    sources: Option<usize>,
    #[serde(default)]
    contains: Vec<String>,
    #[serde(default)]
    lacks: Vec<String>,
    #[serde(default)]
    min_sentences: usize,
    names: Option<Vec<String>>,
    args: Option<Vec<String>>,
    cwd: Option<String>,
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A manifest path: a file, or every file in a folder when it ends in '/'.
fn expand(path: &str) -> Vec<PathBuf> {
    let full = root().join(path);
    if !path.ends_with('/') {
        return vec![full];
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&full)
        .unwrap_or_else(|e| panic!("{}: {e}", full.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files
}

/// Runs the command, reading its output on threads so a full pipe cannot stall it, and kills
/// it once it has run for `TIME_LIMIT`.
fn run(args: &[OsString], cwd: &Path) -> Run {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the crosscheck binary starts");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).expect("read a pipe");
            String::from_utf8(bytes).expect("the output is UTF-8")
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for crosscheck") {
            break Some(status);
        }
        if started.elapsed() > TIME_LIMIT {
            child.kill().expect("kill crosscheck");
            child.wait().expect("reap crosscheck");
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.and_then(|s| s.code()),
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

/// What is wrong with one case's run; empty when it went as the manifest says.
fn check(case: &Case, good: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let expected = &case.cli;
    let files: Vec<PathBuf> = case
        .files
        .iter()
        .flat_map(|f| expand(f))
        .chain(case.with_good.then(|| good.to_path_buf()))
        .collect();
    let args: Vec<OsString> = match &expected.args {
        Some(args) => args.iter().map(OsString::from).collect(),
        None => files.iter().map(|f| f.clone().into_os_string()).collect(),
    };
    let cwd = root().join(expected.cwd.as_deref().unwrap_or("."));
    let run = run(&args, &cwd);
    if run.code.is_none() {
        return vec![format!(
            "did not finish within {} s (or was killed by a signal)",
            TIME_LIMIT.as_secs()
        )];
    }
    if run.code != Some(expected.exit) {
        problems.push(format!(
            "exit code {:?}, expected {}",
            run.code, expected.exit
        ));
    }
    if run.stderr.contains("panicked") {
        problems.push(format!("panicked: {}", run.stderr));
    }

    let mut lines: Vec<&str> = run.stderr.lines().collect();
    if expected.usage {
        let usage = lines
            .iter()
            .position(|l| l.starts_with("usage: crosscheck"));
        match usage {
            Some(at) if at >= 1 && lines[at - 1].is_empty() => lines.truncate(at - 1),
            _ => problems.push(format!("no usage text after the message: {:?}", run.stderr)),
        }
    }
    if lines.len() != expected.stderr.len() {
        problems.push(format!(
            "{} stderr lines, expected {}: {:?}",
            lines.len(),
            expected.stderr.len(),
            run.stderr
        ));
    }
    for (line, text) in lines.iter().zip(&expected.stderr) {
        if !line.starts_with("crosscheck: ") || !line.contains(text.as_str()) {
            problems.push(format!("stderr line {line:?} does not say {text:?}"));
        }
    }

    if expected.exit == 2 {
        if !run.stdout.is_empty() {
            problems.push(format!(
                "nothing to compare, yet stdout has {} bytes",
                run.stdout.len()
            ));
        }
        return problems;
    }
    let report: Value = match serde_json::from_str(&run.stdout) {
        Ok(report) => report,
        Err(e) => {
            problems.push(format!("stdout is not a JSON report: {e}"));
            return problems;
        }
    };
    let sources = report["sources"].as_array().cloned().unwrap_or_default();
    let warned: Vec<u64> = report["warnings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|w| w["source"].as_u64())
        .collect();
    if Some(sources.len()) != expected.sources {
        problems.push(format!(
            "{} sources in the report, expected {:?}",
            sources.len(),
            expected.sources
        ));
    }
    let sentences = |source: &Value| source["sentences"].as_array().map_or(0, Vec::len);
    for (index, source) in sources.iter().enumerate() {
        let is_warned = warned.contains(&(index as u64));
        if is_warned != (sentences(source) == 0) {
            problems.push(format!(
                "source {} has {} sentences and warned = {is_warned}",
                source["name"],
                sentences(source)
            ));
        }
    }
    let not_compared = lines
        .iter()
        .filter(|l| l.ends_with("; not compared"))
        .count();
    if not_compared != warned.len() {
        problems.push(format!(
            "{} warnings in the report, {not_compared} 'not compared' lines",
            warned.len()
        ));
    }

    // Nothing silently dropped: every file is a source (in order) or has its own stderr line.
    let names: Vec<String> = sources
        .iter()
        .map(|s| s["name"].as_str().unwrap_or_default().to_string())
        .collect();
    let skipped = lines.iter().filter(|l| l.ends_with("; skipped")).count();
    if expected.args.is_none() {
        if names.len() + skipped != files.len() {
            problems.push(format!(
                "{} files given, {} sources and {skipped} skipped",
                files.len(),
                names.len()
            ));
        }
        let given: Vec<String> = files
            .iter()
            .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        let mut rest = given.iter();
        if !names.iter().all(|name| rest.any(|g| g == name)) {
            problems.push(format!(
                "source names {names:?} are not the files' names in order {given:?}"
            ));
        }
    }
    if let Some(expected_names) = &expected.names {
        if !expected_names.iter().all(|n| names.contains(n)) {
            problems.push(format!("source names {names:?} lack {expected_names:?}"));
        }
    }

    let first = sources.first();
    let text: String = first
        .and_then(|s| s["sentences"].as_array())
        .into_iter()
        .flatten()
        .filter_map(|s| s["text"].as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for wanted in &expected.contains {
        if !text.contains(wanted.as_str()) {
            problems.push(format!("the first source's sentences lack {wanted:?}"));
        }
    }
    for unwanted in &expected.lacks {
        if text.contains(unwanted.as_str()) {
            problems.push(format!("the first source's sentences contain {unwanted:?}"));
        }
    }
    if first.map_or(0, sentences) < expected.min_sentences {
        problems.push(format!(
            "the first source has fewer than {} sentences",
            expected.min_sentences
        ));
    }
    problems
}

#[test]
fn every_bad_input_case_has_its_defined_outcome() {
    let generated = Command::new("python3")
        .arg(root().join("tools/gen_bad_input.py"))
        .status()
        .expect("python3 runs tools/gen_bad_input.py");
    assert!(generated.success(), "tools/gen_bad_input.py failed");
    let manifest: Manifest = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/bad_input/cases.json")).unwrap(),
    )
    .expect("tests/bad_input/cases.json is a valid manifest");
    let good = root().join(&manifest.good);

    let mut failures = Vec::new();
    for case in &manifest.cases {
        let started = Instant::now();
        let problems = check(case, &good);
        eprintln!(
            "{:<30} {:>6.1} s {}",
            case.id,
            started.elapsed().as_secs_f64(),
            if problems.is_empty() { "ok" } else { "FAILED" }
        );
        failures.extend(problems.into_iter().map(|p| format!("{}: {p}", case.id)));
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
