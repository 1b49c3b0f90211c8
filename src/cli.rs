//! The command line: compare files, run batches, print evaluation figures (native only).
//!
//! ```text
//! crosscheck [--format json|markdown|csv] [--options JSON] [--] FILE...
//! crosscheck --jsonl [--threads N] [--options JSON] < clusters.jsonl > reports.jsonl
//! crosscheck eval [--data DIR]
//! crosscheck completions bash|zsh|fish|elvish|powershell
//! ```
//!
//! Exit codes: 0 all files compared; 1 some files could not be read (the report covers the
//! rest, and each skipped file gets one line on stderr); 2 nothing to compare or bad usage.
//! Every message is one `crosscheck: ` line on stderr; usage errors add the usage lines.

use std::io::{self, BufRead, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use serde::Deserialize;

use crate::options::Options;
use crate::pipeline::compare;
use crate::report::{Article, Report, VERSION};
use crate::{input, render};

const USAGE: &str = "\
crosscheck [--format json|markdown|csv] [--options JSON] [--] FILE...
       crosscheck --jsonl [--threads N] [--options JSON] < clusters.jsonl
       crosscheck eval [--data DIR]
       crosscheck completions SHELL";

/// Compares news articles claim by claim: facts, single-source claims and conflicts.
///
/// Writes one report for the FILEs (plain text, or saved web pages), or with --jsonl one
/// report per cluster line read on stdin.
#[derive(Parser)]
#[command(name = "crosscheck", version = VERSION, override_usage = USAGE, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// The report's format: the JSON report (the documented contract), a Markdown summary, or
    /// the fact matrix as CSV.
    #[arg(short, long, value_enum, default_value_t = Format::Json)]
    format: Format,

    /// Options as a JSON object, e.g. '{"minFactScore": 0.5}'. The keys are maxArticles,
    /// maxArticleBytes, maxTotalBytes, minFactScore and maxCandidatesPerSentence; an unknown
    /// key, a wrong type or an out-of-range value is refused.
    #[arg(long, value_name = "JSON")]
    options: Option<String>,

    /// Read clusters from stdin, one JSON object per line
    /// ({"cluster": any, "articles": [{"name", "text"}]}), and write one line per cluster, in
    /// input order: {"cluster", "report"} or {"cluster", "error"}.
    #[arg(long, conflicts_with_all = ["files", "format"])]
    jsonl: bool,

    /// Clusters compared at once with --jsonl; all cores by default.
    #[arg(long, value_name = "N")]
    threads: Option<NonZeroUsize>,

    /// The articles to compare. A file whose name starts with '-' goes after '--'.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Prints the evaluation figures on the public data sets (MRPC, STS-B, ECB+, ...).
    Eval {
        /// The folder of the data sets; ../shared/data next to the source tree by default.
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
    },
    /// Prints a completion script for a shell, e.g. `crosscheck completions bash > /etc/bash_completion.d/crosscheck`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum Format {
    /// The JSON report.
    Json,
    /// A Markdown summary.
    #[value(alias = "md")]
    Markdown,
    /// The fact matrix as CSV.
    Csv,
}

/// Runs the CLI with the process's arguments.
pub fn main() -> ExitCode {
    // File names need not be UTF-8 (Linux allows any bytes); clap keeps them as OsStrings.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(error),
    };
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("crosscheck: {message}");
            ExitCode::from(2)
        }
    }
}

/// Help and version go to stdout; a usage error is one `crosscheck:` line, then the usage.
fn usage_error(error: clap::Error) -> ExitCode {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        _ => {}
    }
    let context = |kind| match error.get(kind) {
        Some(ContextValue::String(value)) => Some(value.clone()),
        Some(ContextValue::Strings(values)) => Some(values.join(", ")),
        _ => None,
    };
    let message = match (error.kind(), context(ContextKind::InvalidArg)) {
        (ErrorKind::UnknownArgument, Some(flag)) => {
            // clap names the first unknown short flag ("-l" of "-leading.txt"); the whole
            // argument tells the user which file it was.
            let whole = std::env::args_os()
                .skip(1)
                .map(|arg| arg.to_string_lossy().into_owned())
                .find(|arg| arg.starts_with(&flag) && !arg.starts_with("--") || *arg == flag)
                .unwrap_or(flag);
            format!("unknown option {}", one_line(&whole))
        }
        (ErrorKind::InvalidValue, Some(arg)) => format!(
            "{} takes {}, not {:?}",
            arg.split_whitespace().next().unwrap_or(&arg),
            context(ContextKind::ValidValue).unwrap_or_else(|| "another value".into()),
            context(ContextKind::InvalidValue).unwrap_or_default()
        ),
        _ => {
            let rendered = error.render().to_string();
            let first = rendered.lines().next().unwrap_or_default();
            first.strip_prefix("error: ").unwrap_or(first).to_string()
        }
    };
    eprintln!("crosscheck: {message}\n\nusage: {USAGE}\n\nMore with --help.");
    ExitCode::from(2)
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Some(Command::Eval { data }) => return eval(data),
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "crosscheck", &mut out);
            write_stdout(&out)?;
            return Ok(ExitCode::SUCCESS);
        }
        None => {}
    }
    let options = match &cli.options {
        Some(json) => Options::from_deserializer(&mut serde_json::Deserializer::from_str(json))
            .map_err(|e| format!("--options: {e}"))?,
        None => Options::default(),
    };
    if cli.jsonl {
        return batch(&options, cli.threads);
    }
    if cli.threads.is_some() {
        return Err(format!("--threads sets how many clusters --jsonl compares at once; give --jsonl too\n\nusage: {USAGE}"));
    }
    if cli.files.is_empty() {
        return Err(format!("no files given\n\nusage: {USAGE}"));
    }
    compare_files(&cli.files, cli.format, &options)
}

fn compare_files(files: &[PathBuf], format: Format, options: &Options) -> Result<ExitCode, String> {
    let mut articles = Vec::new();
    let mut read_paths = Vec::new();
    let mut skipped = 0;
    for path in files {
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
    let report = compare(&articles, options).map_err(|e| e.to_string())?;
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

/// Reads clusters from stdin and writes one `{"cluster", "report"}` or `{"cluster", "error"}`
/// line each, in input order. Clusters are compared on `threads` threads, a chunk at a time,
/// so memory stays bounded by the chunk however long the input is.
fn batch(options: &Options, threads: Option<NonZeroUsize>) -> Result<ExitCode, String> {
    let threads = threads.or_else(|| std::thread::available_parallelism().ok()).map_or(1, NonZeroUsize::get);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| format!("cannot start {threads} threads: {e}"))?;
    // Enough clusters per chunk that a slow one rarely leaves the other threads idle.
    let chunk_size = threads * 8;
    let progress = io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} clusters compared, {per_sec} ({elapsed})")
                .expect("a valid progress template"),
        );
        bar
    });
    let mut lines = io::stdin().lock().lines().enumerate();
    let mut failures = 0;
    loop {
        let mut chunk = Vec::with_capacity(chunk_size);
        for (number, line) in lines.by_ref() {
            let line = line.map_err(|e| format!("stdin: {e}"))?;
            if !line.trim().is_empty() {
                chunk.push((number, line));
            }
            if chunk.len() == chunk_size {
                break;
            }
        }
        if chunk.is_empty() {
            break;
        }
        let outputs: Vec<BatchLine> =
            pool.install(|| chunk.par_iter().map(|(number, line)| compare_cluster(*number, line, options)).collect());
        let mut text = String::new();
        for output in &outputs {
            failures += usize::from(output.error.is_some());
            text.push_str(&serde_json::to_string(output).map_err(|e| e.to_string())?);
            text.push('\n');
        }
        write_stdout(text.as_bytes())?;
        if let Some(bar) = &progress {
            bar.inc(outputs.len() as u64);
        }
    }
    if let Some(bar) = progress {
        bar.finish();
    }
    Ok(if failures > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// One line of `--jsonl` input (its 0-based `number`) compared.
fn compare_cluster(number: usize, line: &str, options: &Options) -> BatchLine {
    match serde_json::from_str::<Cluster>(line) {
        Ok(cluster) => match compare(&cluster.articles, options) {
            Ok(report) => BatchLine { cluster: cluster.cluster, report: Some(report), error: None },
            Err(e) => BatchLine { cluster: cluster.cluster, report: None, error: Some(e.to_string()) },
        },
        Err(e) => BatchLine {
            cluster: serde_json::Value::Null,
            report: None,
            error: Some(format!("line {}: {e}", number + 1)),
        },
    }
}

#[derive(serde::Serialize)]
struct BatchLine {
    cluster: serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

fn eval(data: Option<PathBuf>) -> Result<ExitCode, String> {
    let data = data.unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
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
