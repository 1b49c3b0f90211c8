//! The command line: compare files, run batches, print evaluation figures (native only).
//!
//! ```text
//! crosscheck [--format json|markdown|csv] [--options JSON] [--] FILE...
//! crosscheck --jsonl < clusters.jsonl > reports.jsonl
//! crosscheck eval [--data DIR]
//! ```
//!
//! Exit codes: 0 all files compared; 1 some files could not be read (the report covers the
//! rest, and each skipped file gets one line on stderr); 2 nothing to compare or bad usage.

use std::ffi::OsString;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::options::Options;
use crate::pipeline::compare;
use crate::report::{Article, Report, VERSION};
use crate::{input, render};
use serde::Deserialize;

const USAGE: &str = "\
usage: crosscheck [--format json|markdown|csv] [--options JSON] [--] FILE...
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
    // File names need not be UTF-8 (Linux allows any bytes), so arguments stay OsStrings.
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("crosscheck: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[OsString]) -> Result<ExitCode, String> {
    if args.first().is_some_and(|a| a == "eval") {
        return eval(&args[1..]);
    }
    let mut format = Format::Json;
    let mut options = Options::default();
    let mut jsonl = false;
    let mut files = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let Some(flag) = arg.to_str() else {
            files.push(PathBuf::from(arg));
            continue;
        };
        match flag {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            "-V" | "--version" => {
                println!("crosscheck {}", VERSION);
                return Ok(ExitCode::SUCCESS);
            }
            "--format" | "-f" => {
                format = match value(rest.next())? {
                    Some("json") => Format::Json,
                    Some("markdown" | "md") => Format::Markdown,
                    Some("csv") => Format::Csv,
                    other => return Err(format!("--format takes json, markdown or csv, not {other:?}\n\n{USAGE}")),
                }
            }
            "--options" => {
                let json = value(rest.next())?.ok_or("--options takes a JSON object")?;
                options = serde_json::from_str(json).map_err(|e| format!("--options: {e}"))?;
            }
            "--jsonl" => jsonl = true,
            // Everything after "--" is a file, so a file named "-x.txt" can be given as is.
            "--" => files.extend(rest.by_ref().map(PathBuf::from)),
            flag if flag.starts_with('-') && flag.len() > 1 => {
                return Err(format!("unknown option {}\n\n{USAGE}", one_line(flag)))
            }
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
    let mut read_paths = Vec::new();
    let mut skipped = 0;
    for path in &files {
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        match std::fs::read(path)
            .map_err(|e| format!("cannot be read: {e}"))
            .and_then(|bytes| input::decode(&bytes, &name))
        {
            Ok(text) => {
                articles.push(Article { name, text });
                read_paths.push(path);
            }
            Err(message) => {
                eprintln!("crosscheck: {}: {message}; skipped", one_line(&path.display().to_string()));
                skipped += 1;
            }
        }
    }
    if articles.is_empty() {
        return Err("none of the files could be read".into());
    }
    let report = compare(&articles, &options).map_err(|e| e.to_string())?;
    for warning in &report.warnings {
        eprintln!(
            "crosscheck: {}: {}; not compared",
            one_line(&read_paths[warning.source].display().to_string()),
            warning.message
        );
    }
    if report.sources.iter().all(|source| report.warnings.iter().any(|w| w.source == source.id)) {
        return Err("none of the files could be read".into());
    }
    let rendered = match format {
        Format::Json => serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n",
        Format::Markdown => render::markdown(&report),
        Format::Csv => render::csv(&report),
    };
    write_stdout(rendered.as_bytes())?;
    Ok(if skipped > 0 || !report.warnings.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// An option's value, which unlike a file name must be text.
fn value(arg: Option<&OsString>) -> Result<Option<&str>, String> {
    arg.map(|a| a.to_str().ok_or_else(|| format!("{} is not UTF-8", a.to_string_lossy()))).transpose()
}

/// A file name as one stderr line: control characters (a newline is legal in a Linux file
/// name) are written as escapes, so each skipped file still gets exactly one line.
fn one_line(name: &str) -> String {
    name.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect()
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

fn eval(args: &[OsString]) -> Result<ExitCode, String> {
    let data = match args {
        [] => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
        [flag, dir] if flag == "--data" => PathBuf::from(dir),
        _ => return Err(format!("eval takes only --data DIR\n\n{USAGE}")),
    };
    let figures = crate::eval::all_figures(&data)?;
    let width = figures.iter().map(|f| f.name.chars().count()).max().unwrap_or(0);
    // A long value (the precision-recall curve) runs past its column rather than widening it.
    let value_width = figures.iter().map(|f| f.value.chars().count()).filter(|&w| w <= 60).max().unwrap_or(0);
    let mut table = String::new();
    for figure in &figures {
        table.push_str(&format!("{:<width$}  {:<value_width$}  {}\n", figure.name, figure.value, figure.reference));
    }
    write_stdout(table.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
