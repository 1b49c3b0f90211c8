//! The command line: compare files, run batches, print evaluation figures (native only).
//!
//! ```text
//! crosscheck [--format json|markdown|csv] [--options JSON] FILE...
//! crosscheck --jsonl < clusters.jsonl > reports.jsonl
//! crosscheck eval [--data DIR]
//! ```
//!
//! Exit codes: 0 all files compared; 1 some files could not be read (the report covers the
//! rest, and each skipped file gets one line on stderr); 2 nothing to compare or bad usage.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::{compare, input, render, Article, Options, Report};
use serde::Deserialize;

const USAGE: &str = "\
usage: crosscheck [--format json|markdown|csv] [--options JSON] FILE...
       crosscheck --jsonl [--options JSON]   (reads {\"cluster\": ..., \"articles\": [{\"name\", \"text\"}]} lines on stdin)
       crosscheck eval [--data DIR]          (prints the evaluation figures; DIR defaults to ../shared/data)

Compares news articles claim by claim: facts, single-source claims and conflicts.";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Markdown,
    Csv,
}

/// Runs the CLI with the process's arguments.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("crosscheck: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    if args.first().map(String::as_str) == Some("eval") {
        return eval(&args[1..]);
    }
    let mut format = Format::Json;
    let mut options = Options::default();
    let mut jsonl = false;
    let mut files = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            "-V" | "--version" => {
                println!("crosscheck {}", crate::VERSION);
                return Ok(ExitCode::SUCCESS);
            }
            "--format" | "-f" => {
                format = match rest.next().map(String::as_str) {
                    Some("json") => Format::Json,
                    Some("markdown" | "md") => Format::Markdown,
                    Some("csv") => Format::Csv,
                    other => return Err(format!("--format takes json, markdown or csv, not {other:?}\n\n{USAGE}")),
                }
            }
            "--options" => {
                let json = rest.next().ok_or("--options takes a JSON object")?;
                options = serde_json::from_str(json).map_err(|e| format!("--options: {e}"))?;
            }
            "--jsonl" => jsonl = true,
            flag if flag.starts_with('-') && flag.len() > 1 => return Err(format!("unknown option {flag}\n\n{USAGE}")),
            file => files.push(PathBuf::from(file)),
        }
    }
    if jsonl {
        if !files.is_empty() {
            return Err("--jsonl reads stdin; give no files".into());
        }
        return batch(&options);
    }
    if files.is_empty() {
        return Err(format!("no files given\n\n{USAGE}"));
    }

    let mut articles = Vec::new();
    let mut skipped = 0;
    for path in &files {
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        match std::fs::read(path).map_err(|e| format!("cannot be read: {e}")).and_then(|bytes| input::decode(&bytes, &name)) {
            Ok(text) => articles.push(Article { name, text }),
            Err(message) => {
                eprintln!("crosscheck: {}: {message}; skipped", path.display());
                skipped += 1;
            }
        }
    }
    if articles.is_empty() {
        return Err("none of the files could be read".into());
    }
    let report = compare(&articles, &options).map_err(|e| e.to_string())?;
    for warning in &report.warnings {
        eprintln!("crosscheck: {}: {}; not compared", report.sources[warning.source].name, warning.message);
    }
    let rendered = match format {
        Format::Json => serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n",
        Format::Markdown => render::markdown(&report),
        Format::Csv => render::csv(&report),
    };
    write_stdout(rendered.as_bytes())?;
    Ok(if skipped > 0 || !report.warnings.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn write_stdout(bytes: &[u8]) -> Result<(), String> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| format!("cannot write the report: {e}")),
    }
}

/// One input line of `--jsonl`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cluster {
    #[serde(default)]
    cluster: serde_json::Value,
    articles: Vec<Article>,
}

/// Reads clusters from stdin and writes one `{"cluster", "report"}` or `{"cluster", "error"}` line each.
fn batch(options: &Options) -> Result<ExitCode, String> {
    let stdin = io::stdin();
    let mut failures = 0;
    for (number, line) in stdin.lock().lines().enumerate() {
        let line = line.map_err(|e| format!("stdin: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let output = match serde_json::from_str::<Cluster>(&line) {
            Ok(cluster) => match compare(&cluster.articles, options) {
                Ok(report) => BatchLine { cluster: cluster.cluster, report: Some(report), error: None },
                Err(e) => BatchLine { cluster: cluster.cluster, report: None, error: Some(e.to_string()) },
            },
            Err(e) => BatchLine {
                cluster: serde_json::Value::Null,
                report: None,
                error: Some(format!("line {}: {e}", number + 1)),
            },
        };
        if output.error.is_some() {
            failures += 1;
        }
        let mut json = serde_json::to_string(&output).map_err(|e| e.to_string())?;
        json.push('\n');
        write_stdout(json.as_bytes())?;
    }
    Ok(if failures > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

#[derive(serde::Serialize)]
struct BatchLine {
    cluster: serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

fn eval(args: &[String]) -> Result<ExitCode, String> {
    let data = match args {
        [] => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
        [flag, dir] if flag == "--data" => PathBuf::from(dir),
        _ => return Err(format!("eval takes only --data DIR\n\n{USAGE}")),
    };
    let figures = crate::eval::all_figures(&data)?;
    let width = figures.iter().map(|f| f.name.chars().count()).max().unwrap_or(0);
    let value_width = figures.iter().map(|f| f.value.chars().count()).max().unwrap_or(0);
    let mut table = String::new();
    for figure in &figures {
        table.push_str(&format!(
            "{:<width$}  {:<value_width$}  {}\n",
            figure.name,
            figure.value,
            figure.reference
        ));
    }
    write_stdout(table.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
